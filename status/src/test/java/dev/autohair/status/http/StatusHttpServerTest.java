package dev.autohair.status.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.status.Messages;
import dev.autohair.status.feed.ChangeFeed;
import dev.autohair.status.links.ObjectLinks;
import dev.autohair.status.view.JobUpdate;
import dev.autohair.status.view.JobView;
import dev.autohair.status.view.JobViews;
import dev.autohair.status.view.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import dev.autohair.status.view.MapStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API over a store filled by hand; the Streams side is StatusTopologyTest's. */
class StatusHttpServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ChangeFeed feed = new ChangeFeed(16, 2);
    private final Map<String, JobView> views = new ConcurrentHashMap<>();
    private StatusHttpServer server;

    @BeforeEach
    void start() {
        JobView a = JobView.empty("job-a").apply(new JobUpdate.Submitted(Messages.job("job-a", "uploads", "a.png")))
                .apply(new JobUpdate.Result(Messages.succeeded("job-a", 1, "w1", "cutouts", "job-a/cutout.png")));
        JobView b = JobView.empty("job-b").apply(new JobUpdate.Status(Messages.step("job-b", 1, 2, "w1")));
        views.put(a.jobId(), a);
        views.put(b.jobId(), b);
        ObjectLinks links = ref -> Optional.of("http://s3.test/" + ref.bucket() + "/" + ref.key());
        server = StatusHttpServer.start("127.0.0.1", 0, new JobViews(() -> store()), feed, links, () -> "RUNNING");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKnownJobIsItsViewWithLinksAndAnUnknownOneIsA404WithAJsonError() throws Exception {
        HttpResponse<String> ok = get("/jobs/job-a");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode a = Json.MAPPER.readTree(ok.body());
        assertThat(a.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(a.path("finished").asBoolean()).isTrue();
        assertThat(a.path("input").path("key").asText()).isEqualTo("a.png");
        assertThat(a.path("outputs").get(0).path("kind").asText()).isEqualTo("cutout");
        assertThat(a.path("timingsMs").path("matte").asLong()).isEqualTo(120);
        assertThat(a.path("links").path("input").asText()).isEqualTo("http://s3.test/uploads/a.png");
        assertThat(a.path("links").path("cutout").asText()).isEqualTo("http://s3.test/cutouts/job-a/cutout.png");

        HttpResponse<String> missing = get("/jobs/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode error = Json.MAPPER.readTree(missing.body());
        assertThat(error.path("error").asText()).isEqualTo("job_not_found");
        assertThat(error.path("message").asText()).contains("nope");
    }

    @Test
    void theListFiltersByStateSinceAndLimitAndRefusesBadParameters() throws Exception {
        assertThat(ids(get("/jobs"))).containsExactly("job-a", "job-b");
        assertThat(ids(get("/jobs?state=fetched"))).isEmpty();
        assertThat(ids(get("/jobs?state=SEGMENTED"))).containsExactly("job-b");
        assertThat(ids(get("/jobs?limit=1"))).containsExactly("job-a");
        assertThat(ids(get("/jobs?since=" + Messages.T0.plusSeconds(15)))).containsExactly("job-a");

        for (String bad : new String[] {"/jobs?state=DONE", "/jobs?limit=0", "/jobs?limit=x", "/jobs?since=yesterday",
                "/jobs?colour=red"}) {
            HttpResponse<String> response = get(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).path("error").asText()).isEqualTo("bad_request");
        }
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/jobs")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void statsHealthAndTheDashboardAreServed() throws Exception {
        JsonNode stats = Json.MAPPER.readTree(get("/stats").body());
        assertThat(stats.path("jobs").asLong()).isEqualTo(2);
        assertThat(stats.path("byState").path("SUCCEEDED").asLong()).isEqualTo(1);
        assertThat(stats.path("meanTimingsMs").path("matte").asLong()).isEqualTo(120);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<table id=\"jobs\"").contains("dashboard.js");
        assertThat(get("/dashboard.js").body()).contains("EventSource");
    }

    @Test
    void statsHaveTheLastHourPerMinuteByOutcomeForTheDashboardsChart() throws Exception {
        Instant finished = Instant.now();
        JobView dead = JobView.empty("job-d")
                .apply(new JobUpdate.Status(Messages.step("job-d", 1, 2, "w1")))
                .apply(new JobUpdate.Result(Messages.finishedAt(Messages.failed("job-d", 1, ErrorCode.STORAGE_UNAVAILABLE), finished)))
                .apply(new JobUpdate.Status(Messages.terminalFailure("job-d", JobState.DEAD_LETTERED, 1, 3,
                        ErrorCode.STORAGE_UNAVAILABLE, JobStage.TRIMAP)));
        views.put(dead.jobId(), dead);
        JsonNode lastHour = Json.MAPPER.readTree(get("/stats").body()).path("lastHour");
        assertThat(lastHour.size()).isEqualTo(60);
        Instant last = Instant.parse(lastHour.get(59).path("start").asText());
        assertThat(last).isBeforeOrEqualTo(Instant.now()).isAfter(Instant.now().minus(Duration.ofMinutes(2)));
        JsonNode minute = null;
        for (JsonNode m : lastHour) {
            Instant start = Instant.parse(m.path("start").asText());
            if (!finished.isBefore(start) && finished.isBefore(start.plus(Duration.ofMinutes(1)))) {
                minute = m;
            }
        }
        assertThat(minute).as("the minute job-d finished in").isNotNull();
        assertThat(minute.path("deadLettered").asLong()).isEqualTo(1);
        assertThat(minute.path("failed").asLong()).isZero();
        assertThat(minute.path("succeeded").asLong()).isZero();

        JsonNode job = Json.MAPPER.readTree(get("/jobs/job-d").body());
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.path("progressReached").asDouble()).as("where the dashboard's bar stops").isEqualTo(0.4);
        assertThat(job.path("stage").asText()).isEqualTo("trimap");
        String page = get("/").body();
        assertThat(page).contains("id=\"outcomes-chart\"").contains("id=\"stages-chart\"");
    }

    @Test
    void eventsStreamEachChangeAsAServerSentEvent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/events")).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo(": connected");
            JobView failed = JobView.empty("job-c").apply(new JobUpdate.Result(Messages.failed("job-c", 1, ErrorCode.NOT_AN_IMAGE)));
            awaitSubscriber();
            feed.accept("job-c", failed);
            String data = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data: ")) {
                            return line.substring("data: ".length());
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            JsonNode event = Json.MAPPER.readTree(data);
            assertThat(event.path("jobId").asText()).isEqualTo("job-c");
            assertThat(event.path("state").asText()).isEqualTo("FAILED");
            assertThat(event.path("error").path("code").asText()).isEqualTo("NOT_AN_IMAGE");
        }
    }

    private void awaitSubscriber() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (feed.subscribers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private ReadOnlyKeyValueStore<String, JobView> store() {
        return new MapStore<>(views);
    }

    private List<String> ids(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).path("jobs").forEach(j -> ids.add(j.path("jobId").asText()));
        return ids;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
