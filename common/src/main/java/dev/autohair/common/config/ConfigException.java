package dev.autohair.common.config;

/** A configuration value is missing or wrong; the message names the key and what would be right. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
