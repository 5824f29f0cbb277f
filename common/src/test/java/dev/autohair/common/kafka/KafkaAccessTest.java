package dev.autohair.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    private static final KafkaSecurity SCRAM = new KafkaSecurity(KafkaSecurityKeys.WORKER, SecurityProtocol.SASL_SSL,
            Optional.of(new KafkaSecurity.StoreFile(Path.of("/etc/trust.p12"), Optional.of("tpw"), Optional.of("PKCS12"))),
            Optional.empty(), Optional.empty(),
            Optional.of(new KafkaSecurity.SaslLogin(SaslMechanism.SCRAM_SHA_512, "alice", "alice-secret")),
            Optional.empty(), Map.of());
    private final KafkaAccess access = new KafkaAccess("kafka:9093", SCRAM);

    @Test
    void refusedCredentialsNameTheUserTheMechanismAndTheKeys() {
        String message = access.explain(new KafkaException("wrapped", new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512")))
                .orElseThrow();

        assertThat(message).contains("Kafka at kafka:9093").contains("refused the credentials of user 'alice' (SCRAM-SHA-512)")
                .contains("check AUTOHAIR_KAFKA_SASL_USERNAME and AUTOHAIR_KAFKA_SASL_PASSWORD")
                .doesNotContain("alice-secret");
    }

    @Test
    void aFailedHandshakePointsAtTheTruststore() {
        String message = access.explain(new SslAuthenticationException("SSL handshake failed",
                new SSLHandshakeException("PKIX path building failed"))).orElseThrow();

        assertThat(message).startsWith("the TLS handshake with Kafka at kafka:9093").contains("PKIX path building failed")
                .contains("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION");
    }

    @Test
    void otherAccessFailuresAreExplainedToo() {
        assertThat(access.explain(new UnsupportedSaslMechanismException("no"))).get().asString()
                .contains("does not accept SASL SCRAM-SHA-512").contains("AUTOHAIR_KAFKA_SASL_MECHANISM");
        assertThat(access.explain(new TopicAuthorizationException("Not authorized to access topics: [autohair.jobs]")))
                .get().asString().contains("authenticated user 'alice' but refused").contains("ACLs");
        assertThat(access.explain(new org.apache.kafka.common.errors.TimeoutException("Timed out waiting for a node")))
                .get().asString().contains("no answer from Kafka at kafka:9093").contains("SASL_SSL client")
                .contains("is AUTOHAIR_KAFKA_SECURITY_PROTOCOL right?");
        assertThat(access.explain(new IllegalStateException("unrelated"))).isEmpty();
    }

    @Test
    void aListenerThatNeverAnswersFailsVerificationWithinTheTimeout() throws IOException {
        // Accepts connections and says nothing, as a TLS listener does to a PLAINTEXT client's request.
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            KafkaAccess plaintext = new KafkaAccess("127.0.0.1:" + silent.getLocalPort(),
                    KafkaSecurity.plaintext(KafkaSecurityKeys.STATUS));
            long start = System.nanoTime();
            assertThatThrownBy(() -> plaintext.verify(Duration.ofSeconds(2)))
                    .isInstanceOf(KafkaAccessException.class)
                    .hasMessageContaining("no answer from Kafka at 127.0.0.1:" + silent.getLocalPort()
                            + " (AUTOHAIR_STATUS_KAFKA_BOOTSTRAP_SERVERS) to a PLAINTEXT client")
                    .hasMessageContaining("AUTOHAIR_STATUS_KAFKA_SECURITY_PROTOCOL");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }
}
