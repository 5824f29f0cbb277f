package dev.autohair.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw key/value settings: an optional properties file overlaid by environment variables, with
 * typed getters whose errors name the key. Only keys that {@link WorkerConfig} knows are
 * accepted, so a misspelt key fails start-up instead of being ignored.
 */
final class Settings {

    /** The status service's variables may share an environment with the worker (one .env file, one pod spec). */
    private static final String STATUS_SERVICE_PREFIX = "AUTOHAIR_STATUS_";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    static Settings load(Map<String, String> environment, Optional<Path> file, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        if (file.isPresent()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file.get())) {
                properties.load(reader);
            } catch (IOException e) {
                throw new ConfigException("cannot read configuration file " + file.get() + ": " + e.getMessage());
            }
            for (String key : properties.stringPropertyNames()) {
                if (!known.contains(key)) {
                    throw new ConfigException("unknown key " + key + " in " + file.get() + "; known keys: " + new TreeSet<>(known));
                }
                values.put(key, properties.getProperty(key).trim());
            }
        }
        environment.forEach((key, value) -> {
            if (known.contains(key)) {
                values.put(key, value.trim());
            } else if (key.startsWith(WorkerConfig.PREFIX) && !key.startsWith(STATUS_SERVICE_PREFIX)) {
                throw new ConfigException("unknown environment variable " + key + "; known keys: " + new TreeSet<>(known));
            }
        });
        return new Settings(values);
    }

    String string(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    String required(String key, String example) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key + " is required, e.g. " + key + "=" + example);
        }
        return value;
    }

    Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    int integer(String key, int fallback, int min, int max) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(key + "=" + value + " is out of range; use a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + "=" + value + " is not a whole number; use one from " + min + " to " + max);
        }
    }

    long longValue(String key, long fallback, long min) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min) {
                throw new ConfigException(key + "=" + value + " is too small; use a whole number of at least " + min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + "=" + value + " is not a whole number; use one of at least " + min);
        }
    }

    boolean bool(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException(key + "=" + value + " is not a boolean; use true or false");
    }

    Duration millis(String key, long fallbackMillis, long minMillis) {
        return Duration.ofMillis(longValue(key, fallbackMillis, minMillis));
    }
}
