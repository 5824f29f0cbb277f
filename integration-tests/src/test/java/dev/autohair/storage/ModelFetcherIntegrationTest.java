package dev.autohair.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.devstack.s3.EmbeddedS3;
import dev.autohair.pipeline.segmentation.DjlSegmenter;
import dev.autohair.pipeline.model.ModelChecksumException;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.testing.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model at s3://bucket/prefix: fetched once into the cache, verified, loadable; a wrong file is refused. */
class ModelFetcherIntegrationTest {

    private static final String BUCKET = "models";

    private static EmbeddedS3 s3;
    private static ObjectStore store;
    private static Path selfie;
    private static String sha256;

    @TempDir
    Path cache;

    @BeforeAll
    static void upload() throws Exception {
        s3 = EmbeddedS3.start();
        store = new ObjectStore(new StorageConfig(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.region()));
        store.ensureBucket(BUCKET);
        selfie = RepositoryRoot.resolve("models/selfie");
        byte[] model = Files.readAllBytes(selfie.resolve("saved_model.pb"));
        store.put(BUCKET, "selfie/v1/saved_model.pb", model, "application/octet-stream", Map.of());
        sha256 = DjlSegmenter.sha256(selfie.resolve("saved_model.pb"));
    }

    @AfterAll
    static void stop() {
        store.close();
        s3.close();
    }

    private static SegmentationModelSpec remote(String location, String sha) {
        SegmentationModelSpec local = SelfieSegmentation.spec(selfie);
        return new SegmentationModelSpec(local.name(), local.engine(), location, null, sha, local.input(),
                local.output(), local.batch());
    }

    @Test
    void fetchesOnceVerifiesAndLoads() throws Exception {
        ModelFetcher fetcher = new ModelFetcher(store, cache);

        SegmentationModelSpec local = fetcher.localise(remote("s3://models/selfie/v1/", sha256));

        Path dir = Path.of(local.location());
        assertThat(dir).isEqualTo(cache.resolve(local.name()).resolve(sha256));
        assertThat(dir.resolve("saved_model.pb")).hasSameBinaryContentAs(selfie.resolve("saved_model.pb"));
        try (DjlSegmenter segmenter = DjlSegmenter.load(local)) {
            assertThat(segmenter.modelVersion()).isEqualTo("sha256:" + sha256.substring(0, 12));
        }
        // A second start finds the cached copy even when the store is gone.
        store.put(BUCKET, "selfie/v1/saved_model.pb", new byte[] {1, 2, 3}, "application/octet-stream", Map.of());
        try {
            assertThat(fetcher.localise(remote("s3://models/selfie/v1", sha256)).location()).isEqualTo(dir.toString());
        } finally {
            store.put(BUCKET, "selfie/v1/saved_model.pb", Files.readAllBytes(selfie.resolve("saved_model.pb")),
                    "application/octet-stream", Map.of());
        }
    }

    @Test
    void aDownloadWithTheWrongChecksumIsRefusedAndLeavesNoCacheEntry() {
        ModelFetcher fetcher = new ModelFetcher(store, cache);
        String wrong = "f".repeat(64);

        assertThatThrownBy(() -> fetcher.localise(remote("s3://models/selfie/v1", wrong)))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining("s3://models/selfie/v1/saved_model.pb has sha256 " + sha256)
                .hasMessageContaining("configured with " + wrong);
        assertThat(cache.resolve("mediapipe-selfie-segmentation").resolve(wrong)).doesNotExist();
    }
}
