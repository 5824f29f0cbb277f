package dev.autohair.common.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
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
 * Raw key/value settings for every AutoHair component: an optional properties file overlaid by
 * environment variables, with typed getters whose errors name the key and what would be right.
 * Only the given keys are read; an unknown key in the file, or in the environment inside the
 * component's {@link Namespace}, fails start-up instead of being ignored.
 */
public final class Settings {

    /** The worker's variable naming its properties file; read before the rest. */
    public static final String CONFIG_FILE = "AUTOHAIR_CONFIG_FILE";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    public static Settings load(Map<String, String> environment, Optional<Path> file, Set<String> known,
                                Namespace namespace) {
        Map<String, String> values = new HashMap<>();
        file.ifPresent(path -> readFile(path, known, values));
        Set<String> unknown = new TreeSet<>();
        environment.forEach((key, value) -> {
            if (known.contains(key)) {
                values.put(key, value.trim());
            } else if (namespace.owns(key)) {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown environment variable " + String.join(", ", unknown)
                    + "; known keys: " + new TreeSet<>(known));
        }
        return new Settings(values);
    }

    /** The file named by {@link #CONFIG_FILE} in this environment, if any. */
    public static Optional<Path> configFile(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(CONFIG_FILE)).filter(v -> !v.isBlank()).map(v -> Path.of(v.trim()));
    }

    private static void readFile(Path file, Set<String> known, Map<String, String> values) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            if (!known.contains(key)) {
                throw new ConfigException("unknown key " + key + " in " + file + "; known keys: " + new TreeSet<>(known));
            }
            values.put(key, properties.getProperty(key).trim());
        }
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public String required(String key, String example) {
        return optional(key).orElseThrow(() -> new ConfigException(key + " is required, e.g. " + key + "=" + example));
    }

    public int integer(String key, int fallback, int min, int max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new ConfigException(key + "=" + value.get() + " is out of range; use a whole number in ["
                        + min + ", " + max + "]");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + "=" + value.get() + " is not a whole number; use one from " + min + " to " + max);
        }
    }

    public long longValue(String key, long fallback, long min) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed < min) {
                throw new ConfigException(key + "=" + value.get() + " is too small; use a whole number of at least " + min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + "=" + value.get() + " is not a whole number; use one of at least " + min);
        }
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.get());
        }
        throw new ConfigException(key + "=" + value.get() + " is not a boolean; use true or false");
    }

    public Duration millis(String key, long fallbackMillis, long minMillis) {
        return Duration.ofMillis(longValue(key, fallbackMillis, minMillis));
    }

    /** A file that must exist and be readable now, e.g. a certificate; the message names the key. */
    public Optional<Path> readableFile(String key) {
        Optional<Path> path = optional(key).map(Path::of);
        path.filter(p -> !Files.isRegularFile(p) || !Files.isReadable(p)).ifPresent(p -> {
            throw new ConfigException(key + "=" + p + " is not a readable file");
        });
        return path;
    }

    /** An http(s) URL with a host, e.g. an S3 endpoint. */
    public Optional<URI> url(String key, String example) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(value.get());
        } catch (IllegalArgumentException e) {
            throw notAUrl(key, value.get(), example);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw notAUrl(key, value.get(), example);
        }
        return Optional.of(uri);
    }

    private static ConfigException notAUrl(String key, String value, String example) {
        return new ConfigException(key + "=" + value + " is not an http:// or https:// URL with a host, e.g. " + example);
    }
}
