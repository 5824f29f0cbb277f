package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.Assembly;
import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.contract.DeadLetterHeaders;
import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.hash.Sha256;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.devstack.harness.EventLog;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import dev.autohair.testing.MatteDifference;
import dev.autohair.devstack.harness.ScaledPhoto;
import dev.autohair.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker through a real KRaft broker (child JVM), a real S3 server (s3proxy), the real
 * TensorFlow engine with the shipped model and real images. Each test has its own topics.
 */
class WorkerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String UPLOADS = "uploads";
    private static final String CUTOUTS = "cutouts";
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static CutoutPipeline pipeline;
    private static ObjectStore store;
    private static byte[] portrait;

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(dir);
        stack.s3().createBucket(UPLOADS);
        stack.s3().createBucket(CUTOUTS);
        pipeline = Assembly.cutoutPipeline(null);
        store = new ObjectStore(StorageConfig.of(stack.s3().endpoint(), stack.s3().accessKey(), stack.s3().secretKey()));
        portrait = ScaledPhoto.png(Samples.bytes("astronaut.png"), 2);
    }

    @AfterAll
    static void stop() {
        store.close();
        pipeline.close();
        stack.close();
    }

    @Test
    void aBatchOfJobsEndsWithCorrectStoredOutputsAndOrderedStatus() throws Exception {
        Topics topics = newTopics();
        try (EventLog log = new EventLog(stack, topics);
                JobClient client = client(topics);
                RunningWorker worker = new RunningWorker(config(topics, "batch", Map.of()))) {
            JobRequest matte = request().withOptions(JobOptions.defaults().withOutputs(OutputKind.CUTOUT, OutputKind.MATTE));
            JobRequest webpOnWhite = request().withOptions(JobOptions.defaults()
                    .withFormat(OutputFormat.WEBP).withBackground("FFFFFF").withCropMargin(8));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(client.submit(portrait, "portrait-" + i + ".png", matte));
            }
            String webpJob = client.submit(portrait, "portrait.png", webpOnWhite.withMetadata(Map.of("sku", "A-1")));
            ids.add(webpJob);

            EventLog.await("4 jobs to end", WAIT, () -> log.allEnded(ids));

            for (String id : ids) {
                JobResult result = single(log.resultsFor(id));
                assertThat(result.outcome()).as(id + ": " + result.error()).isEqualTo(Outcome.SUCCEEDED);
                for (OutputRef ref : result.outputs()) {
                    byte[] stored = store.fetch(ref.bucket(), ref.key(), Integer.MAX_VALUE / 2).bytes();
                    assertThat(Sha256.hex(stored)).as("sha256 of " + ref.key()).isEqualTo(ref.sha256());
                    assertThat(stored.length).isEqualTo(ref.bytes());
                    assertThat(ref.key()).startsWith(id + "/");
                }
                List<JobState> states = log.statusesFor(id).stream().map(StatusEvent::state).toList();
                assertThat(states).containsExactly(JobState.RECEIVED, JobState.FETCHED, JobState.SEGMENTED,
                        JobState.MATTED, JobState.STORED, JobState.SUCCEEDED);
                assertThat(log.statusesFor(id).stream().mapToLong(StatusEvent::sequence).toArray())
                        .containsExactly(0, 1, 2, 3, 4, 5);
                // the portrait model segmented the portrait: the models that worked on it, of those configured
                assertThat(result.models()).isSubsetOf(pipeline.models()).extracting(m -> m.name())
                        .containsExactly("mediapipe-selfie-segmentation", "closed-form");
            }

            // The matte is the pipeline's: the same image straight through the pipeline gives the same alpha.
            JobResult first = single(log.resultsFor(ids.get(0)));
            OutputRef matteRef = first.outputs().stream().filter(r -> r.kind() == OutputKind.MATTE).findFirst().orElseThrow();
            Matte stored = decoder().decodeGray(store.fetch(matteRef.bucket(), matteRef.key(), Integer.MAX_VALUE / 2).bytes());
            Matte direct = pipeline.cut(decoder().decode(portrait)).cutout().alpha();
            assertThat(MatteDifference.max(stored, direct)).isLessThanOrEqualTo(1.5f / 255f);
            assertThat(stored.get(128, 64)).as("the face is opaque").isGreaterThan(0.95f);
            assertThat(stored.get(5, 5)).as("the corner is background").isLessThan(0.05f);

            JobResult webp = single(log.resultsFor(webpJob));
            OutputRef cutout = webp.outputs().get(0);
            assertThat(cutout.contentType()).isEqualTo("image/webp");
            assertThat(cutout.width()).as("cropped to the subject").isLessThanOrEqualTo(256);
            assertThat(webp.metadata()).containsEntry("sku", "A-1");
            EventLog.await("offsets committed", WAIT, () -> worker.worker.inFlight() == 0);
        }
    }

    @Test
    void badInputsFailWithSpecificCodesAreDeadLetteredAndTheStreamKeepsFlowing() throws Exception {
        Topics topics = newTopics();
        try (EventLog log = new EventLog(stack, topics);
                JobClient client = client(topics);
                KafkaProducer<String, byte[]> raw = rawProducer();
                RunningWorker worker = new RunningWorker(config(topics, "bad", Map.of(WorkerConfig.MAX_PIXELS, "1000000")))) {
            raw.send(new ProducerRecord<>(topics.jobs(), "garbage", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(topics.jobs(), "invalid",
                    "{\"schema\":\"autohair.image-job\",\"version\":1,\"jobId\":\"invalid-1\"}".getBytes(StandardCharsets.UTF_8))).get();
            Map<String, ErrorCode> expected = new HashMap<>();
            expected.put(client.submit(client.prepare("missing-object", new ObjectRef(UPLOADS, "nope/none.png"), request())),
                    ErrorCode.OBJECT_NOT_FOUND);
            expected.put(client.submit("just some text".getBytes(StandardCharsets.UTF_8), "notes.png", request()),
                    ErrorCode.NOT_AN_IMAGE);
            expected.put(client.submit(Arrays.copyOf(portrait, portrait.length / 2), "cut.png", request()),
                    ErrorCode.CORRUPT_IMAGE);
            expected.put(client.submit(bomb(portrait), "bomb.png", request()), ErrorCode.IMAGE_TOO_LARGE);
            expected.put(client.submit(black(96, 96), "black.png", request()), ErrorCode.NOTHING_FOUND);
            String good = client.submit(portrait, "good.png", request());

            EventLog.await("8 results", WAIT, () -> log.results.size() >= 8);
            List<String> named = new ArrayList<>(expected.keySet());
            named.add(good);
            EventLog.await("their terminal status", WAIT, () -> log.allEnded(named));

            assertThat(single(log.resultsFor(good)).outcome()).isEqualTo(Outcome.SUCCEEDED);
            expected.forEach((id, code) -> {
                JobResult result = single(log.resultsFor(id));
                assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(result.error().code()).as(id + ": " + result.error().message()).isEqualTo(code);
                StatusEvent last = log.statusesFor(id).get(log.statusesFor(id).size() - 1);
                assertThat(last.state()).isEqualTo(JobState.FAILED);
                assertThat(last.error().code()).isEqualTo(code);
            });
            JobResult garbage = log.results.stream().filter(r -> r.jobId().startsWith("unknown-")).findFirst().orElseThrow();
            assertThat(garbage.error().code()).isEqualTo(ErrorCode.MALFORMED_JOB);
            assertThat(single(log.resultsFor("invalid-1")).error().code()).isEqualTo(ErrorCode.INVALID_JOB);

            EventLog.await("7 dead letters", WAIT, () -> log.deadLetters.size() >= 7);
            var dead = log.deadLetters.stream().filter(r -> "garbage".equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("MALFORMED_JOB");
            assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topics.jobs());
            assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
            assertThat(log.deadLetters).noneMatch(r -> good.equals(r.key()));
        }
    }

    @Test
    void storageThatNeverAnswersHoldsTheJobOnlyForTheOutageBudgetThenDeadLettersIt() throws Exception {
        Topics topics = newTopics();
        Map<String, String> deadStorage = Map.of(WorkerConfig.S3_ENDPOINT, "http://127.0.0.1:1",
                WorkerConfig.STORAGE_OUTAGE_BUDGET_MS, "1500");
        try (EventLog log = new EventLog(stack, topics);
                JobClient client = client(topics);
                RunningWorker worker = new RunningWorker(config(topics, "outage-budget", deadStorage))) {
            String id = client.submit(portrait, "p.png", request());

            EventLog.await("the job to wait", WAIT, () -> log.statusesFor(id).stream().anyMatch(s -> s.state() == JobState.WAITING));
            assertThat(worker.worker.storageAvailable()).isFalse();
            EventLog.await("the job to end", WAIT, () -> log.ended(id));

            JobResult result = single(log.resultsFor(id));
            assertThat(result.error().code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
            assertThat(result.attempt()).as("waiting uses no attempts").isEqualTo(1);
            List<JobState> states = log.statusesFor(id).stream().map(StatusEvent::state).toList();
            assertThat(states).containsExactly(JobState.RECEIVED, JobState.WAITING, JobState.DEAD_LETTERED);
            EventLog.await("the dead letter", WAIT, () -> log.deadLetters.stream().anyMatch(r -> id.equals(r.key())));
        }
    }

    @Test
    void aWorkerStoppedMidBatchLeavesTheRestToASecondWorkerWithNoJobLostOrDoubled() throws Exception {
        Topics topics = newTopics();
        int jobs = 8;
        try (EventLog log = new EventLog(stack, topics); JobClient client = client(topics)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                ids.add(client.submit(portrait, "p" + i + ".png", request()));
            }
            Map<String, String> small = Map.of(WorkerConfig.MAX_IN_FLIGHT, "2", WorkerConfig.BATCH_MAX_SIZE, "2");
            try (RunningWorker first = new RunningWorker(config(topics, "handover", small, "first"))) {
                EventLog.await("a first result", WAIT, () -> !log.results.isEmpty());
                first.worker.stop(); // SIGTERM: drain what is in flight, commit, leave
            }
            int doneByFirst = log.results.size();
            assertThat(doneByFirst).as("stopped mid-stream").isLessThan(jobs);
            try (RunningWorker second = new RunningWorker(config(topics, "handover", Map.of(), "second"))) {
                EventLog.await("all results", WAIT, () -> log.results.size() >= jobs);
                Thread.sleep(1000); // a duplicate would arrive now
            }
            for (String id : ids) {
                assertThat(log.resultsFor(id)).as("results of " + id).hasSize(1);
                assertThat(single(log.resultsFor(id)).outcome()).isEqualTo(Outcome.SUCCEEDED);
            }
            Set<String> workers = log.results.stream().map(JobResult::workerId).collect(Collectors.toSet());
            assertThat(workers).containsExactlyInAnyOrder("first", "second");
        }
    }

    @Test
    void twoWorkersInOneGroupShareThePartitions() throws Exception {
        Topics topics = newTopics();
        int jobs = 9;
        try (EventLog log = new EventLog(stack, topics);
                JobClient client = client(topics);
                RunningWorker a = new RunningWorker(config(topics, "shared", Map.of(), "worker-a"));
                RunningWorker b = new RunningWorker(config(topics, "shared", Map.of(), "worker-b"))) {
            EventLog.await("both workers assigned", WAIT, () -> a.assigned() && b.assigned());
            // Job ids chosen so every partition gets jobs: whichever partitions each worker holds, both work.
            store.put(UPLOADS, "shared/portrait.png", portrait, "image/png", Map.of());
            List<String> ids = new ArrayList<>();
            int[] perPartition = new int[3];
            for (int n = 0; ids.size() < jobs; n++) {
                String id = "shared-" + n;
                int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % 3;
                if (perPartition[partition] < jobs / 3) {
                    perPartition[partition]++;
                    ids.add(client.submit(client.prepare(id, new ObjectRef(UPLOADS, "shared/portrait.png"), request())));
                }
            }
            EventLog.await("all results", WAIT, () -> log.results.size() >= jobs);

            Map<String, Long> perWorker = log.results.stream()
                    .collect(Collectors.groupingBy(JobResult::workerId, Collectors.counting()));
            assertThat(perWorker).containsOnlyKeys("worker-a", "worker-b");
            ids.forEach(id -> assertThat(log.resultsFor(id)).hasSize(1));
        }
    }

    // ---- helpers ----

    /** A worker on its own thread with its own Kafka clients, sharing the test's pipeline. */
    private static final class RunningWorker implements AutoCloseable {
        final Worker worker;
        private final KafkaProducer<String, byte[]> producer;
        private final ObjectStore workerStore;
        private final Thread thread;

        RunningWorker(WorkerConfig config) {
            producer = KafkaClients.producer(config);
            workerStore = new ObjectStore(config.storage());
            worker = new Worker(config, pipeline, workerStore, KafkaClients.consumer(config), producer, new MessageCodec());
            thread = new Thread(worker::run, "worker-" + config.workerId());
            thread.start();
        }

        boolean assigned() {
            return worker.assignedPartitions() > 0;
        }

        @Override
        public void close() throws InterruptedException {
            worker.stop();
            thread.join(WAIT.toMillis());
            worker.close();
            producer.close();
            workerStore.close();
        }
    }

    private static WorkerConfig config(Topics topics, String group, Map<String, String> overrides) {
        return config(topics, group, overrides, "worker-" + group);
    }

    private static WorkerConfig config(Topics topics, String group, Map<String, String> overrides, String workerId) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.putIfAbsent(WorkerConfig.BATCH_MAX_DELAY_MS, "20");
        settings.putIfAbsent(WorkerConfig.DELIVERY, System.getProperty("it.delivery", "exactly-once"));
        return stack.workerConfig(topics, group + "-" + topics.jobs(), workerId, settings);
    }

    private static Topics newTopics() {
        int n = TEST_NUMBER.incrementAndGet();
        Topics topics = new Topics("jobs-" + n, "status-" + n, "results-" + n, "dlq-" + n);
        stack.createTopics(topics, 3);
        return topics;
    }

    private static JobClient client(Topics topics) {
        return stack.jobClient(topics);
    }

    private static JobRequest request() {
        return JobRequest.of(UPLOADS, OutputTarget.of(CUTOUTS));
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ImageDecoder decoder() {
        return new ImageDecoder(ImageLimits.DEFAULT);
    }

    /** The astronaut at 256x256 keeps the test quick on two cores. */
    private static byte[] black(int width, int height) {
        return new ImageEncoder().encodeOpaque(RgbImage.blank(width, height), OutputFormat.PNG);
    }

    /** The portrait with its PNG header claiming 20000x20000 pixels. */
    private static byte[] bomb(byte[] png) {
        byte[] copy = png.clone();
        byte[] side = {0, 0, 0x4E, 0x20};
        System.arraycopy(side, 0, copy, 16, 4);
        System.arraycopy(side, 0, copy, 20, 4);
        return copy;
    }
}
