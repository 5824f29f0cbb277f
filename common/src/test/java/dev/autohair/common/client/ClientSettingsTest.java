package dev.autohair.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void producerIsIdempotentWithAcksAllAndBoundedBlocking() {
        Properties props = new KafkaSettings("k1:9092,k2:9092", "shop", Duration.ofSeconds(10),
                Map.of("compression.type", "zstd")).producerProperties();

        assertThat(props)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k1:9092,k2:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000")
                .containsEntry("compression.type", "zstd");
        long linger = Long.parseLong((String) props.get(ProducerConfig.LINGER_MS_CONFIG));
        long request = Long.parseLong((String) props.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
        assertThat(linger + request).as("Kafka rejects delivery.timeout.ms < linger.ms + request.timeout.ms")
                .isLessThanOrEqualTo(10000);
    }

    @Test
    void weakerDeliveryGuaranteesCannotBeConfigured() {
        assertThatThrownBy(() -> new KafkaSettings("k:9092", null, null, Map.of("acks", "1")))
                .hasMessageContaining("'acks' cannot be overridden");
        assertThatThrownBy(() -> KafkaSettings.of(" ")).hasMessageContaining("bootstrap servers are required");
    }

    @Test
    void s3SettingsCheckTheEndpointAndHideTheSecret() {
        S3Settings s3 = new S3Settings(URI.create("http://localhost:9000"), "minio", "s3cr3t-value", null);

        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.toString()).contains("minio").doesNotContain("s3cr3t-value");
        assertThatThrownBy(() -> new S3Settings(URI.create("localhost:9000"), "a", "b", null))
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void topicsHaveDefaultsAndRefuseBadNames() {
        assertThat(Topics.defaults()).isEqualTo(
                new Topics("autohair.jobs", "autohair.status", "autohair.results", "autohair.jobs.dlq"));
        assertThatThrownBy(() -> new Topics("jobs", "status", "results", "jobs"))
                .hasMessageContaining("dead-letter topic must differ");
        assertThatThrownBy(() -> new Topics("my jobs", "status", "results", "dlq"))
                .hasMessageContaining("'my jobs' is not a Kafka topic name");
        assertThat(new JobClientConfig(KafkaSettings.of("k:9092"),
                new S3Settings(URI.create("http://s3:9000"), "a", "b", null), null).topics()).isEqualTo(Topics.defaults());
    }

    @Test
    void connectWiresRealClientsAndReportsAnUnreachableStore() {
        // Nothing listens on port 1: the upload fails fast, before anything is produced.
        JobClientConfig config = new JobClientConfig(
                new KafkaSettings("127.0.0.1:1", "test", Duration.ofSeconds(2), null),
                new S3Settings(URI.create("http://127.0.0.1:1"), "key", "secret", null), null);

        try (JobClient client = JobClient.connect(config)) {
            assertThatThrownBy(() -> client.submit(new byte[] {1, 2}, "a.png",
                    JobRequest.of("uploads", OutputTarget.of("cutouts"))))
                    .isInstanceOf(JobSubmissionException.class)
                    .hasMessageContaining("cannot upload s3://uploads/")
                    .hasMessageContaining("http://127.0.0.1:1");
        }
    }
}
