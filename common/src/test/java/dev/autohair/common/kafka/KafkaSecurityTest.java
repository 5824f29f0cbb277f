package dev.autohair.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.config.ConfigException;
import dev.autohair.common.config.Namespace;
import dev.autohair.common.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {

    private static final KafkaSecurityKeys KEYS = KafkaSecurityKeys.WORKER;

    @TempDir
    Path dir;

    @Test
    void nothingSetIsPlaintextAndAddsOnlyTheProtocol() {
        KafkaSecurity security = read(Map.of());

        assertThat(security.protocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThat(security.applyTo(new Properties())).containsOnly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void saslSslWithScramAndATruststoreBecomesKafkasProperties() throws IOException {
        Path truststore = file("truststore.p12");
        KafkaSecurity security = read(Map.of(
                KEYS.protocol(), "sasl_ssl",
                KEYS.truststoreLocation(), truststore.toString(),
                KEYS.truststorePassword(), "trust-pw",
                KEYS.saslMechanism(), "SCRAM-SHA-512",
                KEYS.saslUsername(), "alice",
                KEYS.saslPassword(), "alice-pw"));

        Properties p = security.applyTo(new Properties());

        assertThat(p).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toString())
                .containsEntry(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, "trust-pw")
                .containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12") // from the extension
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                .doesNotContainKey(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
        assertThat((String) p.get(SaslConfigs.SASL_JAAS_CONFIG))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" password=\"alice-pw\";");
        assertThat(security.secrets()).containsExactlyInAnyOrder("trust-pw", "alice-pw");
    }

    @Test
    void theJaasConfigSurvivesQuotesAndBackslashesInThePassword() {
        String password = "p\"a\\ss;word";
        KafkaSecurity security = read(Map.of(KEYS.protocol(), "SASL_PLAINTEXT", KEYS.saslMechanism(), "PLAIN",
                KEYS.saslUsername(), "bob", KEYS.saslPassword(), password));
        String jaas = (String) security.applyTo(new Properties()).get(SaslConfigs.SASL_JAAS_CONFIG);

        // Parsed the way Kafka's client parses it.
        var entry = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas)))
                .configurationEntries().get(0);
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
        assertThat(entry.getOptions().get("username")).isEqualTo("bob");
        assertThat(entry.getOptions().get("password")).isEqualTo(password);
    }

    @Test
    void mutualTlsAddsTheKeystoreAndKeyPassword() throws IOException {
        Path keystore = file("client.jks");
        Properties p = read(Map.of(KEYS.protocol(), "SSL", KEYS.keystoreLocation(), keystore.toString(),
                KEYS.keystorePassword(), "ks-pw", KEYS.keyPassword(), "key-pw")).applyTo(new Properties());

        assertThat(p).containsEntry("security.protocol", "SSL")
                .containsEntry(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keystore.toString())
                .containsEntry(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, "ks-pw")
                .containsEntry(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "JKS")
                .containsEntry(SslConfigs.SSL_KEY_PASSWORD_CONFIG, "key-pw")
                .doesNotContainKey(SaslConfigs.SASL_JAAS_CONFIG);
    }

    @Test
    void thePropertiesFileIsPassedThroughAfterTheTypedSettings() throws IOException {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, "ssl.endpoint.identification.algorithm=\nclient.dns.lookup=use_all_dns_ips\n"
                + "sasl.mechanism=SCRAM-SHA-256\n");
        KafkaSecurity security = read(Map.of(KEYS.protocol(), "SASL_SSL", KEYS.saslMechanism(), "SCRAM-SHA-512",
                KEYS.saslUsername(), "u", KEYS.saslPassword(), "secret-in-env", KEYS.propertiesFile(), file.toString()));

        assertThat(security.applyTo(new Properties()))
                .containsEntry("ssl.endpoint.identification.algorithm", "")
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256");
        assertThat(security.toString()).contains("client.dns.lookup").contains(file.toString())
                .doesNotContain("use_all_dns_ips").doesNotContain("secret-in-env");
    }

    @Test
    void thePropertiesFileCannotChangeWhatAutoHairReliesOn() throws IOException {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, "enable.auto.commit=true\n");
        assertThatThrownBy(() -> read(Map.of(KEYS.propertiesFile(), file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KEYS.propertiesFile()).hasMessageContaining("'enable.auto.commit'");
        Files.writeString(file, "bootstrap.servers=elsewhere:9092\n");
        assertThatThrownBy(() -> read(Map.of(KEYS.propertiesFile(), file.toString())))
                .hasMessageContaining("use AUTOHAIR_KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> read(Map.of(KEYS.propertiesFile(), dir.resolve("missing.properties").toString())))
                .hasMessageContaining(KEYS.propertiesFile()).hasMessageContaining("is not a readable file");
    }

    @Test
    void saslNeedsAMechanismAUsernameAndAPassword() {
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SASL_SSL", KEYS.saslUsername(), "u", KEYS.saslPassword(), "p")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_KAFKA_SASL_MECHANISM is required")
                .hasMessageContaining("PLAIN, SCRAM-SHA-256, SCRAM-SHA-512");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SASL_SSL", KEYS.saslMechanism(), "SCRAM-SHA-512",
                KEYS.saslPassword(), "p")))
                .hasMessageContaining("AUTOHAIR_KAFKA_SASL_USERNAME is required with AUTOHAIR_KAFKA_SECURITY_PROTOCOL=SASL_SSL");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SASL_SSL", KEYS.saslMechanism(), "SCRAM-SHA-512",
                KEYS.saslUsername(), "u")))
                .hasMessageContaining("AUTOHAIR_KAFKA_SASL_PASSWORD is required").hasMessageContaining("'u'");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SASL_SSL", KEYS.saslMechanism(), "GSSAPI",
                KEYS.saslUsername(), "u", KEYS.saslPassword(), "p")))
                .hasMessageContaining("AUTOHAIR_KAFKA_SASL_MECHANISM=GSSAPI is not supported");
    }

    @Test
    void settingsTheProtocolWouldIgnoreAreRefused() throws IOException {
        assertThatThrownBy(() -> read(Map.of(KEYS.saslUsername(), "u")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_KAFKA_SASL_USERNAME is set, but AUTOHAIR_KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use SASL");
        Path truststore = file("trust.p12");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SASL_PLAINTEXT", KEYS.truststoreLocation(), truststore.toString())))
                .hasMessageContaining("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION is set, but AUTOHAIR_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT does not use TLS");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "TLS")))
                .hasMessageContaining("AUTOHAIR_KAFKA_SECURITY_PROTOCOL=TLS is not a Kafka security protocol");
    }

    @Test
    void storesAreCheckedAtStartUp() throws IOException {
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SSL", KEYS.truststoreLocation(), dir.resolve("nope.p12").toString())))
                .hasMessageContaining("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION=").hasMessageContaining("is not a readable file");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SSL", KEYS.truststorePassword(), "x")))
                .hasMessageContaining("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_PASSWORD is set without AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION");
        Path keystore = file("client.p12");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SSL", KEYS.keystoreLocation(), keystore.toString())))
                .hasMessageContaining("AUTOHAIR_KAFKA_SSL_KEYSTORE_PASSWORD is required");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SSL", KEYS.keyPassword(), "k")))
                .hasMessageContaining("AUTOHAIR_KAFKA_SSL_KEY_PASSWORD is set without AUTOHAIR_KAFKA_SSL_KEYSTORE_LOCATION");
        Path pem = file("ca.pem");
        assertThat(read(Map.of(KEYS.protocol(), "SSL", KEYS.truststoreLocation(), pem.toString())).applyTo(new Properties()))
                .containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SSL", KEYS.truststoreLocation(), pem.toString(),
                KEYS.truststorePassword(), "x"))).hasMessageContaining("takes no store password");
        assertThatThrownBy(() -> read(Map.of(KEYS.protocol(), "SSL", KEYS.truststoreLocation(), pem.toString(),
                KEYS.truststoreType(), "p7b"))).hasMessageContaining("use JKS, PKCS12 or PEM");
    }

    @Test
    void theStatusServicesKeysHaveTheirOwnPrefix() {
        assertThatThrownBy(() -> KafkaSecurity.read(settings(Map.of("AUTOHAIR_STATUS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "AUTOHAIR_STATUS_KAFKA_SASL_MECHANISM", "PLAIN", "AUTOHAIR_STATUS_KAFKA_SASL_PASSWORD", "p"),
                KafkaSecurityKeys.STATUS), KafkaSecurityKeys.STATUS))
                .hasMessageContaining("AUTOHAIR_STATUS_KAFKA_SASL_USERNAME is required");
        assertThat(KafkaSecurityKeys.STATUS.all()).allMatch(k -> k.startsWith("AUTOHAIR_STATUS_KAFKA_")).hasSize(12);
    }

    @Test
    void toStringNeverShowsAPassword() throws IOException {
        Path keystore = file("client.p12");
        Path truststore = file("trust.p12");
        KafkaSecurity security = read(Map.of(KEYS.protocol(), "SASL_SSL", KEYS.saslMechanism(), "SCRAM-SHA-256",
                KEYS.saslUsername(), "carol", KEYS.saslPassword(), "sasl-secret", KEYS.truststoreLocation(), truststore.toString(),
                KEYS.truststorePassword(), "trust-secret", KEYS.keystoreLocation(), keystore.toString(),
                KEYS.keystorePassword(), "store-secret", KEYS.keyPassword(), "key-secret"));

        String text = security + " " + security.sasl().orElseThrow() + " " + security.keystore().orElseThrow();
        assertThat(text).contains("carol").contains("SCRAM-SHA-256").contains(keystore.toString());
        assertThat(security.secrets()).hasSize(4).allSatisfy(secret -> assertThat(text).doesNotContain(secret));
    }

    private KafkaSecurity read(Map<String, String> env) {
        return KafkaSecurity.read(settings(env, KEYS), KEYS);
    }

    private static Settings settings(Map<String, String> env, KafkaSecurityKeys keys) {
        return Settings.load(new HashMap<>(env), Optional.empty(), keys.all(), Namespace.NONE);
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "not parsed here");
    }
}
