package dev.autohair.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autohair.common.client.S3Clients;
import dev.autohair.common.client.S3Settings;
import dev.autohair.common.contract.ContractMessage;
import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import dev.autohair.devstack.DevStack;
import dev.autohair.status.browser.HeadlessChromium;
import dev.autohair.status.config.StatusConfig;
import dev.autohair.status.view.Json;
import dev.autohair.testing.Samples;
import dev.autohair.status.view.StatusTopology;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status service against a real KRaft broker and a real S3 server (devstack): messages as a
 * worker and an upload system write them, produced to real topics, read back over HTTP and in a real
 * headless Chromium. Each test has its own topics and application id.
 */
class StatusServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final MessageCodec CODEC = new MessageCodec();
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final String UPLOADS = "uploads";
    private static final String CUTOUTS = "cutouts";
    /** The dashboard's failure colour (#c62828), as getComputedStyle reports it. */
    private static final String FAILURE_RED = "rgb(198, 40, 40)";

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static KafkaProducer<String, byte[]> producer;
    private static byte[] input;
    private static byte[] cutout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(dir.resolve("stack"));
        stack.s3().createBucket(UPLOADS);
        stack.s3().createBucket(CUTOUTS);
        input = Samples.bytes("lemur.png");
        cutout = Samples.bytes("lemur_foreground.png");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void eventsOnRealTopicsBecomeOneViewPerJobWithWorkingObjectLinksAndLiveEvents() throws Exception {
        Topics topics = newTopics(2);
        upload(UPLOADS, "a/in.png", input);
        upload(CUTOUTS, "a/cutout.png", cutout);
        try (StatusService service = StatusService.start(config(topics))) {
            assertThat(service.awaitRunning(WAIT)).as("Streams running").isTrue();
            // Out of order and duplicated, as redelivery and producer retries deliver them.
            send(topics.status(), Messages.step("a", 1, 0, "w1"));
            send(topics.status(), Messages.step("a", 1, 2, "w1"));
            send(topics.status(), Messages.step("a", 1, 1, "w1"));
            send(topics.status(), Messages.step("a", 1, 2, "w1"));
            send(topics.jobs(), Messages.job("a", UPLOADS, "a/in.png"));
            JsonNode midway = awaitJob(service, "a", j -> j.path("input").has("key") && j.path("sequence").asLong() == 2);
            assertThat(midway.path("state").asText()).isEqualTo("SEGMENTED");

            try (EventStream events = new EventStream(uri(service, "/events"))) {
                send(topics.results(), Messages.succeeded("a", 1, "w1", CUTOUTS, "a/cutout.png"));
                JsonNode event = events.next(j -> "a".equals(j.path("jobId").asText()), WAIT);
                assertThat(event.path("state").asText()).isEqualTo("SUCCEEDED");
            }
            send(topics.status(), Messages.step("a", 1, 4, "w1")); // late: the result already completed the job
            send(topics.status(), Messages.step("a", 1, 5, "w1"));
            JsonNode done = awaitJob(service, "a", j -> j.path("sequence").asLong() == 5);
            assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
            assertThat(done.path("outputs").get(0).path("key").asText()).isEqualTo("a/cutout.png");
            assertThat(done.path("timingsMs").path("matte").asLong()).isEqualTo(120);

            // The presigned links fetch the real objects from S3 without credentials.
            assertThat(fetch(done.path("links").path("input").asText())).isEqualTo(input);
            assertThat(fetch(done.path("links").path("cutout").asText())).isEqualTo(cutout);

            HttpResponse<String> unknown = get(service, "/jobs/nobody");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(unknown.body()).path("error").asText()).isEqualTo("job_not_found");
            assertThat(get(service, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void missingTopicsAreRefusedAtStartUpByName() {
        int n = TEST_NUMBER.incrementAndGet();
        Topics topics = new Topics("jobs-x" + n, "status-x" + n, "results-x" + n, "dlq-x" + n);
        stack.kafka().createTopics(1, topics.jobs(), topics.status());
        assertThatThrownBy(() -> StatusService.start(config(topics)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topics.results()).hasMessageContaining("create them first");
    }

    /**
     * The failure: an upload system whose partitioner is not Java's (librdkafka's CRC32) puts a
     * job record on another partition than the Java workers' events about it, and here the jobs topic
     * has more partitions than the others too. Every job must still be one SUCCEEDED view with its input.
     */
    @Test
    void jobsOnOtherPartitionsThanJavasAndTopicsOfDifferentSizesFoldIntoOneViewPerJob() throws Exception {
        int n = TEST_NUMBER.incrementAndGet();
        Topics topics = new Topics("jobs-p" + n, "status-p" + n, "results-p" + n, "dlq-p" + n);
        stack.kafka().createTopics(3, topics.jobs());
        stack.kafka().createTopics(2, topics.status(), topics.results());
        upload(UPLOADS, "p/in.png", input);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add("p" + n + "-" + i);
        }
        try (StatusService service = StatusService.start(config(topics))) {
            assertThat(service.awaitRunning(WAIT)).isTrue();
            for (String id : ids) {
                int partition = (javaPartition(id, 3) + 1) % 3; // never where Java's partitioner would put it
                producer.send(new ProducerRecord<>(topics.jobs(), partition, id,
                        CODEC.encode(Messages.job(id, UPLOADS, "p/in.png")))).get();
                sendFinishedJob(topics, id);
            }
            assertOneSucceededViewPerJob(service, ids);
            // The view's own topic, named after the instance's application id, as wide as the widest input.
            String repartition = "status-" + topics.jobs() + "-" + StatusTopology.BY_JOB + "-repartition";
            try (Admin admin = stack.kafka().admin()) {
                assertThat(admin.describeTopics(List.of(repartition)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(repartition).partitions()).hasSize(3);
            }
        }
    }

    /** The same through librdkafka itself (Debian's python3-confluent-kafka), where it is installed. */
    @Test
    void jobsProducedByLibrdkafkaFoldIntoOneViewPerJob() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c",
                        "import confluent_kafka").start().waitFor() == 0,
                "python3-confluent-kafka (librdkafka) is not installed: the librdkafka producer check is skipped");
        int n = TEST_NUMBER.incrementAndGet();
        Topics topics = new Topics("jobs-r" + n, "status-r" + n, "results-r" + n, "dlq-r" + n);
        stack.kafka().createTopics(4, topics.jobs());
        stack.kafka().createTopics(3, topics.status(), topics.results());
        upload(UPLOADS, "r/in.png", input);
        List<String> ids = new ArrayList<>();
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String id = "r" + n + "-" + i;
            ids.add(id);
            records.append(id).append('\t')
                    .append(new String(CODEC.encode(Messages.job(id, UPLOADS, "r/in.png")), StandardCharsets.UTF_8)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("librdkafka-" + n + ".tsv"), records.toString());
        try (StatusService service = StatusService.start(config(topics))) {
            assertThat(service.awaitRunning(WAIT)).isTrue();
            Map<String, Integer> placed = LibrdkafkaProducer.produce(python, stack.kafka().bootstrapServers(),
                    topics.jobs(), file, dir);
            assertThat(placed.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(ids).as("librdkafka put some job where Java's partitioner would not (else this proves nothing)")
                    .anyMatch(id -> placed.get(id) != javaPartition(id, 4));
            for (String id : ids) {
                sendFinishedJob(topics, id);
            }
            assertOneSucceededViewPerJob(service, ids);
        }
    }

    @Test
    void theDashboardShowsJobsStatesTotalsAndThumbnailsInARealBrowser() throws Exception {
        var browser = HeadlessChromium.find();
        Assumptions.assumeTrue(browser.isPresent(), "chromium and chromedriver are not installed "
                + "(apt-get install -y chromium chromium-driver): the dashboard's browser test is skipped");
        Topics topics = newTopics(1);
        upload(UPLOADS, "ok/in.png", input);
        upload(CUTOUTS, "ok/cutout.png", cutout);
        upload(UPLOADS, "bad/notes.png", "just some text".getBytes(StandardCharsets.UTF_8));
        try (StatusService service = StatusService.start(config(topics))) {
            assertThat(service.awaitRunning(WAIT)).isTrue();
            send(topics.jobs(), Messages.job("dash-ok", UPLOADS, "ok/in.png"));
            for (int n = 0; n < 5; n++) {
                send(topics.status(), Messages.step("dash-ok", 1, n, "w1"));
            }
            // Finished now, so that the last hour's chart shows them.
            Instant now = Instant.now();
            send(topics.results(), Messages.finishedAt(Messages.succeeded("dash-ok", 1, "w1", CUTOUTS, "ok/cutout.png"), now));
            send(topics.status(), Messages.step("dash-ok", 1, 5, "w1"));
            send(topics.jobs(), Messages.job("dash-bad", UPLOADS, "bad/notes.png"));
            send(topics.status(), Messages.step("dash-bad", 1, 0, "w1"));
            send(topics.status(), Messages.step("dash-bad", 1, 1, "w1")); // 20 %, then it fails decoding
            send(topics.status(), Messages.terminalFailure("dash-bad", JobState.FAILED, 1, 2, ErrorCode.NOT_AN_IMAGE,
                    JobStage.DECODE));
            send(topics.results(), Messages.finishedAt(Messages.failed("dash-bad", 1, ErrorCode.NOT_AN_IMAGE), now));
            send(topics.jobs(), Messages.job("dash-dead", UPLOADS, "dead/in.png"));
            for (int n = 0; n < 3; n++) {
                send(topics.status(), Messages.step("dash-dead", 1, n, "w1"));
            }
            send(topics.results(), Messages.finishedAt(Messages.failed("dash-dead", 1, ErrorCode.STORAGE_UNAVAILABLE), now));
            send(topics.status(), Messages.terminalFailure("dash-dead", JobState.DEAD_LETTERED, 1, 3,
                    ErrorCode.STORAGE_UNAVAILABLE, JobStage.TRIMAP));
            send(topics.jobs(), Messages.job("dash-busy", UPLOADS, "busy/in.png"));
            send(topics.status(), Messages.step("dash-busy", 1, 2, "w2"));
            awaitJob(service, "dash-busy", j -> "SEGMENTED".equals(j.path("state").asText()));
            awaitJob(service, "dash-dead", j -> "DEAD_LETTERED".equals(j.path("state").asText()));
            Map<String, String> expectedStates = Map.of("dash-ok", "SUCCEEDED", "dash-bad", "FAILED",
                    "dash-dead", "DEAD_LETTERED", "dash-busy", "SEGMENTED");

            Path[] binaries = browser.get();
            try (HeadlessChromium chromium = HeadlessChromium.start(binaries[0], binaries[1], dir)) {
                chromium.open("http://127.0.0.1:" + service.httpPort() + "/");
                String rows = """
                        return Array.from(document.querySelectorAll('#jobs tbody tr')).map(tr => ({
                          id: tr.dataset.jobId, state: tr.dataset.state,
                          text: tr.innerText,
                          thumbs: Array.from(tr.querySelectorAll('img.thumb')).filter(i => i.complete && i.naturalWidth > 0).length
                        }));""";
                JsonNode shown = chromium.await(rows, r -> states(r).equals(expectedStates) && thumbs(r, "dash-ok") == 2, WAIT);
                assertThat(states(shown)).containsExactlyInAnyOrderEntriesOf(expectedStates);
                assertThat(thumbs(shown, "dash-ok")).as("before and after thumbnails loaded from S3").isEqualTo(2);
                assertThat(text(shown, "dash-bad")).contains("NOT_AN_IMAGE");
                JsonNode noPreview = chromium.await(rows, r -> text(r, "dash-bad").contains("no preview"), WAIT);
                assertThat(text(noPreview, "dash-bad")).as("an input the browser cannot show").contains("no preview");
                assertThat(text(shown, "dash-ok")).contains("100%").contains("matte 120");
                assertThat(text(shown, "dash-busy")).contains("40%").contains("w2");

                JsonNode totals = chromium.run("""
                        return {jobs: document.getElementById('total-jobs').textContent,
                                errors: document.getElementById('errors').textContent,
                                live: document.getElementById('live').textContent};""");
                assertThat(totals.path("jobs").asText()).isEqualTo("4");
                assertThat(totals.path("errors").asText()).isEqualTo("2");

                // A failed job's bar stops where it failed, in the failure colour; a success's is full and not red.
                String bars = """
                        return Object.fromEntries(Array.from(document.querySelectorAll('#jobs tbody tr')).map(tr => {
                          const track = tr.querySelector('.bar'), fill = tr.querySelector('.bar .fill');
                          return [tr.dataset.jobId, {colour: getComputedStyle(fill).backgroundColor,
                            fraction: fill.getBoundingClientRect().width / track.getBoundingClientRect().width,
                            text: tr.querySelector('td.progress').innerText}];
                        }));""";
                JsonNode bar = chromium.run(bars);
                assertThat(bar.path("dash-bad").path("colour").asText()).isEqualTo(FAILURE_RED);
                assertThat(bar.path("dash-bad").path("fraction").asDouble()).isCloseTo(0.2, within(0.02));
                assertThat(bar.path("dash-bad").path("text").asText()).contains("20%").contains("decode");
                assertThat(bar.path("dash-dead").path("colour").asText()).isEqualTo(FAILURE_RED);
                assertThat(bar.path("dash-dead").path("fraction").asDouble()).isCloseTo(0.4, within(0.02));
                assertThat(bar.path("dash-dead").path("text").asText()).contains("40%").contains("trimap");
                assertThat(bar.path("dash-ok").path("colour").asText()).isNotEqualTo(FAILURE_RED);
                assertThat(bar.path("dash-ok").path("fraction").asDouble()).isCloseTo(1.0, within(0.02));
                assertThat(bar.path("dash-busy").path("fraction").asDouble()).isCloseTo(0.4, within(0.02));

                // The last hour's chart: 60 minutes, this test's three outcomes, in their colours.
                JsonNode outcomes = chromium.run("""
                        const chart = document.getElementById('outcomes-chart');
                        const sum = o => Array.from(chart.querySelectorAll('rect[data-outcome="' + o + '"]'))
                            .reduce((n, r) => n + Number(r.dataset.count), 0);
                        const fill = o => { const r = chart.querySelector('rect[data-outcome="' + o + '"]');
                            return r ? getComputedStyle(r).fill : null; };
                        return {minutes: chart.querySelectorAll('g.minute').length,
                          succeeded: sum('succeeded'), failed: sum('failed'), deadLettered: sum('dead-lettered'),
                          failedFill: fill('failed'), succeededFill: fill('succeeded'),
                          legend: chart.querySelector('.legend').innerText};""");
                assertThat(outcomes.path("minutes").asInt()).isEqualTo(60);
                assertThat(outcomes.path("succeeded").asInt()).isEqualTo(1);
                assertThat(outcomes.path("failed").asInt()).isEqualTo(1);
                assertThat(outcomes.path("deadLettered").asInt()).isEqualTo(1);
                assertThat(outcomes.path("failedFill").asText()).isEqualTo(FAILURE_RED);
                assertThat(outcomes.path("succeededFill").asText()).isNotEqualTo(FAILURE_RED);
                assertThat(outcomes.path("legend").asText()).contains("succeeded 1").contains("failed 1").contains("dead-lettered 1");

                // The stage chart: one segment per stage the API reports, sized by its share of the mean times.
                JsonNode means = Json.MAPPER.readTree(get(service, "/stats").body()).path("meanTimingsMs");
                double total = 0;
                for (JsonNode ms : means) {
                    total += ms.asDouble();
                }
                JsonNode shares = chromium.run("""
                        const chart = document.getElementById('stages-chart');
                        return {shares: Object.fromEntries(Array.from(chart.querySelectorAll('rect[data-stage]'))
                                  .map(r => [r.dataset.stage, {share: Number(r.dataset.share),
                                     width: r.getBoundingClientRect().width}])),
                                width: chart.querySelector('svg').getBoundingClientRect().width,
                                legend: chart.querySelector('.legend').innerText};""");
                assertThat(shares.path("shares").size()).as("stages in " + means).isEqualTo(means.size()).isGreaterThanOrEqualTo(2);
                for (Iterator<String> stages = means.fieldNames(); stages.hasNext(); ) {
                    String stage = stages.next();
                    double expected = 100 * means.path(stage).asDouble() / total;
                    JsonNode drawn = shares.path("shares").path(stage);
                    assertThat(drawn.path("share").asDouble()).as(stage).isCloseTo(expected, within(0.06));
                    assertThat(drawn.path("width").asDouble() / shares.path("width").asDouble() * 100)
                            .as(stage + " drawn to scale").isCloseTo(expected, within(1.0));
                    assertThat(shares.path("legend").asText()).contains(stage + " " + String.format(Locale.ROOT, "%.1f%%", expected));
                }
                chromium.screenshot(Path.of("target", "dashboard.png"));

                // A change arrives over /events and the page follows without a reload.
                chromium.await("return document.getElementById('live').textContent;", v -> "live".equals(v.asText()), WAIT);
                send(topics.status(), Messages.step("dash-busy", 1, 3, "w2"));
                JsonNode followed = chromium.await(rows, r -> "MATTED".equals(states(r).get("dash-busy")), WAIT);
                assertThat(states(followed)).containsEntry("dash-busy", "MATTED");
            }
        }
    }

    // ---- helpers ----

    /** What Java's default partitioner picks for a keyed record: murmur2 of the key's bytes. */
    private static int javaPartition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A Java worker's messages for a job that succeeded, with Java's partitioner. */
    private static void sendFinishedJob(Topics topics, String id) throws Exception {
        for (int step = 0; step < 5; step++) {
            send(topics.status(), Messages.step(id, 1, step, "w1"));
        }
        send(topics.results(), Messages.succeeded(id, 1, "w1", CUTOUTS, id + "/cutout.png"));
        send(topics.status(), Messages.step(id, 1, 5, "w1"));
    }

    private void assertOneSucceededViewPerJob(StatusService service, List<String> ids) throws Exception {
        for (String id : ids) {
            JsonNode view = awaitJob(service, id, j -> "SUCCEEDED".equals(j.path("state").asText())
                    && j.path("links").has("input") && j.path("sequence").asLong() == 5);
            assertThat(view.path("input").path("key").asText()).as(id).endsWith("/in.png");
            assertThat(view.path("timingsMs").path("matte").asLong()).as(id).isEqualTo(120);
        }
        assertThat(fetch(awaitJob(service, ids.get(0), j -> true).path("links").path("input").asText())).isEqualTo(input);
        JsonNode stats = Json.MAPPER.readTree(get(service, "/stats").body());
        assertThat(stats.path("jobs").asLong()).as("each job counted once").isEqualTo(ids.size());
        assertThat(stats.path("byState").path("SUCCEEDED").asLong()).isEqualTo(ids.size());
        assertThat(stats.path("byState").has("SUBMITTED")).as("no job record folded apart from its events").isFalse();
        List<String> listed = new ArrayList<>();
        Json.MAPPER.readTree(get(service, "/jobs?limit=1000").body()).path("jobs")
                .forEach(j -> listed.add(j.path("jobId").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
    }


    private static Map<String, String> states(JsonNode rows) {
        Map<String, String> states = new HashMap<>();
        rows.forEach(r -> states.put(r.path("id").asText(), r.path("state").asText()));
        return states;
    }

    private static int thumbs(JsonNode rows, String id) {
        for (JsonNode r : rows) {
            if (id.equals(r.path("id").asText())) {
                return r.path("thumbs").asInt();
            }
        }
        return 0;
    }

    private static String text(JsonNode rows, String id) {
        for (JsonNode r : rows) {
            if (id.equals(r.path("id").asText())) {
                return r.path("text").asText();
            }
        }
        return "";
    }

    private static Topics newTopics(int partitions) {
        int n = TEST_NUMBER.incrementAndGet();
        Topics topics = new Topics("jobs-" + n, "status-" + n, "results-" + n, "dlq-" + n);
        stack.kafka().createTopics(partitions, topics.jobs(), topics.status(), topics.results());
        return topics;
    }

    private static StatusConfig config(Topics topics) {
        Map<String, String> env = new HashMap<>();
        env.put(StatusConfig.KAFKA_BOOTSTRAP_SERVERS, stack.kafka().bootstrapServers());
        env.put(StatusConfig.APPLICATION_ID, "status-" + topics.jobs());
        env.put(StatusConfig.TOPIC_JOBS, topics.jobs());
        env.put(StatusConfig.TOPIC_STATUS, topics.status());
        env.put(StatusConfig.TOPIC_RESULTS, topics.results());
        env.put(StatusConfig.HTTP_HOST, "127.0.0.1");
        env.put(StatusConfig.HTTP_PORT, "0");
        env.put(StatusConfig.STATE_DIR, dir.resolve("state-" + topics.jobs()).toString());
        env.put(StatusConfig.S3_ENDPOINT, stack.s3().endpoint());
        env.put(StatusConfig.S3_ACCESS_KEY, stack.s3().accessKey());
        env.put(StatusConfig.S3_SECRET_KEY, stack.s3().secretKey());
        env.put(StatusConfig.S3_REGION, stack.s3().region());
        return StatusConfig.load(env);
    }

    private static void send(String topic, ContractMessage message) throws Exception {
        String key = message instanceof ImageJob j ? j.jobId()
                : message instanceof StatusEvent e ? e.jobId() : ((JobResult) message).jobId();
        producer.send(new ProducerRecord<>(topic, key, CODEC.encode(message))).get();
    }

    private static void upload(String bucket, String key, byte[] bytes) throws Exception {
        MinioClient client = S3Clients.create(new S3Settings(URI.create(stack.s3().endpoint()), stack.s3().accessKey(),
                stack.s3().secretKey(), stack.s3().region()));
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType("image/png").build());
    }

    private JsonNode awaitJob(StatusService service, String id, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(service, "/jobs/" + id);
            if (response.statusCode() == 200) {
                last = Json.MAPPER.readTree(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not reach the expected view within " + WAIT + "; last: " + last);
    }

    private byte[] fetch(String url) throws Exception {
        assertThat(url).as("a presigned link").startsWith(stack.s3().endpoint());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(StatusService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(StatusService service, String path) {
        return URI.create("http://127.0.0.1:" + service.httpPort() + path);
    }

    /** A client of {@code /events}: the data of each {@code job} event, as JSON. */
    private final class EventStream implements AutoCloseable {
        private final InputStream body;
        private final BufferedReader lines;

        EventStream(URI uri) throws Exception {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo(": connected"); // subscribed before anything is sent
        }

        JsonNode next(Predicate<JsonNode> wanted, Duration timeout) throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    List<String> seen = new ArrayList<>();
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data: ")) {
                            JsonNode event = Json.MAPPER.readTree(line.substring(6));
                            seen.add(event.path("jobId").asText());
                            if (wanted.test(event)) {
                                return event;
                            }
                        }
                    }
                    throw new AssertionError("the event stream ended; saw " + seen);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
