package dev.autohair.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.kafka.KafkaAccessException;
import dev.autohair.devstack.kafka.EmbeddedKafka;
import dev.autohair.devstack.kafka.KafkaBrokerConfig;
import dev.autohair.devstack.kafka.SaslSslListener;
import dev.autohair.status.config.StatusConfig;
import dev.autohair.testing.TestTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status service against a SASL_SSL listener (TLS with a PEM CA file as truststore, then
 * SCRAM-SHA-256): its Streams folds a job produced by an upload system into a view; with a wrong
 * password it refuses to start, naming the AUTOHAIR_STATUS_KAFKA_* keys.
 */
class StatusServiceSecuredIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theServiceFoldsJobsFromASecuredClusterAndRefusesAWrongPassword() throws Exception {
        Files.createDirectories(dir.resolve("tls"));
        TestTls tls = TestTls.generate(dir.resolve("tls"));
        String password = "status-pw-" + UUID.randomUUID();
        Topics topics = new Topics("secs.jobs", "secs.status", "secs.results", "secs.dlq");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(KafkaBrokerConfig.defaults().withDataDir(dir.resolve("kafka"))
                .withSaslSsl(new SaslSslListener(tls.keystore(), tls.keystorePassword())))) {
            kafka.createScramUser("SCRAM-SHA-256", "status", password);
            kafka.createTopics(1, topics.jobs(), topics.status(), topics.results());

            assertThatThrownBy(() -> StatusService.start(config(kafka, tls, topics, "not-" + password)))
                    .isInstanceOf(KafkaAccessException.class)
                    .hasMessageContaining("(AUTOHAIR_STATUS_KAFKA_BOOTSTRAP_SERVERS) refused the credentials of user 'status' (SCRAM-SHA-256)")
                    .hasMessageContaining("check AUTOHAIR_STATUS_KAFKA_SASL_USERNAME and AUTOHAIR_STATUS_KAFKA_SASL_PASSWORD");

            try (StatusService service = StatusService.start(config(kafka, tls, topics, password))) {
                assertThat(service.awaitRunning(WAIT)).as("Streams running over SASL_SSL").isTrue();
                produce(kafka, topics.jobs(), "secured-1",
                        new MessageCodec().encode(Messages.job("secured-1", "uploads", "in/secured-1.png")));
                HttpClient http = HttpClient.newHttpClient();
                URI job = URI.create("http://127.0.0.1:" + service.httpPort() + "/jobs/secured-1");
                long deadline = System.nanoTime() + WAIT.toNanos();
                int status = 0;
                while (status != 200 && System.nanoTime() < deadline) {
                    status = http.send(HttpRequest.newBuilder(job).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    Thread.sleep(100);
                }
                assertThat(status).as("the job's view, read from the secured topics").isEqualTo(200);
            }
        }
    }

    private StatusConfig config(EmbeddedKafka kafka, TestTls tls, Topics topics, String password) {
        Map<String, String> env = new HashMap<>();
        env.put(StatusConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.saslSslBootstrapServers());
        env.put("AUTOHAIR_STATUS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("AUTOHAIR_STATUS_KAFKA_SSL_TRUSTSTORE_LOCATION", tls.certificatePem().toString()); // PEM, no password
        env.put("AUTOHAIR_STATUS_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256");
        env.put("AUTOHAIR_STATUS_KAFKA_SASL_USERNAME", "status");
        env.put("AUTOHAIR_STATUS_KAFKA_SASL_PASSWORD", password);
        env.put(StatusConfig.APPLICATION_ID, "status-secured");
        env.put(StatusConfig.TOPIC_JOBS, topics.jobs());
        env.put(StatusConfig.TOPIC_STATUS, topics.status());
        env.put(StatusConfig.TOPIC_RESULTS, topics.results());
        env.put(StatusConfig.HTTP_HOST, "127.0.0.1");
        env.put(StatusConfig.HTTP_PORT, "0");
        env.put(StatusConfig.STATE_DIR, dir.resolve("state").toString());
        return StatusConfig.load(env);
    }

    /** As an upload system on the PLAINTEXT listener of the same broker would. */
    private static void produce(EmbeddedKafka kafka, String topic, String key, byte[] value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
