package dev.autohair.status.config;

import dev.autohair.common.contract.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the status service needs, typed and checked at start-up, from {@code AUTOHAIR_STATUS_*}
 * environment variables (see the "Status service" section of docs/CONFIGURATION.md). Other
 * {@code AUTOHAIR_*} variables (the worker's) are ignored, so both may share one environment file.
 *
 * @param retention how long a finished job's view is kept
 * @param storage   where the dashboard's thumbnails are presigned; empty = no thumbnails
 */
public record StatusConfig(
        String bootstrapServers,
        String applicationId,
        Topics topics,
        String httpHost,
        int httpPort,
        Path stateDir,
        Duration retention,
        Optional<Storage> storage) {

    public static final String PREFIX = "AUTOHAIR_STATUS_";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "AUTOHAIR_STATUS_KAFKA_BOOTSTRAP_SERVERS";
    public static final String APPLICATION_ID = "AUTOHAIR_STATUS_APPLICATION_ID";
    public static final String TOPIC_JOBS = "AUTOHAIR_STATUS_TOPIC_JOBS";
    public static final String TOPIC_STATUS = "AUTOHAIR_STATUS_TOPIC_STATUS";
    public static final String TOPIC_RESULTS = "AUTOHAIR_STATUS_TOPIC_RESULTS";
    public static final String HTTP_HOST = "AUTOHAIR_STATUS_HTTP_HOST";
    public static final String HTTP_PORT = "AUTOHAIR_STATUS_HTTP_PORT";
    public static final String STATE_DIR = "AUTOHAIR_STATUS_STATE_DIR";
    public static final String S3_ENDPOINT = "AUTOHAIR_STATUS_S3_ENDPOINT";
    public static final String S3_ACCESS_KEY = "AUTOHAIR_STATUS_S3_ACCESS_KEY";
    public static final String S3_SECRET_KEY = "AUTOHAIR_STATUS_S3_SECRET_KEY";
    public static final String S3_REGION = "AUTOHAIR_STATUS_S3_REGION";
    public static final String LINK_EXPIRY_S = "AUTOHAIR_STATUS_LINK_EXPIRY_S";
    public static final String RETENTION_HOURS = "AUTOHAIR_STATUS_RETENTION_HOURS";

    /** Every key the service reads; any other {@code AUTOHAIR_STATUS_*} variable is an error. */
    public static final Set<String> KEYS = Set.of(KAFKA_BOOTSTRAP_SERVERS, APPLICATION_ID, TOPIC_JOBS, TOPIC_STATUS,
            TOPIC_RESULTS, HTTP_HOST, HTTP_PORT, STATE_DIR, S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION,
            LINK_EXPIRY_S, RETENTION_HOURS);

    /** Object storage for presigned thumbnail links; the secret is never logged. */
    public record Storage(URI endpoint, String accessKey, String secretKey, String region, Duration linkExpiry) {

        @Override
        public String toString() {
            return "Storage[endpoint=" + endpoint + ", accessKey=" + accessKey + ", region=" + region
                    + ", linkExpiry=" + linkExpiry + "]";
        }
    }

    public static StatusConfig fromEnvironment() {
        return load(System.getenv());
    }

    public static StatusConfig load(Map<String, String> environment) {
        Set<String> unknown = new TreeSet<>();
        environment.keySet().stream().filter(k -> k.startsWith(PREFIX) && !KEYS.contains(k)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new StatusConfigException("unknown setting(s) " + unknown + ": the status service reads " + new TreeSet<>(KEYS));
        }
        Map<String, String> env = environment;
        Topics topics;
        try {
            topics = new Topics(text(env, TOPIC_JOBS, Topics.DEFAULT_JOBS), text(env, TOPIC_STATUS, Topics.DEFAULT_STATUS),
                    text(env, TOPIC_RESULTS, Topics.DEFAULT_RESULTS), Topics.DEFAULT_DEAD_LETTERS);
        } catch (IllegalArgumentException e) {
            throw new StatusConfigException("AUTOHAIR_STATUS_TOPIC_*: " + e.getMessage());
        }
        String bootstrap = text(env, KAFKA_BOOTSTRAP_SERVERS, null);
        if (bootstrap == null) {
            throw new StatusConfigException(KAFKA_BOOTSTRAP_SERVERS + " is required, e.g. kafka:9092");
        }
        return new StatusConfig(bootstrap, text(env, APPLICATION_ID, "autohair-status"), topics,
                text(env, HTTP_HOST, "0.0.0.0"), integer(env, HTTP_PORT, 8080, 0, 65535),
                Path.of(text(env, STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "autohair-status").toString())),
                Duration.ofHours(integer(env, RETENTION_HOURS, 7 * 24, 1, 365 * 24)),
                storage(env));
    }

    private static Optional<Storage> storage(Map<String, String> env) {
        String endpoint = text(env, S3_ENDPOINT, null);
        if (endpoint == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new StatusConfigException(S3_ENDPOINT + " '" + endpoint + "' is not a URL, e.g. http://minio:9000");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new StatusConfigException(S3_ENDPOINT + " '" + endpoint + "' is not a URL, e.g. http://minio:9000");
        }
        String access = text(env, S3_ACCESS_KEY, null);
        String secret = text(env, S3_SECRET_KEY, null);
        if (access == null || secret == null) {
            throw new StatusConfigException("with " + S3_ENDPOINT + " set, " + S3_ACCESS_KEY + " and " + S3_SECRET_KEY
                    + " are required (read access to the input and output buckets is enough)");
        }
        return Optional.of(new Storage(uri, access, secret, text(env, S3_REGION, "us-east-1"),
                // MinIO's and S3's limit for presigned URLs is 7 days.
                Duration.ofSeconds(integer(env, LINK_EXPIRY_S, 3600, 1, 7 * 24 * 3600))));
    }

    private static String text(Map<String, String> env, String key, String fallback) {
        String value = env.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int integer(Map<String, String> env, String key, int fallback, int min, int max) {
        String value = text(env, key, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new StatusConfigException(key + " must lie in [" + min + ", " + max + "], got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new StatusConfigException(key + " must be a whole number in [" + min + ", " + max + "], got '" + value + "'");
        }
    }
}
