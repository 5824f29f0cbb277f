package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.DeadLetterHeaders;
import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.storage.InMemoryObjectStore;
import dev.autohair.storage.StorageRejectedException;
import dev.autohair.storage.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job flow with Kafka's MockProducer, object storage in memory and a real pipeline (a fixed
 * disc for a segmenter): the events a job produces, where failures are reported, retries, and
 * when its offset may be committed.
 */
class JobFlowTest {

    private static final int W = 48;
    private static final int H = 36;
    private static final Topics TOPICS = Topics.defaults();
    private static final TopicPartition JOBS = new TopicPartition(TOPICS.jobs(), 0);

    private final MessageCodec codec = new MessageCodec();
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final OffsetTracker tracker = new OffsetTracker();
    private MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private JobFlow flow;
    private long nextOffset;

    private final Map<String, String> overrides = new java.util.HashMap<>();
    private StorageOutage outage;

    private WorkerConfig config() {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1",
                WorkerConfig.S3_ENDPOINT, "http://127.0.0.1:1",
                WorkerConfig.S3_ACCESS_KEY, "test",
                WorkerConfig.S3_SECRET_KEY, "test-secret",
                WorkerConfig.WORKER_ID, "unit-worker",
                WorkerConfig.RETRY_BACKOFF_MS, "5",
                WorkerConfig.BATCH_MAX_DELAY_MS, "1"));
        env.putAll(overrides);
        return WorkerConfig.load(env, Optional.empty());
    }

    private static Segmenter disc() {
        return new Segmenter() {
            @Override
            public List<Matte> segment(List<RgbImage> images) {
                return images.stream().map(image -> {
                    Matte mask = Matte.blank(image.width(), image.height());
                    for (int y = 0; y < image.height(); y++) {
                        for (int x = 0; x < image.width(); x++) {
                            mask.set(x, y, Math.hypot(x - W / 2.0, y - H / 2.0) < 10 ? 1f : 0f);
                        }
                    }
                    return mask;
                }).toList();
            }

            @Override
            public String modelName() {
                return "disc";
            }

            @Override
            public String modelVersion() {
                return "7";
            }

            @Override
            public void close() {
            }
        };
    }

    private JobFlow flow() {
        CutoutPipeline pipeline = new CutoutPipeline(disc(), new ClosedFormMatting(), new MultiLevelForegroundEstimation());
        WorkerConfig config = config();
        outage = new StorageOutage(store);
        flow = new JobFlow(config, pipeline, store, new Events(producer, TOPICS, codec, config.workerId(), new AtLeastOnceDelivery(tracker)), codec, tracker,
                WorkerMetrics.NONE, outage);
        return flow;
    }

    @AfterEach
    void close() {
        if (flow != null) {
            flow.close();
            outage.close();
        }
    }

    private void submit(String jobId, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(JOBS.topic(), 0, nextOffset, jobId, value);
        flow.accept(record, tracker.started(JOBS, nextOffset++));
    }

    private void submit(String jobId, JobOptions options) {
        RgbImage image = RgbImage.blank(W, H);
        for (int i = 0; i < W * H; i++) {
            image.rgb()[3 * i] = (i % W) / (float) W;
        }
        store.add("uploads", jobId + ".png", new ImageEncoder().encodeOpaque(image, OutputFormat.PNG));
        ImageJob job = new ImageJob(jobId, ObjectRef.parse("s3://uploads/" + jobId + ".png"), OutputTarget.of("cutouts"),
                options, Map.of("shop", "7"), Instant.now());
        submit(jobId, codec.encode(job));
    }

    private void awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (tracker.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(tracker.inFlight()).as("jobs still in flight").isZero();
        assertThat(flow.fatal()).isNull();
    }

    private List<StatusEvent> statuses(String jobId) {
        return producer.history().stream().filter(r -> r.topic().equals(TOPICS.status()) && r.key().equals(jobId))
                .map(r -> codec.decodeStatus(r.value())).toList();
    }

    private List<JobResult> results(String jobId) {
        return producer.history().stream().filter(r -> r.topic().equals(TOPICS.results()) && r.key().equals(jobId))
                .map(r -> codec.decodeResult(r.value())).toList();
    }

    private List<ProducerRecord<String, byte[]>> deadLetters() {
        return producer.history().stream().filter(r -> r.topic().equals(TOPICS.deadLetters())).toList();
    }

    @Test
    void aJobReportsEachMilestoneAsThePipelineReachesItAndStoresWhatItAskedFor() throws Exception {
        flow();
        submit("shoe-1", JobOptions.defaults().withOutputs(OutputKind.CUTOUT, OutputKind.MATTE));
        awaitSettled();

        List<StatusEvent> events = statuses("shoe-1");
        assertThat(events).extracting(StatusEvent::state).containsExactly(JobState.RECEIVED, JobState.FETCHED,
                JobState.SEGMENTED, JobState.MATTED, JobState.STORED, JobState.SUCCEEDED);
        assertThat(events).extracting(StatusEvent::stage).containsExactly(null, JobStage.DECODE, JobStage.SEGMENT,
                JobStage.MATTE, JobStage.STORE, JobStage.STORE);
        assertThat(events).extracting(StatusEvent::progress).isSorted().endsWith(1.0);
        assertThat(events).extracting(StatusEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);

        JobResult result = results("shoe-1").get(0);
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.timingsMs()).containsKeys(JobStage.FETCH, JobStage.DECODE, JobStage.SEGMENT, JobStage.TRIMAP,
                JobStage.MATTE, JobStage.COLOUR, JobStage.ENCODE, JobStage.STORE);
        assertThat(result.models()).extracting(m -> m.name() + "@" + m.version()).containsExactly("disc@7", "closed-form@1");
        assertThat(result.outputs()).extracting(OutputRef::kind).containsExactly(OutputKind.CUTOUT, OutputKind.MATTE);
        for (OutputRef ref : result.outputs()) {
            assertThat(store.get(ref.bucket(), ref.key())).hasSize((int) ref.bytes());
            assertThat(store.metadata(ref.bucket(), ref.key())).containsEntry("job-id", "shoe-1")
                    .containsEntry("segmentation-model", "disc@7");
        }
    }

    @Test
    void aStorageRefusalAtPutIsReportedAtTheStoreStageAndDeadLettered() throws Exception {
        flow();
        store.failNextPut(new StorageRejectedException("put cutouts/x: Access Denied", "AccessDenied", null));
        submit("bag-2", JobOptions.defaults());
        awaitSettled();

        StatusEvent last = statuses("bag-2").get(statuses("bag-2").size() - 1);
        assertThat(last.state()).isEqualTo(JobState.FAILED);
        assertThat(last.stage()).isEqualTo(JobStage.STORE);
        assertThat(last.error().code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(results("bag-2")).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.FAILED));
        assertThat(deadLetters()).singleElement().satisfies(r -> assertThat(new String(
                r.headers().lastHeader(DeadLetterHeaders.ERROR_CODE).value(), StandardCharsets.UTF_8))
                .isEqualTo("ACCESS_DENIED"));
    }

    @Test
    void anInternalErrorIsRetriedFromTheStartAndThenSucceeds() throws Exception {
        flow();
        store.failNextPut(new IllegalStateException("a bug that strikes once"));
        store.failNextPut(new IllegalStateException("a bug that strikes twice"));
        submit("hat-3", JobOptions.defaults());
        awaitSettled();

        List<StatusEvent> events = statuses("hat-3");
        assertThat(events).filteredOn(e -> e.state() == JobState.RETRYING).hasSize(2)
                .allSatisfy(e -> assertThat(e.stage()).isEqualTo(JobStage.STORE));
        assertThat(events.get(events.size() - 1).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(events.get(events.size() - 1).attempt()).isEqualTo(3);
        assertThat(results("hat-3")).singleElement().satisfies(r -> assertThat(r.attempt()).isEqualTo(3));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aStorageBlipAtPutHoldsTheJobUntilAProbeAnswersWithoutUsingAnAttempt() throws Exception {
        flow();
        store.failNextPut(new StorageUnavailableException("put: timed out", null));
        store.failNextPut(new StorageUnavailableException("put: timed out", null));
        submit("cap-7", JobOptions.defaults());
        awaitSettled();

        List<StatusEvent> events = statuses("cap-7");
        assertThat(events).filteredOn(e -> e.state() == JobState.WAITING).hasSize(2)
                .allSatisfy(e -> assertThat(e.stage()).isEqualTo(JobStage.STORE));
        assertThat(events).noneMatch(e -> e.state() == JobState.RETRYING);
        assertThat(events.get(events.size() - 1).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(results("cap-7")).singleElement().satisfies(r -> assertThat(r.attempt()).isEqualTo(1));
        assertThat(outage.available()).isTrue();
    }

    @Test
    void aJobThatFindsStorageDownWaitsInTheSameAttemptAndSucceedsWhenItAnswers() throws Exception {
        flow();
        store.down(true);
        submit("mug-5", JobOptions.defaults());
        await(() -> statuses("mug-5").stream().anyMatch(e -> e.state() == JobState.WAITING));
        assertThat(outage.available()).isFalse();
        Thread.sleep(1_200); // several probes, all refused
        assertThat(store.pings()).as("probes with back-off, not a busy loop").isBetween(2, 4);
        assertThat(results("mug-5")).isEmpty();
        assertThat(tracker.inFlight()).as("held, so its offset stays uncommitted").isEqualTo(1);
        assertThat(outage.waiting()).isEqualTo(1);

        store.down(false);
        awaitSettled();
        assertThat(outage.available()).isTrue();
        List<StatusEvent> events = statuses("mug-5");
        assertThat(events).extracting(StatusEvent::state).containsExactly(JobState.RECEIVED, JobState.WAITING,
                JobState.RECEIVED, JobState.FETCHED, JobState.SEGMENTED, JobState.MATTED, JobState.STORED,
                JobState.SUCCEEDED);
        assertThat(events).extracting(StatusEvent::attempt).containsOnly(1);
        assertThat(events).extracting(StatusEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(1).error().code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
        assertThat(results("mug-5")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(r.attempt()).isEqualTo(1);
        });
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void onlyAWaitLongerThanTheOutageBudgetDeadLettersTheJob() throws Exception {
        overrides.put(WorkerConfig.STORAGE_OUTAGE_BUDGET_MS, "600");
        flow();
        store.down(true);
        submit("pen-6", JobOptions.defaults());
        Thread.sleep(300);
        assertThat(results("pen-6")).as("within the budget").isEmpty();
        awaitSettled();

        List<StatusEvent> events = statuses("pen-6");
        assertThat(events).extracting(StatusEvent::state).containsExactly(JobState.RECEIVED, JobState.WAITING,
                JobState.DEAD_LETTERED);
        assertThat(results("pen-6")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.error().code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
        });
        assertThat(deadLetters()).hasSize(1);
        assertThat(outage.available()).as("storage itself is still down").isFalse();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }

    @Test
    void anOffsetIsReleasedOnlyOnceTheJobsLastEventsAreAcknowledged() throws Exception {
        producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        flow();
        submit("not json", "{{".getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 20_000_000_000L;
        // the failure's three events: result, dead letter, terminal status
        while (producer.history().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(deadLetters()).hasSize(1);
        assertThat(producer.history()).hasSize(3);
        Thread.sleep(50);
        assertThat(tracker.inFlight()).isEqualTo(1); // events sent but not acknowledged
        assertThat(tracker.advance(JOBS)).isEmpty();
        while (producer.completeNext()) {
            // acknowledge every send
        }
        awaitSettled();
        assertThat(tracker.advance(JOBS)).contains(1L);
    }

    @Test
    void aBadRecordEndsInFailedAndTheNextJobGoesOn() throws Exception {
        flow();
        submit("broken", "not json at all".getBytes(StandardCharsets.UTF_8));
        submit("cup-4", JobOptions.defaults());
        awaitSettled();

        assertThat(deadLetters()).singleElement().satisfies(r -> assertThat(new String(
                r.headers().lastHeader(DeadLetterHeaders.ERROR_CODE).value(), StandardCharsets.UTF_8))
                .isEqualTo("MALFORMED_JOB"));
        assertThat(results("cup-4")).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED));
        assertThat(tracker.advance(JOBS)).contains(2L);
    }
}
