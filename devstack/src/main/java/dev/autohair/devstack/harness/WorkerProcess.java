package dev.autohair.devstack.harness;

import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.devstack.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code autohair worker} ({@code dev.autohair.cli.Main worker}) in a child JVM on this JVM's class
 * path, configured through its environment as in production: a process a test can {@code kill -9}.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final String LOGBACK = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
              </appender>
              <logger name="dev.autohair" level="INFO"/>
              <root level="WARN"><appender-ref ref="out"/></root>
            </configuration>
            """;

    private final String workerId;
    private final Map<String, String> env;
    private final Path log;
    private final Path dir;
    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private long startedNanos;

    /** A worker of {@code group} with id {@code workerId}; {@code overrides} holds further {@code AUTOHAIR_*} settings. */
    public WorkerProcess(DevStack stack, Topics topics, String group, String workerId, Map<String, String> overrides, Path dir) {
        this.workerId = workerId;
        this.dir = dir;
        this.httpPort = Loopback.freePort();
        this.log = dir.resolve(workerId + ".log");
        Map<String, String> settings = new HashMap<>();
        settings.put(WorkerConfig.WORKER_ID, workerId);
        settings.put(WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, stack.kafka().bootstrapServers());
        settings.put(WorkerConfig.KAFKA_GROUP_ID, group);
        settings.put(WorkerConfig.TOPIC_JOBS, topics.jobs());
        settings.put(WorkerConfig.TOPIC_STATUS, topics.status());
        settings.put(WorkerConfig.TOPIC_RESULTS, topics.results());
        settings.put(WorkerConfig.TOPIC_DEAD_LETTERS, topics.deadLetters());
        settings.put(WorkerConfig.S3_ENDPOINT, stack.s3().endpoint());
        settings.put(WorkerConfig.S3_ACCESS_KEY, stack.s3().accessKey());
        settings.put(WorkerConfig.S3_SECRET_KEY, stack.s3().secretKey());
        settings.put(WorkerConfig.HTTP_PORT, Integer.toString(httpPort));
        settings.put(WorkerConfig.CPU_THREADS, "1");
        settings.putAll(overrides);
        this.env = Map.copyOf(settings);
        try {
            Files.writeString(dir.resolve("logback-worker.xml"), LOGBACK, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String workerId() {
        return workerId;
    }

    /** Starts the JVM (again, after a kill: same id, same settings) and returns at once. */
    public synchronized void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; the test is about Kafka, not speed
        command.add("-Dai.djl.offline=true");
        for (String property : List.of("org.bytedeco.javacpp.cachedir", "java.io.tmpdir", "autohair.models")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-Dlogback.configurationFile=" + dir.resolve("logback-worker.xml"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.autohair.cli.Main");
        command.add("worker");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith(WorkerConfig.PREFIX));
        builder.environment().putAll(env);
        try {
            startedNanos = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker JVM: " + e, e);
        }
    }

    /** SIGKILL, as a crash or a lost node would: no drain, no commit, no leaving the group. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * The child's peak resident set (VmHWM of /proc/PID/status) in MiB, or -1 where /proc cannot
     * tell (not Linux, or the JVM has exited): read it before a kill or close.
     */
    public synchronized double peakRssMib() {
        if (process == null || !process.isAlive()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** {@code /health/ready} answers 200: models warm and in the group. */
    public boolean ready() {
        return get("/health/ready").map(r -> r.statusCode() == 200).orElse(false);
    }

    /** The value of {@code autohair_partitions_assigned}, or -1 while the endpoint does not answer. */
    public double partitionsAssigned() {
        return get("/metrics").map(r -> {
            for (String line : r.body().split("\n")) {
                if (line.startsWith("autohair_partitions_assigned ")) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return -1.0;
        }).orElse(-1.0);
    }

    /** Waits for readiness; fails with the log's tail if the JVM exits or it takes too long. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!alive()) {
                throw new AssertionError("worker " + workerId + " exited; its log ends with:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("worker " + workerId + " not ready after " + timeout.toSeconds() + " s; log:\n"
                        + logTail());
            }
            Thread.sleep(100);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private java.util.Optional<HttpResponse<String>> get(String path) {
        try {
            return java.util.Optional.of(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** SIGTERM (the worker drains and commits), then SIGKILL if it takes too long. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
