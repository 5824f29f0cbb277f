package dev.autohair.common.kafka;

import java.util.Arrays;
import java.util.Optional;

/** The SASL mechanisms with a username and password; each names the JAAS login module Kafka's client needs. */
public enum SaslMechanism {
    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
    SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    private final String kafkaName;
    private final String loginModule;

    SaslMechanism(String kafkaName, String loginModule) {
        this.kafkaName = kafkaName;
        this.loginModule = loginModule;
    }

    /** As Kafka spells it in {@code sasl.mechanism}, e.g. {@code SCRAM-SHA-512}. */
    public String kafkaName() {
        return kafkaName;
    }

    public String loginModule() {
        return loginModule;
    }

    public static Optional<SaslMechanism> fromKafkaName(String name) {
        return Arrays.stream(values()).filter(m -> m.kafkaName.equalsIgnoreCase(name)).findFirst();
    }
}
