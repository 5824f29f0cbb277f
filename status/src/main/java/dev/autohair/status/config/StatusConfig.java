package dev.autohair.status.config;

import dev.autohair.common.client.S3Settings;
import dev.autohair.common.config.ConfigException;
import dev.autohair.common.config.Namespace;
import dev.autohair.common.config.Settings;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.kafka.KafkaAccess;
import dev.autohair.common.kafka.KafkaSecurity;
import dev.autohair.common.kafka.KafkaSecurityKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the status service needs, typed and checked at start-up, from {@code AUTOHAIR_STATUS_*}
 * environment variables (see the "Status service" section of docs/CONFIGURATION.md). Other
 * {@code AUTOHAIR_*} variables (the worker's) are ignored, so both may share one environment file.
 *
 * @param security  TLS and SASL for every Kafka client of the service (Streams and the start-up checks)
 * @param retention how long a finished job's view is kept
 * @param storage   where the dashboard's thumbnails are presigned; empty = no thumbnails
 */
public record StatusConfig(
        String bootstrapServers,
        KafkaSecurity security,
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
    /** {@code AUTOHAIR_STATUS_KAFKA_SECURITY_PROTOCOL}, {@code AUTOHAIR_STATUS_KAFKA_SASL_USERNAME}, ... */
    public static final KafkaSecurityKeys KAFKA_SECURITY = KafkaSecurityKeys.STATUS;

    /** Every key the service reads; any other {@code AUTOHAIR_STATUS_*} variable is an error. */
    public static final Set<String> KEYS = Stream.concat(Stream.of(KAFKA_BOOTSTRAP_SERVERS, APPLICATION_ID, TOPIC_JOBS,
            TOPIC_STATUS, TOPIC_RESULTS, HTTP_HOST, HTTP_PORT, STATE_DIR, S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY,
            S3_REGION, LINK_EXPIRY_S, RETENTION_HOURS), KAFKA_SECURITY.all().stream()).collect(Collectors.toUnmodifiableSet());

    /** The start-up check of the Kafka settings, and the translation of Kafka's access failures. */
    public KafkaAccess kafkaAccess() {
        return new KafkaAccess(bootstrapServers, security);
    }

    /** Object storage for presigned thumbnail links; the secret is never logged. */
    public record Storage(URI endpoint, String accessKey, String secretKey, String region, Duration linkExpiry) {

        /** The connection part, in the form the shared S3 client factory takes. */
        public S3Settings s3() {
            return new S3Settings(endpoint, accessKey, secretKey, region);
        }

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
        Settings s = Settings.load(environment, Optional.empty(), KEYS, Namespace.STATUS);
        Topics topics;
        try {
            topics = new Topics(s.string(TOPIC_JOBS, Topics.DEFAULT_JOBS), s.string(TOPIC_STATUS, Topics.DEFAULT_STATUS),
                    s.string(TOPIC_RESULTS, Topics.DEFAULT_RESULTS), Topics.DEFAULT_DEAD_LETTERS);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("AUTOHAIR_STATUS_TOPIC_*: " + e.getMessage());
        }
        return new StatusConfig(s.required(KAFKA_BOOTSTRAP_SERVERS, "kafka:9092"), KafkaSecurity.read(s, KAFKA_SECURITY),
                s.string(APPLICATION_ID, "autohair-status"),
                topics, s.string(HTTP_HOST, "0.0.0.0"), s.integer(HTTP_PORT, 8080, 0, 65535),
                Path.of(s.string(STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "autohair-status").toString())),
                Duration.ofHours(s.integer(RETENTION_HOURS, 7 * 24, 1, 365 * 24)),
                storage(s));
    }

    private static Optional<Storage> storage(Settings s) {
        Optional<URI> endpoint = s.url(S3_ENDPOINT, "http://minio:9000");
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> access = s.optional(S3_ACCESS_KEY);
        Optional<String> secret = s.optional(S3_SECRET_KEY);
        if (access.isEmpty() || secret.isEmpty()) {
            throw new ConfigException("with " + S3_ENDPOINT + " set, " + S3_ACCESS_KEY + " and " + S3_SECRET_KEY
                    + " are required (read access to the input and output buckets is enough)");
        }
        return Optional.of(new Storage(endpoint.get(), access.get(), secret.get(), s.string(S3_REGION, "us-east-1"),
                // MinIO's and S3's limit for presigned URLs is 7 days.
                Duration.ofSeconds(s.integer(LINK_EXPIRY_S, 3600, 1, 7 * 24 * 3600))));
    }
}
