package dev.autohair.status.config;

/** A configuration value is missing or wrong; the message names the key and what would be right. */
public final class StatusConfigException extends RuntimeException {

    public StatusConfigException(String message) {
        super(message);
    }
}
