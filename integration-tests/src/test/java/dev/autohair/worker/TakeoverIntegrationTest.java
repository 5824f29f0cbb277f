package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.devstack.harness.EventLog;
import dev.autohair.devstack.harness.WorkerProcess;
import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import dev.autohair.devstack.harness.ScaledPhoto;
import dev.autohair.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code autohair worker} processes (child JVMs) in one group; one is killed with SIGKILL in
 * the middle of the stream. The other must carry on with the dead one's partitions within 15 s,
 * with no job lost and none doubled for a read_committed reader (exactly-once delivery), and a
 * worker restarted under the same identity must get its partitions back without waiting
 * for its old session to expire. Takeover times are printed.
 */
class TakeoverIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int PARTITIONS = 4;

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static int topicNumber;

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(dir);
        stack.s3().createBucket("uploads");
        stack.s3().createBucket("cutouts");
        try (ObjectStore uploader = new ObjectStore(StorageConfig.of(stack.s3().endpoint(), stack.s3().accessKey(),
                stack.s3().secretKey()))) {
            uploader.put("uploads", "takeover/portrait.png", portrait(), "image/png", Map.of());
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void afterKillMinusNineTheOtherWorkerResumesTheDeadWorkersPartitionsWithinFifteenSeconds() throws Exception {
        Topics topics = newTopics();
        // -Dit.groupProtocol=consumer measures Kafka 4's consumer group protocol instead of classic static membership.
        String protocol = System.getProperty("it.groupProtocol", "classic");
        Map<String, String> settings = Map.of(WorkerConfig.MAX_IN_FLIGHT, "2", WorkerConfig.BATCH_MAX_SIZE, "2",
                WorkerConfig.BATCH_MAX_DELAY_MS, "20", WorkerConfig.KAFKA_GROUP_PROTOCOL, protocol);
        int jobs = 32;
        try (EventLog log = new EventLog(stack, topics);
                JobClient client = stack.jobClient(topics);
                WorkerProcess a = new WorkerProcess(stack, topics, "takeover", "worker-a", settings, dir);
                WorkerProcess b = new WorkerProcess(stack, topics, "takeover", "worker-b", settings, dir)) {
            a.start();
            b.start();
            a.awaitReady(WAIT);
            b.awaitReady(WAIT);
            EventLog.await("the partitions shared", WAIT,
                    () -> a.partitionsAssigned() > 0 && b.partitionsAssigned() > 0
                            && a.partitionsAssigned() + b.partitionsAssigned() == PARTITIONS);
            List<String> ids = submit(client, "kill", jobs);

            EventLog.await("worker-a mid-stream", WAIT,
                    () -> log.results.stream().filter(r -> r.workerId().equals("worker-a")).count() >= 2);
            a.kill();
            Instant killed = Instant.now();
            Set<Integer> deadPartitions = log.statuses.stream().filter(s -> s.workerId().equals("worker-a"))
                    .map(s -> partition(s.jobId())).collect(Collectors.toSet());

            EventLog.await("every job to end", WAIT, () -> log.allEnded(ids));
            Duration takeover = log.statuses.stream()
                    .filter(s -> s.workerId().equals("worker-b") && s.timestamp().isAfter(killed)
                            && deadPartitions.contains(partition(s.jobId())))
                    .map(StatusEvent::timestamp).min(Instant::compareTo)
                    .map(first -> Duration.between(killed, first)).orElseThrow();
            System.out.printf("takeover after kill -9 (%s protocol): worker-b worked on the dead worker's partitions %s"
                    + " %.1f s after the kill%n", protocol, deadPartitions, takeover.toMillis() / 1000.0);
            assertThat(takeover).as("time until the survivor works on the dead worker's partitions")
                    .isLessThan(Duration.ofSeconds(15));
            Thread.sleep(1_000); // a duplicate would arrive now
            // Exactly-once (the default): the log reads read_committed, as the status service does.
            for (String id : ids) {
                assertThat(log.resultsFor(id)).as("results of " + id + ": none lost, none doubled").hasSize(1)
                        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED));
            }
        }
    }

    @Test
    void aWorkerRestartedUnderItsIdentityTakesItsPartitionsBackWithoutARebalance() throws Exception {
        Topics topics = newTopics();
        // A long session: without static membership the restarted worker would wait for it to expire.
        Map<String, String> settings = Map.of(WorkerConfig.KAFKA_SESSION_TIMEOUT_MS, "60000",
                WorkerConfig.BATCH_MAX_DELAY_MS, "20");
        try (EventLog log = new EventLog(stack, topics);
                JobClient client = stack.jobClient(topics);
                WorkerProcess a = new WorkerProcess(stack, topics, "restart", "worker-c", settings, dir);
                WorkerProcess b = new WorkerProcess(stack, topics, "restart", "worker-d", settings, dir)) {
            a.start();
            b.start();
            a.awaitReady(WAIT);
            b.awaitReady(WAIT);
            EventLog.await("the partitions shared", WAIT,
                    () -> a.partitionsAssigned() > 0 && a.partitionsAssigned() + b.partitionsAssigned() == PARTITIONS);
            double held = a.partitionsAssigned();
            double others = b.partitionsAssigned();

            a.kill();
            long killed = System.nanoTime();
            a.start();
            List<Double> survivorAssignments = new ArrayList<>();
            EventLog.await("worker-c back with its partitions", WAIT, () -> {
                double survivor = b.partitionsAssigned();
                if (survivor >= 0) { // -1: the scrape did not answer in time on a busy machine
                    survivorAssignments.add(survivor);
                }
                return a.partitionsAssigned() == held;
            });
            Duration back = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("restart under the same identity: partitions back %.1f s after the kill (JVM start and"
                    + " model load included), session timeout 60 s%n", back.toMillis() / 1000.0);
            assertThat(back).as("back before the old session expired").isLessThan(Duration.ofSeconds(60));
            assertThat(survivorAssignments).as("the survivor's partitions never changed: no rebalance")
                    .containsOnly(others);

            List<String> ids = submit(client, "restart", 8);
            EventLog.await("every job to end", WAIT, () -> log.allEnded(ids));
            assertThat(log.results.stream().map(JobResult::workerId).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("worker-c", "worker-d");
        }
    }

    private static List<String> submit(JobClient client, String prefix, int jobs) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(client.submit(client.prepare(prefix + "-" + i, new ObjectRef("uploads", "takeover/portrait.png"),
                    JobRequest.of("uploads", OutputTarget.of("cutouts")))));
        }
        return ids;
    }

    /** The partition the Java client's default partitioner gives a job id (the key). */
    private static int partition(String jobId) {
        return Utils.toPositive(Utils.murmur2(jobId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static Topics newTopics() {
        int n = ++topicNumber;
        Topics topics = new Topics("takeover-jobs-" + n, "takeover-status-" + n, "takeover-results-" + n,
                "takeover-dlq-" + n);
        stack.kafka().createTopics(PARTITIONS, topics.jobs());
        stack.kafka().createTopics(1, topics.status(), topics.results(), topics.deadLetters());
        return topics;
    }

    /** The sample astronaut at a quarter of its size: a real portrait, quick on two cores. */
    private static byte[] portrait() {
        return ScaledPhoto.png(Samples.bytes("astronaut.png"), 4);
    }
}
