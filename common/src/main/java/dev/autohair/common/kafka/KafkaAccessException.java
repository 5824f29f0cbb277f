package dev.autohair.common.kafka;

/** Kafka cannot be reached with the configured security settings; the message says which key to check. */
public final class KafkaAccessException extends RuntimeException {

    public KafkaAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
