package dev.autohair.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.config.ConfigException;
import dev.autohair.status.config.StatusConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status service's Streams (and so each of its clients) carries the AUTOHAIR_STATUS_KAFKA_* security settings. */
class StreamsSecurityTest {

    @TempDir
    Path dir;

    @Test
    void streamsGetsTheSecuritySettings() throws IOException {
        Path truststore = Files.writeString(dir.resolve("ca.pem"), "not parsed here");
        StatusConfig config = StatusConfig.load(Map.of(
                StatusConfig.KAFKA_BOOTSTRAP_SERVERS, "kafka:9093",
                "AUTOHAIR_STATUS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "AUTOHAIR_STATUS_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString(),
                "AUTOHAIR_STATUS_KAFKA_SASL_MECHANISM", "PLAIN",
                "AUTOHAIR_STATUS_KAFKA_SASL_USERNAME", "status",
                "AUTOHAIR_STATUS_KAFKA_SASL_PASSWORD", "status-secret"));

        Properties p = StatusService.streamsProperties(config);

        assertThat(p).containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", truststore.toString())
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat((String) p.get("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .contains("username=\"status\"");
        assertThat(config.toString()).contains("SASL_SSL").doesNotContain("status-secret");
    }

    @Test
    void theWorkersKeysDoNotSecureTheStatusService() {
        // The two may share one environment: the worker's AUTOHAIR_KAFKA_* keys are not the service's.
        StatusConfig config = StatusConfig.load(Map.of(StatusConfig.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092",
                "AUTOHAIR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        assertThat(StatusService.streamsProperties(config)).containsEntry("security.protocol", "PLAINTEXT");
        assertThatThrownBy(() -> StatusConfig.load(Map.of(StatusConfig.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092",
                "AUTOHAIR_STATUS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "AUTOHAIR_STATUS_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
                "AUTOHAIR_STATUS_KAFKA_SASL_USERNAME", "status")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_STATUS_KAFKA_SASL_PASSWORD is required");
    }
}
