package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autohair.common.json.JsonMappers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final ObjectMapper JSON = JsonMappers.create();
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123456Z");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static ImageJob fullJob() {
        JobOptions options = JobOptions.defaults()
                .withOutputs(OutputKind.CUTOUT, OutputKind.MATTE, OutputKind.MASK)
                .withFormat(OutputFormat.WEBP)
                .withBackground("00ff7f")
                .withCropMargin(0)
                .withSubjectClasses(SubjectClass.named("person"), SubjectClass.indexed(8))
                .withTrimap(new TrimapSpec.Confidence(0.05, 0.95));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("sku", "7731");
        metadata.put("note", "zürich – ünïcode");
        return new ImageJob("job-1", new ObjectRef("uploads", "a/b c/ä.jpg"), new OutputTarget("cutouts", "shop/"),
                options, metadata, NOW);
    }

    @Test
    void imageJobWithEveryOptionRoundTrips() throws Exception {
        ImageJob job = fullJob();

        assertThat(CODEC.decodeJob(CODEC.encode(job))).isEqualTo(job);
    }

    @Test
    void eachTrimapModeRoundTripsWithItsModeName() throws Exception {
        for (TrimapSpec spec : List.of(new TrimapSpec.Auto(), new TrimapSpec.Band(16, 3),
                new TrimapSpec.Confidence(0.2, 0.8))) {
            ImageJob job = new ImageJob("j-" + spec.getClass().getSimpleName(), new ObjectRef("uploads", "x.png"),
                    OutputTarget.of("cutouts"), JobOptions.defaults().withTrimap(spec), Map.of(), NOW);

            byte[] bytes = CODEC.encode(job);

            assertThat(CODEC.decodeJob(bytes).options().trimap()).isEqualTo(spec);
            assertThat(JSON.readTree(bytes).at("/options/trimap/mode").asText())
                    .isEqualTo(spec.getClass().getSimpleName().toLowerCase());
        }
    }

    @Test
    void resultAndStatusEventRoundTrip() {
        JobResult ok = JobResult.succeeded(fullJob(),
                List.of(new OutputRef(OutputKind.CUTOUT, "cutouts", "shop/job-1/cutout.webp", "image/webp", 1234, 640, 480, SHA)),
                Map.of(JobStage.FETCH, 3L, JobStage.MATTE, 400L),
                List.of(new ModelInfo(ModelRole.SEGMENTATION, "selfie", "1")), 2, "worker-a", NOW);
        JobResult failed = JobResult.failed("job-2", new JobError(ErrorCode.CORRUPT_IMAGE, "truncated PNG"),
                Map.of(), List.of(), 1, "worker-a", Map.of("k", "v"), NOW);
        StatusEvent retrying = new StatusEvent("job-1", JobState.RETRYING, JobStage.STORE, 0.9, "worker-a", 1, 5, NOW,
                new JobError(ErrorCode.STORAGE_UNAVAILABLE, "timed out"), Map.of(JobStage.STORE, 10000L));
        StatusEvent received = new StatusEvent("job-1", JobState.RECEIVED, null, 0, "worker-a", 1, 0, NOW, null, null);

        assertThat(CODEC.decodeResult(CODEC.encode(ok))).isEqualTo(ok);
        assertThat(CODEC.decodeResult(CODEC.encode(failed))).isEqualTo(failed);
        assertThat(CODEC.decodeStatus(CODEC.encode(retrying))).isEqualTo(retrying);
        assertThat(CODEC.decodeStatus(CODEC.encode(received))).isEqualTo(received);
    }

    @Test
    void encodedMessagesNameTheirSchemaAndVersionFirst() throws Exception {
        JsonNode tree = JSON.readTree(CODEC.encode(fullJob()));

        assertThat(tree.fieldNames().next()).isEqualTo("schema");
        assertThat(tree.get("schema").asText()).isEqualTo("autohair.image-job");
        assertThat(tree.get("version").asInt()).isEqualTo(1);
        assertThat(tree.get("submittedAt").asText()).isEqualTo("2026-11-25T12:00:00.123456Z");
        assertThat(tree.at("/options/subjectClasses/1").isInt()).isTrue();
    }

    @Test
    void uriInputAndOffsetTimestampDecode() throws Exception {
        String json = """
                {"schema":"autohair.image-job","version":1,"jobId":"j1",
                 "input":{"uri":"s3://uploads/deep/path/with space.jpg"},
                 "output":{"bucket":"cutouts"},"submittedAt":"2026-11-25T13:00:00+01:00"}""";

        ImageJob job = CODEC.decodeJob(json.getBytes(StandardCharsets.UTF_8));

        assertThat(job.input()).isEqualTo(new ObjectRef("uploads", "deep/path/with space.jpg"));
        assertThat(job.submittedAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(job.options()).isEqualTo(JobOptions.defaults());
        assertThat(job.output().prefix()).isEmpty();
        assertThat(job.outputRef(OutputKind.CUTOUT)).isEqualTo(new ObjectRef("cutouts", "j1/cutout.png"));
    }

    @Test
    void invalidJobKeepsAUsableJobIdSoTheFailureCanBeKeyed() {
        String json = """
                {"schema":"autohair.image-job","version":1,"jobId":"j-77","input":{"bucket":"uploads"},
                 "output":{"bucket":"cutouts"},"submittedAt":"2026-11-25T12:00:00Z"}""";

        InvalidJobException e = catchThrowableOfType(InvalidJobException.class,
                () -> CODEC.decodeJob(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_JOB);
        assertThat(e.jobId()).contains("j-77");
        assertThat(e.getMessage()).contains("/input").contains("schemas/image-job.schema.json");
    }

    @Test
    void emptyAndNonUtf8RecordsAreMalformed() {
        for (byte[] raw : List.of(new byte[0], new byte[] {(byte) 0xC3, (byte) 0x28, '{'})) {
            InvalidJobException e = catchThrowableOfType(InvalidJobException.class, () -> CODEC.decodeJob(raw));

            assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_JOB);
            assertThat(e.jobId()).isEmpty();
        }
    }

    @Test
    void brokenRecordGetsAFallbackJobIdThatTheSchemasAccept() {
        InvalidJobException e = catchThrowableOfType(InvalidJobException.class,
                () -> CODEC.decodeJob("nope".getBytes(StandardCharsets.UTF_8)));

        String id = e.jobIdOr("autohair.jobs", 3, 1234);
        String longId = e.jobIdOr("t".repeat(249), 3, 1234);

        assertThat(id).isEqualTo("unknown-autohair.jobs-3-1234");
        assertThat(longId).hasSize(128).endsWith("-3-1234");
        JobResult failed = JobResult.failed(longId, new JobError(ErrorCode.MALFORMED_JOB, e.getMessage()), Map.of(),
                List.of(), 1, "w", Map.of(), NOW);
        assertThat(CODEC.decodeResult(CODEC.encode(failed)).jobId()).isEqualTo(longId);
    }

    @Test
    void consumersIgnoreFieldsAddedLater() {
        String json = """
                {"schema":"autohair.status-event","version":1,"jobId":"j1","state":"FETCHED","stage":"fetch",
                 "progress":0.2,"workerId":"w","attempt":1,"sequence":1,"timestamp":"2026-11-25T12:00:00Z",
                 "queueDepth":17}""";

        StatusEvent event = CODEC.decodeStatus(json.getBytes(StandardCharsets.UTF_8));

        assertThat(event.state()).isEqualTo(JobState.FETCHED);
        assertThat(event.stage()).isEqualTo(JobStage.FETCH);
    }

    @Test
    void errorCodesFromNewerWorkersReadAsInternalError() {
        String json = """
                {"schema":"autohair.job-result","version":1,"jobId":"j1","outcome":"FAILED","outputs":[],
                 "timingsMs":{},"models":[],"error":{"code":"GPU_ON_FIRE","message":"new code"},"attempt":1,
                 "workerId":"w","metadata":{},"finishedAt":"2026-11-25T12:00:00Z"}""";

        JobResult result = CODEC.decodeResult(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(result.error().message()).isEqualTo("new code");
    }

    @Test
    void unreadableResultIsAMalformedMessage() {
        assertThatThrownBy(() -> CODEC.decodeResult("{\"outcome\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("JobResult");
    }

    @Test
    void encodeRefusesAMessageThatBreaksItsSchema() {
        ImageJob job = new ImageJob("j1", new ObjectRef("uploads", "a.jpg"), OutputTarget.of("cutouts"), null,
                Map.of("note", "x".repeat(1025)), NOW);

        SchemaViolationException e = catchThrowableOfType(SchemaViolationException.class, () -> CODEC.encode(job));

        assertThat(e.violations()).extracting(Violation::path, Violation::keyword)
                .containsExactly(Tuple.tuple("/metadata/note", "maxLength"));
    }
}
