package dev.autohair.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobClientTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Topics TOPICS = new Topics("t.jobs", "t.status", "t.results", "t.dlq");

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final RecordingUploader uploader = new RecordingUploader(producer);
    private final JobRequest request = JobRequest.of("uploads", new OutputTarget("cutouts", "shop/"))
            .withInputPrefix("incoming/")
            .withOptions(JobOptions.defaults().withOutputs(OutputKind.CUTOUT, OutputKind.MATTE).withFormat(OutputFormat.WEBP))
            .withMetadata(Map.of("sku", "7731"));

    private JobClient client(MockProducer<String, byte[]> kafka, Duration timeout) {
        return new JobClient(uploader, kafka, TOPICS, timeout, CODEC, Clock.fixed(NOW, ZoneOffset.UTC), () -> "job-42");
    }

    @Test
    void uploadsTheImageThenProducesTheJobKeyedByItsId(@TempDir Path dir) throws Exception {
        Path image = Files.write(dir.resolve("Front View.JPG"), new byte[] {1, 2, 3, 4});

        String jobId = client(producer, Duration.ofSeconds(5)).submit(image, request);

        assertThat(jobId).isEqualTo("job-42");
        assertThat(uploader.puts).singleElement().satisfies(put -> {
            assertThat(put.target()).isEqualTo(new ObjectRef("uploads", "incoming/job-42/Front_View.JPG"));
            assertThat(put.bytes()).containsExactly(1, 2, 3, 4);
            assertThat(put.contentType()).isEqualTo("image/jpeg");
            assertThat(put.metadata()).containsEntry(JobClient.JOB_ID_METADATA, "job-42");
            assertThat(put.recordsAlreadySent()).as("the job must follow the upload").isZero();
        });
        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(producer.history()).hasSize(1);
        assertThat(sent.topic()).isEqualTo("t.jobs");
        assertThat(sent.key()).isEqualTo("job-42");
        ImageJob job = CODEC.decodeJob(sent.value());
        assertThat(job).isEqualTo(new ImageJob("job-42", new ObjectRef("uploads", "incoming/job-42/Front_View.JPG"),
                new OutputTarget("cutouts", "shop/"), request.options(), Map.of("sku", "7731"), NOW));
    }

    @Test
    void alreadyUploadedJobIsSentAsIs() throws Exception {
        JobClient client = client(producer, Duration.ofSeconds(5));
        ImageJob job = client.prepare("order-9", ObjectRef.parse("s3://uploads/x/y.png"), request);

        assertThat(client.submit(job)).isEqualTo("order-9");

        assertThat(uploader.puts).isEmpty();
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("order-9");
            assertThat(CODEC.decodeJob(r.value())).isEqualTo(job);
        });
    }

    @Test
    void failedUploadSendsNoJob() {
        uploader.failWith = new JobSubmissionException(null, "S3 refused: NoSuchBucket", null);

        assertThatThrownBy(() -> client(producer, Duration.ofSeconds(5)).submit(new byte[] {1}, "a.png", request))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageContaining("job-42 was not submitted")
                .hasMessageContaining("NoSuchBucket")
                .extracting(e -> ((JobSubmissionException) e).jobId()).isEqualTo("job-42");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void requestThatBreaksTheSchemaUploadsNothing() {
        JobRequest tooMuch = request.withMetadata(Map.of("note", "x".repeat(2000)));

        assertThatThrownBy(() -> client(producer, Duration.ofSeconds(5)).submit(new byte[] {1}, "a.png", tooMuch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/metadata/note");
        assertThat(uploader.puts).isEmpty();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void unconfirmedSendFailsWithinTheTimeout() {
        MockProducer<String, byte[]> silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(silent, Duration.ofMillis(200)).submit(new byte[] {1}, "a.png", request))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageContaining("did not confirm")
                .hasMessageContaining("'t.jobs'");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void brokerErrorIsReportedWithTheJobId() throws Exception {
        MockProducer<String, byte[]> failing = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        Thread broker = new Thread(() -> {
            while (!failing.errorNext(new TopicAuthorizationException("t.jobs"))) {
                Thread.onSpinWait();
            }
        });
        broker.setDaemon(true); // never keeps the test JVM alive if the send never happens
        broker.start();

        assertThatThrownBy(() -> client(failing, Duration.ofSeconds(10)).submit(new byte[] {1}, "a.png", request))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageContaining("job-42")
                // Explained in terms of what to fix, by the one translation of access failures.
                .hasMessageContaining("refused the request: t.jobs; grant it access (ACLs)")
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        broker.join(5000);
    }

    @Test
    void contentTypesFollowTheFileExtension() {
        assertThat(JobClient.contentType("a.JPEG")).isEqualTo("image/jpeg");
        assertThat(JobClient.contentType("a.png")).isEqualTo("image/png");
        assertThat(JobClient.contentType("a.webp")).isEqualTo("image/webp");
        assertThat(JobClient.contentType("a.heic")).isEqualTo("application/octet-stream");
    }

    @Test
    void closeClosesProducerAndUploader() {
        client(producer, Duration.ofSeconds(1)).close();

        assertThat(producer.closed()).isTrue();
        assertThat(uploader.closed).isTrue();
    }

    record Put(ObjectRef target, byte[] bytes, String contentType, Map<String, String> metadata, int recordsAlreadySent) {
    }

    /** Stores nothing; remembers what it was asked to store, and how many job records were out by then. */
    static final class RecordingUploader implements ObjectUploader {
        final List<Put> puts = new ArrayList<>();
        final MockProducer<String, byte[]> producer;
        JobSubmissionException failWith;
        boolean closed;

        RecordingUploader(MockProducer<String, byte[]> producer) {
            this.producer = producer;
        }

        @Override
        public void put(ObjectRef target, InputStream content, long size, String contentType, Map<String, String> metadata) {
            if (failWith != null) {
                throw failWith;
            }
            try {
                byte[] bytes = content.readAllBytes();
                assertThat(bytes).hasSize((int) size);
                puts.add(new Put(target, bytes, contentType, metadata, producer.history().size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
