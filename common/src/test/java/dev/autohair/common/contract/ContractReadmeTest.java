package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README a non-Java producer reads names everything the code uses. */
class ContractReadmeTest {

    private static final Path README = SchemaExamplesTest.EXAMPLES.getParent().resolve("README.md");

    @Test
    void readmeDocumentsEveryErrorCodeHeaderTopicAndSchemaId() throws Exception {
        String readme = Files.readString(README);

        for (ErrorCode code : ErrorCode.values()) {
            assertThat(readme).contains("| `" + code.name() + "` | " + (code.retryable() ? "yes" : "no"));
        }
        for (String header : DeadLetterHeaders.ALL) {
            assertThat(readme).contains("`" + header + "`");
        }
        Topics topics = Topics.defaults();
        assertThat(readme).contains("`" + topics.jobs() + "`", "`" + topics.status() + "`",
                "`" + topics.results() + "`", "`" + topics.deadLetters() + "`");
        ContractSchemas schemas = ContractSchemas.load();
        for (MessageType type : MessageType.values()) {
            assertThat(readme).contains("`" + schemas.document(type).get("$id").asText() + "`");
        }
    }
}
