package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.config.ConfigException;
import dev.autohair.config.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's consumer and producer carry the same security settings, on top of what they fix themselves. */
class KafkaClientsTest {

    @TempDir
    Path dir;

    @Test
    void consumerAndProducerAreBothSecuredAndKeepTheirGuarantees() throws IOException {
        Path truststore = Files.writeString(dir.resolve("trust.p12"), "not parsed here");
        Path extra = Files.writeString(dir.resolve("kafka.properties"), "client.dns.lookup=use_all_dns_ips\n");
        WorkerConfig config = WorkerConfig.load(env(Map.of(
                "AUTOHAIR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString(),
                "AUTOHAIR_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-secret",
                "AUTOHAIR_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "AUTOHAIR_KAFKA_SASL_USERNAME", "worker",
                "AUTOHAIR_KAFKA_SASL_PASSWORD", "sasl-secret",
                "AUTOHAIR_KAFKA_PROPERTIES_FILE", extra.toString())), Optional.empty());

        Properties consumer = KafkaClients.consumerProperties(config);
        Properties producer = KafkaClients.producerProperties(config);

        for (Properties p : new Properties[] {consumer, producer}) {
            assertThat(p).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("ssl.truststore.location", truststore.toString())
                    .containsEntry("ssl.truststore.password", "trust-secret")
                    .containsEntry("client.dns.lookup", "use_all_dns_ips");
            assertThat((String) p.get("sasl.jaas.config")).contains("username=\"worker\"").contains("password=\"sasl-secret\"");
        }
        assertThat(consumer).containsEntry("enable.auto.commit", "false");
        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        // The configuration as a whole may be logged: its text holds no secret.
        assertThat(config.toString()).contains("SASL_SSL").contains("worker")
                .doesNotContain("sasl-secret").doesNotContain("trust-secret").doesNotContain("\"secret\"").doesNotContain("=secret");
    }

    @Test
    void plaintextByDefaultAndMistakesNameTheKey() {
        WorkerConfig config = WorkerConfig.load(env(Map.of()), Optional.empty());
        assertThat(KafkaClients.consumerProperties(config)).containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKey("sasl.jaas.config");
        assertThatThrownBy(() -> WorkerConfig.load(env(Map.of("AUTOHAIR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "AUTOHAIR_KAFKA_SASL_MECHANISM", "PLAIN", "AUTOHAIR_KAFKA_SASL_PASSWORD", "p")), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_KAFKA_SASL_USERNAME is required");
        assertThatThrownBy(() -> WorkerConfig.load(env(Map.of(WorkerConfig.S3_CA_FILE, dir.resolve("none.pem").toString())),
                Optional.empty())).hasMessageContaining("AUTOHAIR_S3_CA_FILE=").hasMessageContaining("not a readable file");
    }

    @Test
    void theS3CaFileIsForAnHttpsEndpoint() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "not parsed here");
        assertThatThrownBy(() -> WorkerConfig.load(env(Map.of(WorkerConfig.S3_CA_FILE, ca.toString())), Optional.empty()))
                .hasMessageContaining("AUTOHAIR_S3_*").hasMessageContaining("is for an https:// endpoint");
        Map<String, String> https = env(Map.of(WorkerConfig.S3_CA_FILE, ca.toString()));
        https.put(WorkerConfig.S3_ENDPOINT, "https://minio.internal:9000");
        assertThat(WorkerConfig.load(https, Optional.empty()).storage().s3().caFile()).contains(ca);
    }

    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "kafka:9093",
                WorkerConfig.S3_ENDPOINT, "http://minio:9000",
                WorkerConfig.S3_ACCESS_KEY, "key",
                WorkerConfig.S3_SECRET_KEY, "secret"));
        env.putAll(extra);
        return env;
    }
}
