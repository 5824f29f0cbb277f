package dev.autohair.status.view;

import static dev.autohair.status.Messages.job;
import static dev.autohair.status.Messages.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.ContractMessage;
import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.Topics;
import dev.autohair.status.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fold of the three topics into one view per job, through Kafka Streams' test driver. */
class StatusTopologyTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final Duration RETENTION = Duration.ofDays(365 * 10); // nothing expires unless a test says so
    private final Topics topics = Topics.defaults();
    private final List<JobView> changes = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> jobs;
    private TestInputTopic<String, byte[]> status;
    private TestInputTopic<String, byte[]> results;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        Properties p = new Properties();
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "status-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(StatusTopology.build(topics, CODEC, RETENTION, (id, view) -> changes.add(view)), p);
        jobs = driver.createInputTopic(topics.jobs(), new StringSerializer(), new ByteArraySerializer());
        status = driver.createInputTopic(topics.status(), new StringSerializer(), new ByteArraySerializer());
        results = driver.createInputTopic(topics.results(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eventsInOrderAdvanceTheJobToItsResult() {
        send(jobs, job("a", "uploads", "a/in.png"));
        for (int n = 0; n < 5; n++) {
            send(status, step("a", 1, n, "w1"));
        }
        JobView midway = view("a");
        assertThat(midway.state()).isEqualTo("STORED");
        assertThat(midway.progress()).isEqualTo(0.8);
        assertThat(midway.finished()).isFalse();
        send(results, Messages.succeeded("a", 1, "w1", "cutouts", "a/cutout.png"));
        send(status, step("a", 1, 5, "w1"));

        JobView done = view("a");
        assertThat(done.state()).isEqualTo("SUCCEEDED");
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.finished()).isTrue();
        assertThat(done.workerId()).isEqualTo("w1");
        assertThat(done.input()).isEqualTo(new ObjectRef("uploads", "a/in.png"));
        assertThat(done.outputs()).extracting(o -> o.key()).containsExactly("a/cutout.png");
        assertThat(done.timingsMs()).containsEntry(JobStage.MATTE, 120L).containsEntry(JobStage.FETCH, 15L);
        assertThat(done.submittedAt()).isEqualTo(Messages.T0);
        assertThat(done.finishedAt()).isEqualTo(Messages.T0.plusSeconds(16));
    }

    @Test
    void lateAndDuplicateEventsNeverMoveAJobBackwards() {
        send(status, step("b", 1, 0, "w1"));
        send(status, step("b", 1, 3, "w1"));
        send(status, step("b", 1, 1, "w1")); // late
        send(status, step("b", 1, 3, "w1")); // duplicate
        send(status, step("b", 1, 2, "w1")); // late
        JobView view = view("b");
        assertThat(view.state()).isEqualTo("MATTED");
        assertThat(view.sequence()).isEqualTo(3);
        assertThat(view.input()).isNull();

        send(jobs, job("b", "uploads", "b/in.png")); // the job record after its events
        assertThat(view("b").state()).isEqualTo("MATTED");
        assertThat(view("b").input()).isEqualTo(new ObjectRef("uploads", "b/in.png"));
    }

    @Test
    void aResultCompletesTheViewAndLaterProgressOfItsAttemptIsStale() {
        send(status, step("c", 1, 0, "w1"));
        send(results, Messages.succeeded("c", 1, "w1", "cutouts", "c/cutout.png"));
        send(status, step("c", 1, 2, "w1")); // delivered after the result: too late to matter
        send(status, step("c", 1, 4, "w1"));
        assertThat(view("c").timingsMs()).as("the result's timings are final").containsEntry(JobStage.FETCH, 15L);

        JobView view = view("c");
        assertThat(view.state()).isEqualTo("SUCCEEDED");
        assertThat(view.progress()).isEqualTo(1.0);
        assertThat(view.outputs()).hasSize(1);
        assertThat(view.finished()).isTrue();

        send(results, Messages.succeeded("c", 1, "w1", "cutouts", "c/cutout.png")); // duplicate result
        assertThat(view("c")).isEqualTo(view);
    }

    @Test
    void aJobHeldForUnavailableStorageShowsWaitingAndIsStillUnderWay() {
        send(status, step("h", 1, 0, "w1"));
        send(status, new dev.autohair.common.contract.StatusEvent("h", dev.autohair.common.contract.JobState.WAITING,
                dev.autohair.common.contract.JobStage.FETCH, 0.0, "w1", 1, 1, java.time.Instant.parse("2026-12-01T00:00:11Z"),
                new dev.autohair.common.contract.JobError(dev.autohair.common.contract.ErrorCode.STORAGE_UNAVAILABLE,
                        "storage down"), java.util.Map.of()));
        assertThat(view("h").state()).isEqualTo("WAITING");
        assertThat(view("h").finished()).isFalse();
    }

    @Test
    void aRetryStartsANewAttemptAndEndsDeadLetteredWhateverOrderTheEndArrivesIn() {
        send(status, step("d", 1, 0, "w1"));
        send(status, Messages.retrying("d", 1, 1));
        assertThat(view("d").state()).isEqualTo("RETRYING");
        assertThat(view("d").finished()).isFalse();
        send(status, step("d", 2, 0, "w2"));
        assertThat(view("d").state()).isEqualTo("RECEIVED");
        assertThat(view("d").attempt()).isEqualTo(2);
        assertThat(view("d").error()).isNull();
        send(status, Messages.retrying("d", 1, 1)); // an old attempt's duplicate
        assertThat(view("d").state()).isEqualTo("RECEIVED");

        send(results, Messages.failed("d", 2, ErrorCode.STORAGE_UNAVAILABLE));
        assertThat(view("d").state()).isEqualTo("FAILED");
        send(status, Messages.terminalFailure("d", JobState.DEAD_LETTERED, 2, 1, ErrorCode.STORAGE_UNAVAILABLE));
        JobView end = view("d");
        assertThat(end.state()).as("the terminal event names the outcome more precisely").isEqualTo("DEAD_LETTERED");
        assertThat(end.failed()).isTrue();
        assertThat(end.error().code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);

        // The other order: the terminal event first, then the result, ends the same way.
        send(status, Messages.terminalFailure("e", JobState.DEAD_LETTERED, 1, 1, ErrorCode.INTERNAL_ERROR));
        send(results, Messages.failed("e", 1, ErrorCode.INTERNAL_ERROR));
        assertThat(view("e").state()).isEqualTo("DEAD_LETTERED");
        assertThat(view("e").finished()).isTrue();
    }

    @Test
    void aResultOfAnOlderAttemptDoesNotOverrideANewerOne() {
        send(status, step("f", 2, 1, "w2"));
        send(results, Messages.failed("f", 1, ErrorCode.INTERNAL_ERROR));
        assertThat(view("f").state()).isEqualTo("FETCHED");
        assertThat(view("f").attempt()).isEqualTo(2);
    }

    @Test
    void unreadableRecordsAreSkippedAndTheViewKeepsFlowing() {
        status.pipeInput("g", "{not json".getBytes(StandardCharsets.UTF_8));
        jobs.pipeInput("g", "{\"schema\":\"autohair.image-job\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
        results.pipeInput("g", (byte[]) null);
        send(status, step("g", 1, 0, "w1"));
        assertThat(view("g").state()).isEqualTo("RECEIVED");
    }

    @Test
    void everyChangeReachesTheFeedAndQueriesFilterAndOrderRecentFirst() {
        send(jobs, job("h1", "uploads", "h1.png"));
        send(status, step("h2", 1, 0, "w1"));
        send(results, Messages.succeeded("h3", 1, "w1", "cutouts", "h3/cutout.png"));
        send(results, Messages.failed("h4", 1, ErrorCode.NOT_AN_IMAGE));
        assertThat(changes).extracting(JobView::jobId).containsExactly("h1", "h2", "h3", "h4");

        KeyValueStore<String, JobView> store = driver.getKeyValueStore(StatusTopology.STORE);
        JobViews views = new JobViews(() -> store);
        assertThat(views.find(JobQuery.recent(10))).extracting(JobView::jobId).containsExactly("h4", "h3", "h2", "h1");
        assertThat(views.find(JobQuery.recent(2))).extracting(JobView::jobId).containsExactly("h4", "h3");
        assertThat(views.find(new JobQuery(Optional.of("SUCCEEDED"), Optional.empty(), 10)))
                .extracting(JobView::jobId).containsExactly("h3");
        assertThat(views.find(new JobQuery(Optional.empty(), Optional.of(Messages.T0.plusSeconds(11)), 10)))
                .extracting(JobView::jobId).containsExactly("h4", "h3");
        assertThat(views.get("nope")).isEmpty();

        JobStats stats = views.stats(Messages.T0.plusSeconds(30));
        assertThat(stats.jobs()).isEqualTo(4);
        assertThat(stats.byState()).containsEntry("SUBMITTED", 1L).containsEntry("FAILED", 1L).containsEntry("SUCCEEDED", 1L);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.errors()).containsEntry(ErrorCode.NOT_AN_IMAGE, 1L);
        assertThat(stats.finishedLastMinute()).isEqualTo(2);
        assertThat(views.stats(Messages.T0.plus(Duration.ofDays(1))).finishedLastMinute()).isZero();
        assertThat(stats.meanTimingsMs()).containsEntry(JobStage.MATTE, 120L);
    }

    @Test
    void recordsFoldByTheJobIdTheirMessageNamesWhateverKeyOrPartitionTheyCameWith() {
        jobs.pipeInput((String) null, CODEC.encode(job("k", "uploads", "k/in.png")));
        status.pipeInput("someone-else", CODEC.encode(step("k", 1, 2, "w1")));
        JobView view = view("k");
        assertThat(view.state()).isEqualTo("SEGMENTED");
        assertThat(view.input()).isEqualTo(new ObjectRef("uploads", "k/in.png"));
        assertThat(view("someone-else")).isNull();
        assertThat(changes).extracting(JobView::jobId).containsOnly("k");
    }

    @Test
    void theFoldReadsOnlyTheRepartitionTopicSoNoInputTopicsPartitioningMatters() {
        TopologyDescription description = StatusTopology.build(topics, CODEC, RETENTION, (id, v) -> { }).describe();
        TopologyDescription.Subtopology folding = description.subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n instanceof TopologyDescription.Processor p
                        && p.stores().contains(StatusTopology.STORE)))
                .findFirst().orElseThrow();
        List<String> sources = folding.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream()).toList();
        assertThat(sources).containsExactly(StatusTopology.BY_JOB + "-repartition");
    }

    @Test
    void rawUpdatesCrossTheRepartitionTopicByteForByte() {
        RawUpdateSerde serde = new RawUpdateSerde();
        byte[] json = CODEC.encode(step("r", 1, 1, "w1"));
        RawUpdate back = serde.deserializer().deserialize("t", serde.serializer().serialize("t",
                new RawUpdate(RawUpdate.Origin.RESULTS, json)));
        assertThat(back.origin()).isEqualTo(RawUpdate.Origin.RESULTS);
        assertThat(back.json()).isEqualTo(json);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, '{', '}'}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("origin tag 9");
    }

    @Test
    void aFailedJobKeepsTheStageAndProgressItStoppedAtInWhateverOrderItsEndArrives() {
        // Steps, then the terminal event (without a stage), then the result.
        send(status, step("s1", 1, 0, "w1"));
        send(status, step("s1", 1, 2, "w1"));
        send(status, Messages.terminalFailure("s1", JobState.FAILED, 1, 3, ErrorCode.NOT_AN_IMAGE));
        send(results, Messages.failed("s1", 1, ErrorCode.NOT_AN_IMAGE));
        JobView s1 = view("s1");
        assertThat(s1.state()).isEqualTo("FAILED");
        assertThat(s1.progress()).as("terminal: the contract's 1").isEqualTo(1.0);
        assertThat(s1.progressReached()).isEqualTo(0.4);
        assertThat(s1.stage()).isEqualTo(JobStage.SEGMENT);

        // The result first, a step that crossed it, then the terminal event naming the stage that failed.
        send(status, step("s2", 1, 1, "w1"));
        send(results, Messages.failed("s2", 1, ErrorCode.STORAGE_UNAVAILABLE));
        assertThat(view("s2").stage()).isEqualTo(JobStage.FETCH);
        assertThat(view("s2").progressReached()).isEqualTo(0.2);
        send(status, step("s2", 1, 2, "w1"));
        assertThat(view("s2").state()).isEqualTo("FAILED");
        assertThat(view("s2").progressReached()).isEqualTo(0.4);
        send(status, Messages.terminalFailure("s2", JobState.DEAD_LETTERED, 1, 3, ErrorCode.STORAGE_UNAVAILABLE,
                JobStage.TRIMAP));
        assertThat(view("s2").state()).isEqualTo("DEAD_LETTERED");
        assertThat(view("s2").stage()).isEqualTo(JobStage.TRIMAP);
        assertThat(view("s2").progressReached()).isEqualTo(0.4);

        // A retry keeps where the attempt stopped until the next attempt starts over; a success reaches 1.
        send(status, step("s3", 1, 3, "w1"));
        send(status, Messages.retrying("s3", 1, 4));
        assertThat(view("s3").progressReached()).isEqualTo(0.6);
        send(status, step("s3", 2, 0, "w1"));
        assertThat(view("s3").progressReached()).isZero();
        send(results, Messages.succeeded("s3", 2, "w1", "cutouts", "s3/cutout.png"));
        assertThat(view("s3").progressReached()).isEqualTo(1.0);
        assertThat(view("s3").stage()).isNull();
    }

    @Test
    void statsCountFinishedJobsPerMinuteByOutcomeOverTheLastHour() {
        send(results, Messages.succeeded("m1", 1, "w1", "cutouts", "m1/cutout.png")); // finished T0 + 16 s
        send(results, Messages.failed("m2", 1, ErrorCode.NOT_AN_IMAGE)); // T0 + 17 s
        send(status, Messages.terminalFailure("m3", JobState.DEAD_LETTERED, 1, 1, ErrorCode.INTERNAL_ERROR)); // T0 + 11 s
        send(results, Messages.finishedAt(Messages.failed("m4", 1, ErrorCode.NOT_AN_IMAGE), Messages.T0.minus(Duration.ofHours(2))));
        send(status, step("m5", 1, 2, "w1")); // running: not counted
        JobViews views = new JobViews(() -> driver.getKeyValueStore(StatusTopology.STORE));

        Instant now = Messages.T0.plus(Duration.ofMinutes(20));
        List<MinuteOutcomes> hour = views.stats(now).lastHour();
        assertThat(hour).hasSize(60);
        assertThat(hour.get(59).start()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        for (int i = 1; i < hour.size(); i++) {
            assertThat(Duration.between(hour.get(i - 1).start(), hour.get(i).start())).isEqualTo(Duration.ofMinutes(1));
        }
        MinuteOutcomes m1 = minuteOf(hour, Messages.T0.plusSeconds(16));
        assertThat(m1.succeeded()).isEqualTo(1);
        assertThat(minuteOf(hour, Messages.T0.plusSeconds(17)).failed()).isEqualTo(1);
        assertThat(minuteOf(hour, Messages.T0.plusSeconds(11)).deadLettered()).isEqualTo(1);
        assertThat(hour.stream().mapToLong(MinuteOutcomes::succeeded).sum()).isEqualTo(1);
        assertThat(hour.stream().mapToLong(MinuteOutcomes::failed).sum()).as("m4 finished before the hour").isEqualTo(1);
        assertThat(hour.stream().mapToLong(MinuteOutcomes::deadLettered).sum()).isEqualTo(1);

        assertThat(views.stats(Messages.T0.plus(Duration.ofHours(2))).lastHour())
                .allSatisfy(m -> assertThat(m.succeeded() + m.failed() + m.deadLettered()).isZero());
    }

    private static MinuteOutcomes minuteOf(List<MinuteOutcomes> hour, Instant t) {
        return hour.stream().filter(m -> !t.isBefore(m.start()) && t.isBefore(m.start().plus(Duration.ofMinutes(1))))
                .findFirst().orElseThrow(() -> new AssertionError(t + " is not in the last hour"));
    }

    @Test
    void lateAndDuplicateEventsReachNoListener() {
        send(status, step("i", 1, 0, "w1"));
        send(status, step("i", 1, 1, "w1"));
        send(status, step("i", 1, 1, "w1"));
        send(status, step("i", 1, 0, "w1"));
        assertThat(changes).extracting(JobView::state).containsExactly("RECEIVED", "FETCHED");
    }

    @Test
    void finishedJobsExpireAfterTheRetentionAndRunningOnesStay() {
        driver.close();
        Properties p = new Properties();
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("expiry").toString());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "status-expiry-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Instant now = Messages.T0.plus(Duration.ofHours(2)); // the driver's wall clock, independent of the machine's
        driver = new TopologyTestDriver(StatusTopology.build(topics, CODEC, Duration.ofHours(1), (id, view) -> { }), p, now);
        status = driver.createInputTopic(topics.status(), new StringSerializer(), new ByteArraySerializer());
        results = driver.createInputTopic(topics.results(), new StringSerializer(), new ByteArraySerializer());
        // The job finished at T0 + 16 s, more than the retention before now; the running one never expires.
        send(results, Messages.succeeded("old", 1, "w1", "cutouts", "old/cutout.png"));
        send(status, step("running", 1, 1, "w1"));
        assertThat(view("old")).isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(view("old")).isNull();
        assertThat(view("running")).isNotNull();
    }

    private void send(TestInputTopic<String, byte[]> topic, ContractMessage message) {
        String key = switch (message.type()) {
            case IMAGE_JOB -> ((dev.autohair.common.contract.ImageJob) message).jobId();
            case STATUS_EVENT -> ((dev.autohair.common.contract.StatusEvent) message).jobId();
            case JOB_RESULT -> ((dev.autohair.common.contract.JobResult) message).jobId();
        };
        topic.pipeInput(key, CODEC.encode(message));
    }

    private JobView view(String id) {
        KeyValueStore<String, JobView> store = driver.getKeyValueStore(StatusTopology.STORE);
        return store.get(id);
    }
}
