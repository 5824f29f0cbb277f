package dev.autohair.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP; readiness with a running worker is covered by the devstack integration test. */
class MonitoringServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusWorkerMetrics metrics = new PrometheusWorkerMetrics();
    private final Health health = new Health();
    private MonitoringServer server;

    @BeforeEach
    void start() {
        server = MonitoringServer.start(0, metrics, health);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void notReadyWhileTheModelsLoadAndWithoutAConsumingWorkerButLive() throws Exception {
        HttpResponse<String> ready = get(MonitoringServer.READY);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("models loading");
        assertThat(get(MonitoringServer.LIVE).statusCode()).isEqualTo(200);

        health.modelsWarm();
        assertThat(get(MonitoringServer.READY).statusCode()).as("warm, but no worker consuming yet").isEqualTo(503);
        assertThat(get(MonitoringServer.READY).body()).contains("not consuming");
    }

    @Test
    void metricsAreServedAsPrometheusTextAndMoveWithWhatTheWorkerReports() throws Exception {
        HttpResponse<String> before = get(MonitoringServer.METRICS);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(Scrape.of(before.body()).value("autohair_jobs_total", "outcome", "succeeded", "error", "none"))
                .isEqualTo(0.0);
        assertThat(Scrape.of(before.body()).value("autohair_stage_duration_seconds_count", "stage", "matte")).isEqualTo(0.0);

        metrics.batch(3, Duration.ofMillis(40).toNanos());
        metrics.jobEnded(JobState.SUCCEEDED, null, Map.of(JobStage.SEGMENT, 40L, JobStage.MATTE, 250L));
        metrics.jobRetried(ErrorCode.STORAGE_UNAVAILABLE);
        metrics.jobEnded(JobState.DEAD_LETTERED, ErrorCode.STORAGE_UNAVAILABLE, Map.of(JobStage.FETCH, 5L));
        metrics.jobEnded(JobState.FAILED, ErrorCode.NOT_AN_IMAGE, Map.of());
        metrics.modelLoaded("selfie", Duration.ofMillis(1500), Duration.ofMillis(120));

        Scrape after = Scrape.of(get(MonitoringServer.METRICS).body());
        assertThat(after.value("autohair_jobs_total", "outcome", "succeeded", "error", "none")).isEqualTo(1.0);
        assertThat(after.value("autohair_jobs_total", "outcome", "dead_lettered", "error", "STORAGE_UNAVAILABLE"))
                .isEqualTo(1.0);
        assertThat(after.value("autohair_jobs_total", "outcome", "failed", "error", "NOT_AN_IMAGE")).isEqualTo(1.0);
        assertThat(after.value("autohair_jobs_retried_total", "error", "STORAGE_UNAVAILABLE")).isEqualTo(1.0);
        assertThat(after.value("autohair_stage_duration_seconds_count", "stage", "matte")).isEqualTo(1.0);
        assertThat(after.value("autohair_stage_duration_seconds_sum", "stage", "matte")).isEqualTo(0.25);
        assertThat(after.value("autohair_stage_duration_seconds_bucket", "stage", "matte", "le", "+Inf")).isEqualTo(1.0);
        assertThat(after.value("autohair_batch_size_count")).isEqualTo(1.0);
        assertThat(after.value("autohair_batch_size_sum")).isEqualTo(3.0);
        assertThat(after.value("autohair_batch_duration_seconds_count")).isEqualTo(1.0);
        assertThat(after.value("autohair_model_load_duration_seconds", "model", "selfie")).isEqualTo(1.5);
        assertThat(after.value("autohair_model_warmup_duration_seconds", "model", "selfie")).isEqualTo(0.12);
        assertThat(after.names()).contains("jvm_memory_used_bytes");
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertThat(get("/health/readyz").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
