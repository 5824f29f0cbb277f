package dev.autohair.config;

import dev.autohair.common.config.ConfigException;
import dev.autohair.common.config.Namespace;
import dev.autohair.common.config.Settings;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.kafka.KafkaAccess;
import dev.autohair.common.kafka.KafkaSecurity;
import dev.autohair.common.kafka.KafkaSecurityKeys;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.storage.StorageConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything a worker needs, typed and validated at start-up. Read from environment variables
 * ({@code AUTOHAIR_...}) over an optional properties file with the same keys; see
 * {@code docs/CONFIGURATION.md} for each key.
 */
public record WorkerConfig(
        String workerId,
        Kafka kafka,
        StorageConfig storage,
        Batching batching,
        Flow flow,
        Retries retries,
        ImageLimits imageLimits,
        Models models,
        int httpPort,
        MattingConfig matting) {

    public static final String PREFIX = "AUTOHAIR_";

    public static final String WORKER_ID = "AUTOHAIR_WORKER_ID";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "AUTOHAIR_KAFKA_BOOTSTRAP_SERVERS";
    public static final String KAFKA_GROUP_ID = "AUTOHAIR_KAFKA_GROUP_ID";
    public static final String KAFKA_GROUP_PROTOCOL = "AUTOHAIR_KAFKA_GROUP_PROTOCOL";
    public static final String KAFKA_SESSION_TIMEOUT_MS = "AUTOHAIR_KAFKA_SESSION_TIMEOUT_MS";
    public static final String DELIVERY = "AUTOHAIR_DELIVERY";
    public static final String TOPIC_JOBS = "AUTOHAIR_TOPIC_JOBS";
    public static final String TOPIC_STATUS = "AUTOHAIR_TOPIC_STATUS";
    public static final String TOPIC_RESULTS = "AUTOHAIR_TOPIC_RESULTS";
    public static final String TOPIC_DEAD_LETTERS = "AUTOHAIR_TOPIC_DEAD_LETTERS";
    public static final String S3_ENDPOINT = "AUTOHAIR_S3_ENDPOINT";
    public static final String S3_ACCESS_KEY = "AUTOHAIR_S3_ACCESS_KEY";
    public static final String S3_SECRET_KEY = "AUTOHAIR_S3_SECRET_KEY";
    public static final String S3_REGION = "AUTOHAIR_S3_REGION";
    public static final String S3_CA_FILE = "AUTOHAIR_S3_CA_FILE";
    /** {@code AUTOHAIR_KAFKA_SECURITY_PROTOCOL}, {@code AUTOHAIR_KAFKA_SASL_USERNAME}, ... (see {@link KafkaSecurity}). */
    public static final KafkaSecurityKeys KAFKA_SECURITY = KafkaSecurityKeys.WORKER;
    public static final String BATCH_MAX_SIZE = "AUTOHAIR_BATCH_MAX_SIZE";
    public static final String BATCH_MAX_DELAY_MS = "AUTOHAIR_BATCH_MAX_DELAY_MS";
    public static final String MAX_IN_FLIGHT = "AUTOHAIR_MAX_IN_FLIGHT";
    public static final String FETCH_THREADS = "AUTOHAIR_FETCH_THREADS";
    public static final String CPU_THREADS = "AUTOHAIR_CPU_THREADS";
    public static final String RETRY_MAX_ATTEMPTS = "AUTOHAIR_RETRY_MAX_ATTEMPTS";
    public static final String RETRY_BACKOFF_MS = "AUTOHAIR_RETRY_BACKOFF_MS";
    public static final String STORAGE_OUTAGE_BUDGET_MS = "AUTOHAIR_STORAGE_OUTAGE_BUDGET_MS";
    public static final String DRAIN_TIMEOUT_MS = "AUTOHAIR_DRAIN_TIMEOUT_MS";
    public static final String MAX_OBJECT_BYTES = "AUTOHAIR_MAX_OBJECT_BYTES";
    public static final String MAX_PIXELS = "AUTOHAIR_MAX_PIXELS";
    public static final String SEGMENTATION_MODEL = "AUTOHAIR_SEGMENTATION_MODEL";
    public static final String HTTP_PORT = "AUTOHAIR_HTTP_PORT";
    /** Read before the rest (by {@link #fromEnvironment()}), so it must not count as unknown. */
    public static final String CONFIG_FILE = Settings.CONFIG_FILE;
    /** Read by the model lookup ({@code ModelLocation}), not by this record, but legal in a worker's environment. */
    public static final String MODELS = "AUTOHAIR_MODELS";
    /** Read by the {@code autohair} launcher script only; it passes its environment on to the JVM. */
    public static final String JAVA_OPTS = "AUTOHAIR_JAVA_OPTS";
    public static final String MATTING_MODE = "AUTOHAIR_MATTING_MODE";
    public static final String MATTING_MODEL = "AUTOHAIR_MATTING_MODEL";
    public static final String MATTING_INFERENCE = "AUTOHAIR_MATTING_INFERENCE";
    public static final String OBJECT_MODEL = "AUTOHAIR_OBJECT_MODEL";
    public static final String MODEL_CACHE = "AUTOHAIR_MODEL_CACHE";
    public static final String REQUIRE_GPU = "AUTOHAIR_REQUIRE_GPU";
    public static final String BATCH_MAX_PIXELS = "AUTOHAIR_BATCH_MAX_PIXELS";

    /** Every key the worker reads; anything else with the prefix is an error. */
    public static final Set<String> KEYS = Stream.concat(Stream.of(WORKER_ID, KAFKA_BOOTSTRAP_SERVERS, KAFKA_GROUP_ID,
            KAFKA_GROUP_PROTOCOL, KAFKA_SESSION_TIMEOUT_MS, DELIVERY, TOPIC_JOBS, TOPIC_STATUS, TOPIC_RESULTS,
            TOPIC_DEAD_LETTERS, S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION, S3_CA_FILE, BATCH_MAX_SIZE,
            BATCH_MAX_DELAY_MS, MAX_IN_FLIGHT, FETCH_THREADS, CPU_THREADS, RETRY_MAX_ATTEMPTS, RETRY_BACKOFF_MS,
            STORAGE_OUTAGE_BUDGET_MS, DRAIN_TIMEOUT_MS, MAX_OBJECT_BYTES, MAX_PIXELS, SEGMENTATION_MODEL, HTTP_PORT,
            CONFIG_FILE, MODELS, JAVA_OPTS, MATTING_MODE, MATTING_MODEL, MATTING_INFERENCE,
            MODEL_CACHE, REQUIRE_GPU, BATCH_MAX_PIXELS, OBJECT_MODEL), KAFKA_SECURITY.all().stream())
            .collect(Collectors.toUnmodifiableSet());

    /** Keys without which the worker does not start. */
    public static final Set<String> REQUIRED = Set.of(KAFKA_BOOTSTRAP_SERVERS, S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY);

    /**
     * Which segmentation model, where remote models are cached, and whether a GPU is mandatory.
     *
     * @param segmentationModel the portrait model: a SavedModel folder (selfie contract), a JSON model file or an
     *                          installed catalogue model's name; empty for the shipped one
     * @param objectModel       the general model for products and animals, named the same ways; empty for the
     *                          weights-free product segmenter
     */
    public record Models(Optional<Path> segmentationModel, Optional<Path> objectModel, Path cache, boolean requireGpu) {
    }

    /**
     * {@code exactly-once}: each commit window's results, status events, dead letters and consumed
     * offsets form one Kafka transaction. {@code at-least-once}: events first, offsets after, so a
     * crash in between publishes a job's result twice.
     */
    public enum Delivery {
        EXACTLY_ONCE, AT_LEAST_ONCE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Delivery parse(String value) {
            for (Delivery d : values()) {
                if (d.wireName().equals(value)) {
                    return d;
                }
            }
            throw new ConfigException(DELIVERY + " must be exactly-once or at-least-once, was '" + value + "'");
        }
    }

    /**
     * Where the worker reads jobs and writes events, and how it keeps its place in the group. The
     * worker id is its static group identity ({@code group.instance.id}): a restarted worker with
     * the same id takes its partitions back without a rebalance.
     *
     * @param groupProtocol  {@code classic} (the client-side session timeout below applies) or
     *                       {@code consumer} (KIP-848; the broker's group configuration sets the session timeout)
     * @param sessionTimeout how long a crashed worker's partitions wait before another worker takes them (classic)
     * @param delivery       whether results, status events and offsets are committed in one transaction
     * @param security       how it gets in (TLS, SASL)
     */
    public record Kafka(String bootstrapServers, String groupId, Topics topics, String groupProtocol,
                        Duration sessionTimeout, Delivery delivery, KafkaSecurity security) {

        public static final Set<String> GROUP_PROTOCOLS = Set.of("classic", "consumer");

        /** On a PLAINTEXT listener, with the defaults. */
        public Kafka(String bootstrapServers, String groupId, Topics topics) {
            this(bootstrapServers, groupId, topics, "classic", Duration.ofSeconds(10), Delivery.EXACTLY_ONCE,
                    KafkaSecurity.plaintext(KAFKA_SECURITY));
        }

        /** The start-up check of these settings, and the translation of Kafka's access failures. */
        public KafkaAccess access() {
            return new KafkaAccess(bootstrapServers, security);
        }

        /** The transactional id of this worker's producer: one per worker identity, so a restart fences its predecessor. */
        public String transactionalId(String workerId) {
            return groupId + "." + workerId;
        }

        public Kafka {
            if (!GROUP_PROTOCOLS.contains(groupProtocol)) {
                throw new ConfigException(KAFKA_GROUP_PROTOCOL + " must be one of " + GROUP_PROTOCOLS + ", was '"
                        + groupProtocol + "'");
            }
        }
    }

    /**
     * Micro-batches for the model stage: close at {@code maxSize} jobs, at {@code maxPixels} decoded
     * pixels (so large images cannot exhaust device memory), or after {@code maxDelay}.
     */
    public record Batching(int maxSize, Duration maxDelay, long maxPixels) {
    }

    /**
     * Back-pressure and parallelism: partitions pause at {@code maxInFlight} jobs taken but not
     * finished and resume below half of it; {@code drainTimeout} bounds a graceful shutdown.
     */
    public record Flow(int maxInFlight, int fetchThreads, int cpuThreads, Duration drainTimeout) {

        public int resumeBelow() {
            return Math.max(1, maxInFlight / 2);
        }
    }

    /**
     * Transient failures are retried up to {@code maxAttempts} attempts in all, backing off
     * exponentially. Unavailable object storage is not a failure of the job: the job waits for it,
     * and is dead-lettered only after waiting longer than {@code storageOutageBudget}.
     */
    public record Retries(int maxAttempts, Duration backoff, Duration storageOutageBudget) {

        public static final Duration DEFAULT_STORAGE_OUTAGE_BUDGET = Duration.ofMinutes(15);

        public Retries(int maxAttempts, Duration backoff) {
            this(maxAttempts, backoff, DEFAULT_STORAGE_OUTAGE_BUDGET);
        }

        public Duration delayBefore(int attempt) {
            return backoff.multipliedBy(1L << Math.min(10, Math.max(0, attempt - 2)));
        }
    }

    public static WorkerConfig fromEnvironment() {
        return load(System.getenv(), Settings.configFile(System.getenv()));
    }

    public static WorkerConfig load(Map<String, String> environment, Optional<Path> file) {
        Settings s = Settings.load(environment, file, KEYS, Namespace.WORKER);
        int cores = Runtime.getRuntime().availableProcessors();
        Topics topics;
        try {
            topics = new Topics(
                    s.string(TOPIC_JOBS, Topics.DEFAULT_JOBS),
                    s.string(TOPIC_STATUS, Topics.DEFAULT_STATUS),
                    s.string(TOPIC_RESULTS, Topics.DEFAULT_RESULTS),
                    s.string(TOPIC_DEAD_LETTERS, Topics.DEFAULT_DEAD_LETTERS));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("AUTOHAIR_TOPIC_*: " + e.getMessage());
        }
        StorageConfig storage;
        try {
            storage = new StorageConfig(
                    s.required(S3_ENDPOINT, "http://minio:9000"),
                    s.required(S3_ACCESS_KEY, "autohair"),
                    s.required(S3_SECRET_KEY, "a-secret"),
                    s.string(S3_REGION, StorageConfig.DEFAULT_REGION),
                    s.readableFile(S3_CA_FILE));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("AUTOHAIR_S3_*: " + e.getMessage());
        }
        return new WorkerConfig(
                s.string(WORKER_ID, defaultWorkerId()),
                new Kafka(s.required(KAFKA_BOOTSTRAP_SERVERS, "kafka:9092"), s.string(KAFKA_GROUP_ID, "autohair-workers"), topics,
                        s.string(KAFKA_GROUP_PROTOCOL, "classic"),
                        // The broker's group.min.session.timeout.ms (6 s by default) is the floor it accepts.
                        Duration.ofMillis(s.integer(KAFKA_SESSION_TIMEOUT_MS, 10_000, 1_000, 1_800_000)),
                        Delivery.parse(s.string(DELIVERY, Delivery.EXACTLY_ONCE.wireName())),
                        KafkaSecurity.read(s, KAFKA_SECURITY)),
                storage,
                new Batching(s.integer(BATCH_MAX_SIZE, 4, 1, 256), s.millis(BATCH_MAX_DELAY_MS, 50, 0),
                        s.longValue(BATCH_MAX_PIXELS, 50_000_000L, 1)),
                new Flow(s.integer(MAX_IN_FLIGHT, 16, 1, 10_000), s.integer(FETCH_THREADS, 4, 1, 256),
                        s.integer(CPU_THREADS, Math.max(1, cores / 2), 1, 256), s.millis(DRAIN_TIMEOUT_MS, 60_000, 0)),
                new Retries(s.integer(RETRY_MAX_ATTEMPTS, 3, 1, 100), s.millis(RETRY_BACKOFF_MS, 1_000, 0),
                        s.millis(STORAGE_OUTAGE_BUDGET_MS, Retries.DEFAULT_STORAGE_OUTAGE_BUDGET.toMillis(), 0)),
                new ImageLimits(s.longValue(MAX_OBJECT_BYTES, ImageLimits.DEFAULT.maxBytes(), 1),
                        s.longValue(MAX_PIXELS, ImageLimits.DEFAULT.maxPixels(), 1)),
                models(s),
                s.integer(HTTP_PORT, 8080, 0, 65_535),
                MattingConfig.read(s, s.optional(SEGMENTATION_MODEL).isPresent()));
    }

    /** Only the model keys: for commands that load models without Kafka or object storage. */
    public static Models models(Map<String, String> environment, Optional<Path> file) {
        return models(Settings.load(environment, file, KEYS, Namespace.WORKER));
    }

    public static Models modelsFromEnvironment() {
        return models(System.getenv(), Settings.configFile(System.getenv()));
    }

    private static Models models(Settings s) {
        return new Models(s.optional(SEGMENTATION_MODEL).map(Path::of), s.optional(OBJECT_MODEL).map(Path::of),
                Path.of(s.string(MODEL_CACHE, defaultModelCache())),
                s.bool(REQUIRE_GPU, false));
    }

    private static String defaultModelCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "autohair", "models").toString();
    }

    private static String defaultWorkerId() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker-" + ProcessHandle.current().pid();
        }
    }
}
