package dev.autohair.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.devstack.s3.EmbeddedS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ObjectStore against a real S3 server (s3proxy, filesystem backend) on loopback. */
class ObjectStoreIntegrationTest {

    private static final String BUCKET = "uploads";

    private static EmbeddedS3 s3;
    private static ObjectStore store;

    @BeforeAll
    static void startServer() {
        s3 = EmbeddedS3.start();
        store = new ObjectStore(configFor(s3));
        store.ensureBucket(BUCKET);
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void putThenFetchReturnsTheBytesContentTypeAndUserMetadata() {
        byte[] image = randomBytes(70_000, 1);

        StoredObject stored = store.put(BUCKET, "jobs/j1/input.png", image, "image/png",
                Map.of("job-id", "j1", "source", "upload-system"));
        FetchedObject fetched = store.fetch(BUCKET, "jobs/j1/input.png", 1_000_000);

        assertThat(fetched.bytes()).isEqualTo(image);
        assertThat(fetched.contentType()).isEqualTo("image/png");
        assertThat(fetched.userMetadata()).containsExactlyInAnyOrderEntriesOf(
                Map.of("job-id", "j1", "source", "upload-system"));
        assertThat(stored.sizeBytes()).isEqualTo(image.length);
        assertThat(fetched.etag()).isEqualTo(stored.etag()).isNotBlank();
        assertThat(store.exists(BUCKET, "jobs/j1/input.png")).isTrue();
    }

    @Test
    void pingAnswersWhateverTheBucketAndFailsUnavailableOnlyWhileTheServerIsDown() throws Exception {
        store.ping(BUCKET);
        store.ping("no-such-bucket"); // an answer, if a "no": storage is up
        s3.stop();
        try {
            assertThatThrownBy(() -> store.ping(BUCKET)).isInstanceOf(StorageUnavailableException.class);
        } finally {
            s3.restart();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) { // the first request after a restart may meet a pooled connection the server closed
            try {
                store.ping(BUCKET);
                break;
            } catch (StorageUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void putUnderTheSameKeyReplacesTheObject() {
        store.put(BUCKET, "jobs/j2/cutout.png", "first".getBytes(StandardCharsets.UTF_8), "image/png", Map.of());
        store.put(BUCKET, "jobs/j2/cutout.png", "second".getBytes(StandardCharsets.UTF_8), "image/webp",
                Map.of("attempt", "2"));

        FetchedObject fetched = store.fetch(BUCKET, "jobs/j2/cutout.png", 100);

        assertThat(new String(fetched.bytes(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(fetched.contentType()).isEqualTo("image/webp");
        assertThat(fetched.userMetadata()).isEqualTo(Map.of("attempt", "2"));
    }

    @Test
    void objectsLargerThanAMultipartPartRoundTrip() {
        // 12 MiB: the SDK uploads it in parts, which needs the absolute base folder.
        byte[] large = randomBytes(12 * 1024 * 1024, 2);

        store.put(BUCKET, "jobs/j3/large.bin", large, "application/octet-stream", Map.of());

        assertThat(store.fetch(BUCKET, "jobs/j3/large.bin", large.length).bytes()).isEqualTo(large);
    }

    @Test
    void fetchRefusesAnObjectOverTheCapAndAcceptsOneExactlyAtIt() {
        store.put(BUCKET, "jobs/j4/input.jpg", new byte[1001], "image/jpeg", Map.of());

        assertThatThrownBy(() -> store.fetch(BUCKET, "jobs/j4/input.jpg", 1000))
                .isInstanceOfSatisfying(ObjectTooLargeException.class, e -> {
                    assertThat(e.sizeBytes()).isEqualTo(1001);
                    assertThat(e.maxBytes()).isEqualTo(1000);
                    assertThat(e.isRetriable()).isFalse();
                })
                .hasMessageContaining("s3://uploads/jobs/j4/input.jpg is 1001 bytes, over the cap of 1000 bytes");
        assertThat(store.fetch(BUCKET, "jobs/j4/input.jpg", 1001).size()).isEqualTo(1001);
    }

    @Test
    void aMissingObjectIsObjectNotFoundAndDoesNotExist() {
        assertThatThrownBy(() -> store.fetch(BUCKET, "jobs/nope/input.png", 1000))
                .isInstanceOfSatisfying(ObjectNotFoundException.class, e -> {
                    assertThat(e.bucket()).isEqualTo(BUCKET);
                    assertThat(e.key()).isEqualTo("jobs/nope/input.png");
                    assertThat(e.isRetriable()).isFalse();
                })
                .hasMessageContaining("s3://uploads/jobs/nope/input.png does not exist");
        assertThat(store.exists(BUCKET, "jobs/nope/input.png")).isFalse();
    }

    @Test
    void aMissingBucketIsBucketNotFoundForEveryOperation() {
        assertThatThrownBy(() -> store.fetch("no-such-bucket", "a.png", 1000))
                .isInstanceOfSatisfying(BucketNotFoundException.class,
                        e -> assertThat(e.bucket()).isEqualTo("no-such-bucket"))
                .hasMessageContaining("bucket 'no-such-bucket' does not exist at " + s3.endpoint());
        assertThatThrownBy(() -> store.exists("no-such-bucket", "a.png"))
                .isInstanceOf(BucketNotFoundException.class);
        assertThatThrownBy(() -> store.put("no-such-bucket", "a.png", new byte[1], "image/png", Map.of()))
                .isInstanceOf(BucketNotFoundException.class);
        assertThat(store.bucketExists("no-such-bucket")).isFalse();
    }

    @Test
    void anInvalidBucketNameIsRejectedPermanently() {
        assertThatThrownBy(() -> store.fetch("B", "a.png", 1000))
                .isInstanceOfSatisfying(StorageRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("InvalidName");
                    assertThat(e.isRetriable()).isFalse();
                })
                .hasMessageContaining("correct the bucket or key name");
    }

    @Test
    void ensureBucketCreatesOnceAndIsIdempotent() {
        assertThat(store.bucketExists("cutouts")).isFalse();

        store.ensureBucket("cutouts");
        store.ensureBucket("cutouts");

        assertThat(store.bucketExists("cutouts")).isTrue();
        assertThat(Files.isDirectory(s3.baseDir().resolve("cutouts"))).isTrue();
    }

    @Test
    void wrongCredentialsAreRejectedPermanently() {
        StorageConfig wrong = new StorageConfig(s3.endpoint(), s3.accessKey(), "not-the-secret", s3.region());
        try (ObjectStore intruder = new ObjectStore(wrong)) {
            assertThatThrownBy(() -> intruder.put(BUCKET, "x.png", new byte[1], "image/png", Map.of()))
                    .isInstanceOfSatisfying(StorageRejectedException.class, e -> {
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
                    })
                    .hasMessageContaining("check the worker's access key, secret key");
        }
    }

    @Test
    void aStoppedServerIsUnavailableAndRetriableUntilItIsBack() {
        try (EmbeddedS3 own = EmbeddedS3.start(); ObjectStore client = new ObjectStore(configFor(own))) {
            client.ensureBucket("flaky");
            client.put("flaky", "k.png", new byte[] {1, 2, 3}, "image/png", Map.of());

            own.stop();

            assertThatThrownBy(() -> client.fetch("flaky", "k.png", 100))
                    .isInstanceOfSatisfying(StorageUnavailableException.class,
                            e -> assertThat(e.isRetriable()).isTrue())
                    .hasMessageContaining("object storage at " + own.endpoint() + " is unavailable")
                    .hasMessageContaining("connection was refused");
            assertThatThrownBy(() -> client.put("flaky", "k2.png", new byte[1], "image/png", Map.of()))
                    .isInstanceOf(StorageUnavailableException.class);

            own.restart();

            assertThat(client.fetch("flaky", "k.png", 100).bytes()).containsExactly(1, 2, 3);
        }
    }

    private static StorageConfig configFor(EmbeddedS3 server) {
        return new StorageConfig(server.endpoint(), server.accessKey(), server.secretKey(), server.region());
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
