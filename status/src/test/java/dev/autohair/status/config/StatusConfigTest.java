package dev.autohair.status.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.config.ConfigException;
import dev.autohair.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusConfigTest {

    private static final String KAFKA = StatusConfig.KAFKA_BOOTSTRAP_SERVERS;

    @Test
    void defaultsNeedOnlyTheBrokerAndIgnoreTheWorkersVariables() {
        StatusConfig config = StatusConfig.load(Map.of(KAFKA, "kafka:9092", "AUTOHAIR_WORKER_ID", "w1"));
        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.applicationId()).isEqualTo("autohair-status");
        assertThat(config.topics().status()).isEqualTo("autohair.status");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.storage()).isEmpty();
    }

    @Test
    void storageNeedsItsKeysAndKeepsTheSecretOutOfToString() {
        Map<String, String> env = new HashMap<>(Map.of(KAFKA, "k:9092", StatusConfig.S3_ENDPOINT, "http://minio:9000"));
        assertThatThrownBy(() -> StatusConfig.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(StatusConfig.S3_ACCESS_KEY);
        env.put(StatusConfig.S3_ACCESS_KEY, "reader");
        env.put(StatusConfig.S3_SECRET_KEY, "very-secret");
        env.put(StatusConfig.LINK_EXPIRY_S, "600");
        StatusConfig.Storage storage = StatusConfig.load(env).storage().orElseThrow();
        assertThat(storage.linkExpiry()).isEqualTo(Duration.ofMinutes(10));
        assertThat(storage.toString()).doesNotContain("very-secret");
        assertThat(StatusConfig.load(env).toString()).doesNotContain("very-secret");
    }

    @Test
    void wrongValuesNameTheKeyAndWhatWouldBeRight() {
        assertThatThrownBy(() -> StatusConfig.load(Map.of())).hasMessageContaining(KAFKA);
        assertThatThrownBy(() -> StatusConfig.load(Map.of(KAFKA, "k:1", StatusConfig.HTTP_PORT, "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(StatusConfig.HTTP_PORT);
        assertThatThrownBy(() -> StatusConfig.load(Map.of(KAFKA, "k:1", StatusConfig.HTTP_PORT, "70000")))
                .hasMessageContaining("[0, 65535]");
        assertThatThrownBy(() -> StatusConfig.load(Map.of(KAFKA, "k:1", "AUTOHAIR_STATUS_HTTP_PROT", "80")))
                .hasMessageContaining("AUTOHAIR_STATUS_HTTP_PROT");
        assertThatThrownBy(() -> StatusConfig.load(Map.of(KAFKA, "k:1", StatusConfig.TOPIC_STATUS, "bad topic")))
                .hasMessageContaining("AUTOHAIR_STATUS_TOPIC_");
    }

    @Test
    void theDocumentListsExactlyTheKeysTheServiceReads() throws IOException {
        String text = Files.readString(RepositoryRoot.resolve("docs/CONFIGURATION.md"));
        String section = text.substring(text.indexOf("\n## Status service"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `(AUTOHAIR_[A-Z0-9_]+)`", Pattern.MULTILINE).matcher(section);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isEqualTo(new TreeSet<>(StatusConfig.KEYS));
    }
}
