package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.Assembly;
import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.devstack.harness.EventLog;
import dev.autohair.monitoring.MonitoringServer;
import dev.autohair.devstack.harness.ScaledPhoto;
import dev.autohair.testing.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker as {@code autohair worker} builds it ({@link Assembly#worker}), against a real broker
 * and S3 server: its health endpoint follows its life and its metrics follow real jobs.
 */
class MonitoringIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void readinessFollowsTheWorkerAndMetricsFollowItsJobs() throws Exception {
        try (DevStack stack = DevStack.start(dir)) {
            stack.s3().createBucket("uploads");
            stack.s3().createBucket("cutouts");
            Topics topics = new Topics("mon.jobs", "mon.status", "mon.results", "mon.dlq");
            // One partition, so the consumer's lag is that of the one partition it drains record by record.
            stack.kafka().createTopics(1, topics.jobs(), topics.status(), topics.results(), topics.deadLetters());
            WorkerConfig config = stack.workerConfig(topics, "autohair-workers", "monitored", Map.of(
                    WorkerConfig.HTTP_PORT, "0",
                    WorkerConfig.MAX_IN_FLIGHT, "1", // one record per poll: lag shows between jobs
                    WorkerConfig.BATCH_MAX_DELAY_MS, "20"));

            try (EventLog log = new EventLog(stack, topics);
                    JobClient client = stack.jobClient(topics);
                    Assembly.Running running = Assembly.worker(config)) {
                int port = running.monitoring().port();

                // Models loaded and warm, but the poll loop has not started: alive, not ready.
                HttpResponse<String> notYet = get(port, MonitoringServer.READY);
                assertThat(notYet.statusCode()).isEqualTo(503);
                assertThat(notYet.body()).contains("not consuming");
                assertThat(get(port, MonitoringServer.LIVE).statusCode()).isEqualTo(200);
                String loaded = get(port, MonitoringServer.METRICS).body();
                assertThat(sample(loaded, "autohair_model_load_duration_seconds")).isPositive();
                assertThat(sample(loaded, "autohair_model_warmup_duration_seconds")).isPositive();

                // A real portrait first (seconds of work while the rest wait), then five files that are not images.
                JobRequest request = JobRequest.of("uploads", OutputTarget.of("cutouts"));
                List<String> ids = new ArrayList<>();
                ids.add(client.submit(portrait(), "portrait.png", request));
                for (int i = 0; i < 5; i++) {
                    ids.add(client.submit(("note " + i).getBytes(StandardCharsets.UTF_8), "note-" + i + ".png", request));
                }

                Thread loop = new Thread(running.worker()::run, "monitored-worker");
                loop.start();
                EventLog.await("ready", WAIT, () -> status(port, MonitoringServer.READY) == 200);
                AtomicReference<Double> maxLag = new AtomicReference<>(0.0);
                EventLog.await("6 results", WAIT, () -> {
                    maxLag.accumulateAndGet(sample(scrape(port), "autohair_consumer_lag_records"), Math::max);
                    return log.results.size() >= ids.size();
                });
                EventLog.await("lag back to 0", WAIT, () -> sample(scrape(port), "autohair_consumer_lag_records") == 0.0);
                EventLog.await("nothing in flight", WAIT, () -> running.worker().inFlight() == 0);

                String metrics = scrape(port);
                assertThat(maxLag.get()).as("the lag seen while the portrait was being cut out").isPositive();
                assertThat(sample(metrics, "autohair_jobs_total", "error=\"none\"", "outcome=\"succeeded\"")).isEqualTo(1.0);
                assertThat(sample(metrics, "autohair_jobs_total", "error=\"NOT_AN_IMAGE\"", "outcome=\"failed\"")).isEqualTo(5.0);
                assertThat(sample(metrics, "autohair_stage_duration_seconds_count", "stage=\"fetch\"")).isEqualTo(6.0);
                assertThat(sample(metrics, "autohair_stage_duration_seconds_count", "stage=\"segment\"")).isEqualTo(1.0);
                assertThat(sample(metrics, "autohair_stage_duration_seconds_count", "stage=\"matte\"")).isEqualTo(1.0);
                assertThat(sample(metrics, "autohair_stage_duration_seconds_sum", "stage=\"matte\"")).isPositive();
                assertThat(sample(metrics, "autohair_batch_size_sum")).as("only the portrait reached the model").isEqualTo(1.0);
                assertThat(sample(metrics, "autohair_jobs_in_flight")).isEqualTo(0.0);
                assertThat(sample(metrics, "autohair_partitions_assigned")).isEqualTo(1.0);

                // A second worker in the group, with one partition between them: one of the two holds
                // nothing, and is still ready (an empty assignment is a membership).
                WorkerConfig secondConfig = stack.workerConfig(topics, "autohair-workers", "second", Map.of());
                try (var idlePipeline = Assembly.cutoutPipelineWithoutModel();
                        var secondStore = new dev.autohair.storage.ObjectStore(secondConfig.storage());
                        var secondProducer = KafkaClients.producer(secondConfig);
                        Worker second = new Worker(secondConfig, idlePipeline, secondStore, KafkaClients.consumer(secondConfig),
                                secondProducer, new dev.autohair.common.contract.MessageCodec())) {
                    Thread secondLoop = new Thread(second::run, "second-worker");
                    secondLoop.start();
                    EventLog.await("both in the group, one partition between them", WAIT, () -> second.consuming()
                            && running.worker().consuming()
                            && second.assignedPartitions() + running.worker().assignedPartitions() == 1);
                    assertThat(status(port, MonitoringServer.READY)).isEqualTo(200);
                    second.stop();
                    secondLoop.join(WAIT.toMillis());
                }
                EventLog.await("the partition back with the first worker", WAIT,
                        () -> running.worker().assignedPartitions() == 1);

                // SIGTERM's path: stop taking jobs, so no longer ready while draining.
                running.worker().stop();
                loop.join(WAIT.toMillis());
                assertThat(status(port, MonitoringServer.READY)).isEqualTo(503);
            }
        }
    }

    /** The one sample called {@code name} (with all of {@code labels}) in a Prometheus text scrape. */
    private static double sample(String scrape, String name, String... labels) {
        List<String> found = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " "))
                    && List.of(labels).stream().allMatch(line::contains)) {
                found.add(line);
            }
        }
        assertThat(found).as(name + " " + List.of(labels)).hasSize(1);
        return Double.parseDouble(found.get(0).substring(found.get(0).lastIndexOf(' ') + 1));
    }

    private String scrape(int port) {
        return get(port, MonitoringServer.METRICS).body();
    }

    private int status(int port, String path) {
        return get(port, path).statusCode();
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sample astronaut at a quarter of its size: a real portrait, quick on two cores. */
    private static byte[] portrait() {
        return ScaledPhoto.png(Samples.bytes("astronaut.png"), 4);
    }
}
