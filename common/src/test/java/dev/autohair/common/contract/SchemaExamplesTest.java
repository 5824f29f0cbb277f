package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autohair.common.json.JsonMappers;
import dev.autohair.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example under schemas/examples does what its folder says: valid ones pass, invalid ones fail as described. */
class SchemaExamplesTest {

    private static final ObjectMapper JSON = JsonMappers.create();
    private static final MessageCodec CODEC = new MessageCodec();
    static final Path EXAMPLES = RepositoryRoot.resolve("schemas/examples");

    static Stream<Arguments> valid() throws IOException {
        return examples("valid");
    }

    static Stream<Arguments> invalid() throws IOException {
        return examples("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validExamplePassesItsSchema(String name, MessageType type, Path file) throws Exception {
        JsonNode message = JSON.readTree(file.toFile());

        assertThat(CODEC.schemas().validate(type, message)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validExampleDecodesAndReencodesToAValidMessage(String name, MessageType type, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);

        ContractMessage decoded = switch (type) {
            case IMAGE_JOB -> CODEC.decodeJob(bytes);
            case JOB_RESULT -> CODEC.decodeResult(bytes);
            case STATUS_EVENT -> CODEC.decodeStatus(bytes);
        };

        assertThat(decoded.jobId()).isEqualTo(JSON.readTree(bytes).get("jobId").asText());
        assertThat(CODEC.schemas().validate(type, JSON.readTree(CODEC.encode(decoded)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidExampleFailsWithTheViolationItDescribes(String name, MessageType type, Path file) throws Exception {
        JsonNode example = JSON.readTree(file.toFile());
        List<Violation> violations;
        if (type == MessageType.IMAGE_JOB) {
            byte[] raw = example.has("raw")
                    ? example.get("raw").asText().getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(example.get("message"));
            InvalidJobException e = catchThrowableOfType(InvalidJobException.class, () -> CODEC.decodeJob(raw));
            assertThat(e).as("decodeJob must reject " + name).isNotNull();
            assertThat(e.errorCode().name()).isEqualTo(example.get("expectedErrorCode").asText());
            violations = e.violations();
        } else {
            violations = CODEC.schemas().validate(type, example.get("message"));
        }

        assertThat(violations).as(name + " should be rejected").isNotEmpty();
        for (JsonNode expected : example.get("expectedViolations")) {
            assertThat(violations)
                    .as("violations of " + name)
                    .anySatisfy(v -> {
                        assertThat(v.path()).isEqualTo(expected.get("path").asText());
                        assertThat(v.keyword()).isEqualTo(expected.get("keyword").asText());
                    });
        }
    }

    private static Stream<Arguments> examples(String validity) throws IOException {
        Stream.Builder<Arguments> all = Stream.builder();
        for (MessageType type : MessageType.values()) {
            String folder = type.schemaResource().replace(MessageType.SCHEMA_FOLDER, "").replace(".schema.json", "");
            Path dir = EXAMPLES.resolve(folder).resolve(validity);
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
                assertThat(sorted).as("examples in " + dir).isNotEmpty();
                sorted.forEach(f -> all.add(Arguments.of(folder + "/" + validity + "/" + f.getFileName(), type, f)));
            }
        }
        return all.build();
    }
}
