package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autohair.common.json.JsonMappers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Java types and the schema files say the same thing: enums, patterns and defaults cannot drift apart. */
class ContractDriftTest {

    private static final ContractSchemas SCHEMAS = ContractSchemas.load();
    private static final ObjectMapper JSON = JsonMappers.create();

    private final JsonNode job = SCHEMAS.document(MessageType.IMAGE_JOB);
    private final JsonNode result = SCHEMAS.document(MessageType.JOB_RESULT);
    private final JsonNode status = SCHEMAS.document(MessageType.STATUS_EVENT);

    @Test
    void errorCodesInBothSchemasAreTheJavaEnum() {
        List<String> java = names(ErrorCode.values(), Enum::name);

        assertThat(strings(result.at("/$defs/error/properties/code/enum"))).isEqualTo(java);
        assertThat(strings(status.at("/properties/error/properties/code/enum"))).isEqualTo(java);
    }

    @Test
    void statesStagesKindsFormatsAndRolesMatchTheJavaEnums() {
        assertThat(strings(status.at("/properties/state/enum"))).isEqualTo(names(JobState.values(), Enum::name));
        List<String> stages = names(JobStage.values(), JobStage::wireName);
        assertThat(strings(status.at("/properties/stage/enum"))).isEqualTo(stages);
        assertThat(strings(status.at("/properties/timingsMs/propertyNames/enum"))).isEqualTo(stages);
        assertThat(strings(result.at("/$defs/timingsMs/propertyNames/enum"))).isEqualTo(stages);
        List<String> kinds = names(OutputKind.values(), OutputKind::wireName);
        assertThat(strings(job.at("/$defs/outputKind/enum"))).isEqualTo(kinds);
        assertThat(strings(result.at("/$defs/outputRef/properties/kind/enum"))).isEqualTo(kinds);
        assertThat(strings(job.at("/properties/options/properties/format/enum")))
                .isEqualTo(names(OutputFormat.values(), OutputFormat::extension));
        assertThat(strings(result.at("/$defs/outputRef/properties/contentType/enum")))
                .isEqualTo(names(OutputFormat.values(), OutputFormat::contentType));
        assertThat(strings(result.at("/properties/outcome/enum"))).isEqualTo(names(Outcome.values(), Enum::name));
        assertThat(strings(result.at("/properties/models/items/properties/role/enum")))
                .isEqualTo(names(ModelRole.values(), ModelRole::wireName));
    }

    @Test
    void schemaNamesAndVersionsAreTheMessageTypes() {
        for (MessageType type : MessageType.values()) {
            JsonNode schema = SCHEMAS.document(type);
            assertThat(schema.at("/properties/schema/const").asText()).isEqualTo(type.schemaName());
            assertThat(schema.at("/properties/version/const").asInt()).isEqualTo(type.version());
            assertThat(schema.get("$id").asText()).endsWith("/v" + type.version() + ".schema.json");
            assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void javaChecksUseTheSchemasPatterns() {
        assertThat(job.at("/$defs/jobId/pattern").asText()).isEqualTo(Checks.JOB_ID_PATTERN);
        assertThat(result.at("/properties/jobId/pattern").asText()).isEqualTo(Checks.JOB_ID_PATTERN);
        assertThat(status.at("/properties/jobId/pattern").asText()).isEqualTo(Checks.JOB_ID_PATTERN);
        assertThat(job.at("/$defs/bucket/pattern").asText()).isEqualTo(Checks.BUCKET_PATTERN);
        assertThat(result.at("/$defs/outputRef/properties/bucket/pattern").asText()).isEqualTo(Checks.BUCKET_PATTERN);
        assertThat(job.at("/properties/options/properties/background/pattern").asText())
                .isEqualTo(Checks.COLOUR_PATTERN);
        assertThat(job.at("/properties/options/properties/subjectClasses/items/oneOf/0/pattern").asText())
                .isEqualTo(SubjectClass.NAME_PATTERN);
    }

    @Test
    void schemaDefaultsAreWhatJavaFillsIn() throws Exception {
        ImageJob minimal = new ImageJob("j1", new ObjectRef("uploads", "a.jpg"), OutputTarget.of("cutouts"), null, null,
                Instant.EPOCH);
        JsonNode javaDefaults = JSON.readTree(new MessageCodec(SCHEMAS).encode(minimal)).get("options");
        JsonNode options = job.at("/properties/options/properties");

        assertThat(javaDefaults.get("outputs")).isEqualTo(options.at("/outputs/default"));
        assertThat(javaDefaults.get("format")).isEqualTo(options.at("/format/default"));
        assertThat(javaDefaults.get("trimap")).isEqualTo(options.at("/trimap/default"));
        assertThat(javaDefaults.get("subject")).isEqualTo(options.at("/subject/default"));
        assertThat(javaDefaults.has("background")).isFalse();
        assertThat(javaDefaults.has("cropMargin")).isFalse();
        assertThat(javaDefaults.has("subjectClasses")).isFalse();
        String bandWithoutErosion = "{\"schema\":\"autohair.image-job\",\"version\":1,\"jobId\":\"j1\","
                + "\"input\":{\"uri\":\"s3://uploads/a.jpg\"},\"output\":{\"bucket\":\"cutouts\"},"
                + "\"options\":{\"trimap\":{\"mode\":\"band\",\"size\":12}},\"submittedAt\":\"2026-01-01T00:00:00Z\"}";
        TrimapSpec band = new MessageCodec(SCHEMAS).decodeJob(bandWithoutErosion.getBytes(StandardCharsets.UTF_8))
                .options().trimap();
        // the schema documents the default erosion (half the band, rounded up) in words, not as a constant
        assertThat(options.at("/trimap/oneOf/3/properties/erosion/description").asText()).contains("half the band size");
        assertThat(band).isEqualTo(new TrimapSpec.Band(12, 6)).isEqualTo(TrimapSpec.parse("12"));
        assertThat(job.at("/properties/output/properties/prefix/default").asText())
                .isEqualTo(new OutputTarget("cutouts", null).prefix());
    }

    private static <T> List<String> names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).toList();
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("expected an array, got " + array).isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
