package dev.autohair.bench;

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
import dev.autohair.devstack.harness.ScaledPhoto;
import dev.autohair.devstack.harness.WorkerProcess;
import dev.autohair.devstack.kafka.KafkaBrokerConfig;
import dev.autohair.devstack.s3.S3ServerConfig;
import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import dev.autohair.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;

/**
 * The chaos run of docs/RELIABILITY.md: four failures, one after another, each on a fresh dev
 * stack (broker in a child JVM, s3proxy) with two {@code autohair worker} child JVMs:
 * a worker killed with SIGKILL, the broker killed with SIGKILL and restarted, storage stopped
 * for 30 s, and a burst of ten times the usual jobs at once. Prints one Markdown row per scenario.
 * Not a test: the figures depend on the machine; the integration tests assert the behaviour.
 */
public final class ChaosRun {

    private static final int PARTITIONS = 4;
    private static final int JOBS = Integer.getInteger("chaos.jobs", 40);
    private static final int BURST = Integer.getInteger("chaos.burst", 500);
    private static final Duration READY = Duration.ofSeconds(240);
    /** How long a scenario waits for its jobs; what has not ended by then counts as lost. */
    private static final Duration DEADLINE = Duration.ofSeconds(Integer.getInteger("chaos.deadline.s", 420));
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Map<String, String> WORKER = Map.of(WorkerConfig.MAX_IN_FLIGHT, "2",
            WorkerConfig.BATCH_MAX_SIZE, "2", WorkerConfig.BATCH_MAX_DELAY_MS, "20");

    /** What one failure does to the jobs that ran through it. */
    record Row(String scenario, int jobs, long lost, long duplicatedCommitted, long duplicatedRaw,
            long failedByInfrastructure, Optional<Duration> recovery, double peakRssMib) {

        String markdown() {
            return String.format("| %s | %d | %d | %d | %d | %d | %s | %.0f |", scenario, jobs, lost, duplicatedCommitted,
                    duplicatedRaw, failedByInfrastructure,
                    recovery.map(d -> String.format("%.1f", d.toMillis() / 1000.0)).orElse("–"), peakRssMib);
        }
    }

