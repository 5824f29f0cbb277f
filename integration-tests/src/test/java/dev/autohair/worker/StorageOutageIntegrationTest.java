package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.Assembly;
import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.devstack.harness.EventLog;
import dev.autohair.monitoring.MonitoringServer;
import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import dev.autohair.devstack.harness.ScaledPhoto;
import dev.autohair.testing.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object storage (a real s3proxy) stops for 30 s in the middle of a stream of jobs and comes back
 * on the same port with its data: the worker, built as {@code autohair worker} builds it, rides
 * the outage out. Every job succeeds once, none is failed or doubled; meanwhile readiness and
 * the metric say storage is unavailable, liveness stays up and status events say the jobs wait.
 */
class StorageOutageIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int JOBS = 24;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aThirtySecondOutageMidStreamEndsWithEveryJobSucceededOnce() throws Exception {
        try (DevStack stack = DevStack.start(dir)) {
            stack.s3().createBucket("uploads");
            stack.s3().createBucket("cutouts");
            Topics topics = new Topics("outage.jobs", "outage.status", "outage.results", "outage.dlq");
            stack.createTopics(topics, 3);
            WorkerConfig config = stack.workerConfig(topics, "autohair-workers", "rider", Map.of(
                    WorkerConfig.HTTP_PORT, "0",
                    WorkerConfig.MAX_IN_FLIGHT, "4", // a stream, not one gulp: jobs are mid-flight when storage stops
                    WorkerConfig.BATCH_MAX_DELAY_MS, "20"));
            try (ObjectStore uploader = new ObjectStore(StorageConfig.of(stack.s3().endpoint(), stack.s3().accessKey(),
                    stack.s3().secretKey()))) {
                uploader.put("uploads", "outage/portrait.png", portrait(), "image/png", Map.of());
            }

            try (EventLog log = new EventLog(stack, topics);
                    JobClient client = stack.jobClient(topics);
                    Assembly.Running running = Assembly.worker(config)) {
                int port = running.monitoring().port();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    ids.add(client.submit(client.prepare("outage-" + i, new ObjectRef("uploads", "outage/portrait.png"),
                            JobRequest.of("uploads", OutputTarget.of("cutouts")))));
                }
                Thread loop = new Thread(running.worker()::run, "outage-worker");
                loop.start();

                EventLog.await("a few results", WAIT, () -> log.results.size() >= 3);
                stack.s3().stop();
                long stopped = System.nanoTime();
                int doneBefore = log.results.size();
                assertThat(doneBefore).as("storage stopped mid-stream").isLessThan(JOBS);

                EventLog.await("the worker to notice", WAIT, () -> !running.worker().storageAvailable());
                EventLog.await("a job to wait", WAIT, () -> log.statuses.stream().anyMatch(s -> s.state() == JobState.WAITING));
                HttpResponse<String> ready = get(port, MonitoringServer.READY);
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("object storage unavailable");
                assertThat(get(port, MonitoringServer.LIVE).statusCode()).isEqualTo(200);
                assertThat(get(port, MonitoringServer.METRICS).body()).contains("autohair_storage_available 0.0");

                long remaining = OUTAGE.toNanos() - (System.nanoTime() - stopped);
                Thread.sleep(Math.max(0, remaining / 1_000_000));
                int doneDuring = log.results.size() - doneBefore;
                assertThat(get(port, MonitoringServer.LIVE).statusCode()).as("alive through the outage").isEqualTo(200);
                stack.s3().restart();
                long restarted = System.nanoTime();

                EventLog.await("every job to end", WAIT, () -> log.allEnded(ids));
                System.out.printf("storage outage: %d of %d jobs done before, %d during the %d s outage, rest %.1f s after"
                        + " restart%n", doneBefore, JOBS, doneDuring, OUTAGE.toSeconds(),
                        (System.nanoTime() - restarted) / 1e9);
                Thread.sleep(1_000); // a duplicate would arrive now

                for (String id : ids) {
                    List<JobResult> results = log.resultsFor(id);
                    assertThat(results).as("results of " + id).hasSize(1);
                    assertThat(results.get(0).outcome()).as(id + ": " + results.get(0).error()).isEqualTo(Outcome.SUCCEEDED);
                    assertThat(log.statusesFor(id)).extracting(StatusEvent::state)
                            .doesNotContain(JobState.FAILED, JobState.DEAD_LETTERED, JobState.RETRYING);
                }
                assertThat(log.deadLetters).isEmpty();
                assertThat(running.worker().storageAvailable()).isTrue();
                EventLog.await("ready again", WAIT, () -> get(port, MonitoringServer.READY).statusCode() == 200);
                assertThat(get(port, MonitoringServer.METRICS).body()).contains("autohair_storage_available 1.0");
                running.worker().stop();
                loop.join(WAIT.toMillis());
            }
        }
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
