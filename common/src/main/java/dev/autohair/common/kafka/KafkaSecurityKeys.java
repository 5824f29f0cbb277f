package dev.autohair.common.kafka;

import java.util.Set;

/**
 * The names of the Kafka security keys under one component's prefix: the worker (and
 * {@code submit}) read {@code AUTOHAIR_KAFKA_...}, the status service {@code AUTOHAIR_STATUS_KAFKA_...}.
 * Error messages name these keys, so an operator knows which variable to fix.
 *
 * @param prefix e.g. {@code AUTOHAIR_KAFKA_}
 */
public record KafkaSecurityKeys(String prefix) {

    public static final KafkaSecurityKeys WORKER = new KafkaSecurityKeys("AUTOHAIR_KAFKA_");
    public static final KafkaSecurityKeys STATUS = new KafkaSecurityKeys("AUTOHAIR_STATUS_KAFKA_");

    public String bootstrapServers() {
        return prefix + "BOOTSTRAP_SERVERS";
    }

    public String protocol() {
        return prefix + "SECURITY_PROTOCOL";
    }

    public String truststoreLocation() {
        return prefix + "SSL_TRUSTSTORE_LOCATION";
    }

    public String truststorePassword() {
        return prefix + "SSL_TRUSTSTORE_PASSWORD";
    }

    public String truststoreType() {
        return prefix + "SSL_TRUSTSTORE_TYPE";
    }

    public String keystoreLocation() {
        return prefix + "SSL_KEYSTORE_LOCATION";
    }

    public String keystorePassword() {
        return prefix + "SSL_KEYSTORE_PASSWORD";
    }

    public String keystoreType() {
        return prefix + "SSL_KEYSTORE_TYPE";
    }

    public String keyPassword() {
        return prefix + "SSL_KEY_PASSWORD";
    }

    public String saslMechanism() {
        return prefix + "SASL_MECHANISM";
    }

    public String saslUsername() {
        return prefix + "SASL_USERNAME";
    }

    public String saslPassword() {
        return prefix + "SASL_PASSWORD";
    }

    public String propertiesFile() {
        return prefix + "PROPERTIES_FILE";
    }

    /** Every security key (not the bootstrap servers, which each component declares itself). */
    public Set<String> all() {
        return Set.of(protocol(), truststoreLocation(), truststorePassword(), truststoreType(), keystoreLocation(),
                keystorePassword(), keystoreType(), keyPassword(), saslMechanism(), saslUsername(), saslPassword(),
                propertiesFile());
    }
}