    /** The failure a scenario injects once its workers are busy; it returns when the worker may resume. */
    interface Failure {
        /** Injects it; returns the moment from which recovery is timed. */
        Instant inject(DevStack stack, WorkerProcess victim) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("autohair-chaos");
        // the sample astronaut at an eighth of its size: many jobs finish in minutes on two cores
        byte[] image = ScaledPhoto.png(Samples.bytes("astronaut.png"), 8);
        List<Row> rows = new ArrayList<>();
        rows.add(run(root, "worker kill -9", JOBS, image, (stack, victim) -> {
            victim.kill();
            return Instant.now();
        }));
        rows.add(run(root, "broker kill -9, restart after 5 s", JOBS, image, (stack, victim) -> {
            stack.kafka().kill();
            Thread.sleep(5_000);
            stack.kafka().restart();
            return Instant.now();
        }));
        rows.add(run(root, "S3 kill -9, restarted after 30 s", JOBS, image, (stack, victim) -> {
            stack.s3().stop();
            Thread.sleep(OUTAGE.toMillis());
            stack.s3().restart();
            return Instant.now();
        }));
        rows.add(run(root, "burst: " + BURST + " jobs at once", BURST, image, null));
        System.out.println();
        System.out.println("| scenario | jobs | lost | duplicated (read_committed) | duplicated (raw, read_uncommitted)"
                + " | failed by infrastructure | takeover / recovery s | worker peak RSS MiB |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println(r.markdown()));
        System.out.printf("%nload average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static Row run(Path root, String scenario, int jobs, byte[] image, Failure failure) throws Exception {
        System.out.printf("== %s (%d jobs)%n", scenario, jobs);
        Path dir = Files.createDirectories(root.resolve("s" + scenario.hashCode()));
        // s3proxy in its own JVM, so the storage scenario kills a process as the broker's does
        try (DevStack stack = DevStack.start(KafkaBrokerConfig.defaults().withDataDir(dir.resolve("kafka")),
                S3ServerConfig.defaults().withBaseDir(dir.resolve("s3")).inChildProcess())) {
            stack.s3().createBucket("uploads");
            stack.s3().createBucket("cutouts");
            try (ObjectStore uploader = new ObjectStore(StorageConfig.of(stack.s3().endpoint(), stack.s3().accessKey(),
                    stack.s3().secretKey()))) {
                uploader.put("uploads", "chaos/portrait.png", image, "image/png", Map.of());
            }
            Topics topics = new Topics("chaos.jobs", "chaos.status", "chaos.results", "chaos.dlq");
            stack.kafka().createTopics(PARTITIONS, topics.jobs());
            stack.kafka().createTopics(1, topics.status(), topics.results(), topics.deadLetters());
            try (EventLog committed = new EventLog(stack, topics);
                    EventLog raw = EventLog.raw(stack, topics);
                    JobClient client = stack.jobClient(topics);
                    WorkerProcess a = new WorkerProcess(stack, topics, "chaos", "worker-a", WORKER, dir);
                    WorkerProcess b = new WorkerProcess(stack, topics, "chaos", "worker-b", WORKER, dir)) {
                a.start();
                b.start();
                a.awaitReady(READY);
                b.awaitReady(READY);
                EventLog.await("the partitions shared", READY,
                        () -> a.partitionsAssigned() + b.partitionsAssigned() == PARTITIONS);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    ids.add(client.submit(client.prepare("chaos-" + i, new ObjectRef("uploads", "chaos/portrait.png"),
                            JobRequest.of("uploads", OutputTarget.of("cutouts")))));
                }
                double peak = 0;
                Optional<Duration> recovery = Optional.empty();
                if (failure != null) {
                    EventLog.await("worker-a mid-stream", READY, () -> committed.results.stream()
                            .filter(r -> r.workerId().equals("worker-a")).count() >= 2);
                    peak = Math.max(peak, a.peakRssMib()); // VmHWM is gone with the process
                    Set<Integer> partitionsOfA = committed.statuses.stream().filter(s -> s.workerId().equals("worker-a"))
                            .map(s -> partition(s.jobId())).collect(Collectors.toSet());
                    boolean workerKill = scenario.startsWith("worker");
                    Instant from = failure.inject(stack, a);
                    System.out.printf("   failure injected at %s%n", from);
                    recovery = awaitFirst(committed, from, workerKill
                            ? s -> s.workerId().equals("worker-b") && partitionsOfA.contains(partition(s.jobId()))
                            : s -> true);
                }
                long deadline = System.nanoTime() + DEADLINE.toNanos();
                while (!committed.allEnded(ids) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(2_000); // a late duplicate would arrive now
                peak = Math.max(peak, Math.max(a.peakRssMib(), b.peakRssMib()));
                Row row = new Row(scenario, jobs, lost(committed, ids), duplicated(committed, ids), duplicated(raw, ids),
                        failed(committed, ids), recovery, peak);
                System.out.println(row.markdown());
                return row;
            }
        }
    }

    /** How long after {@code from} the first status event that {@code matches} was written (waits up to the deadline). */
    private static Optional<Duration> awaitFirst(EventLog log, Instant from,
            java.util.function.Predicate<StatusEvent> matches) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Instant> first = log.statuses.stream().filter(s -> s.timestamp().isAfter(from)).filter(matches)
                    .map(StatusEvent::timestamp).min(Instant::compareTo);
            if (first.isPresent()) {
                return first.map(t -> Duration.between(from, t));
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    private static long lost(EventLog log, List<String> ids) {
        return ids.stream().filter(id -> log.resultsFor(id).isEmpty()).count();
    }

    private static long duplicated(EventLog log, List<String> ids) {
        return ids.stream().filter(id -> log.resultsFor(id).size() > 1).count();
    }

    /** The image is a valid portrait: any job that did not succeed failed because of the infrastructure. */
    private static long failed(EventLog log, List<String> ids) {
        return ids.stream().filter(id -> log.resultsFor(id).stream().map(JobResult::outcome)
                .anyMatch(o -> o != Outcome.SUCCEEDED)).count() + log.deadLetters.size();
    }

    private static int partition(String jobId) {
        return Utils.toPositive(Utils.murmur2(jobId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
