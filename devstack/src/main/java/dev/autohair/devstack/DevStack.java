package dev.autohair.devstack;

import dev.autohair.devstack.kafka.EmbeddedKafka;
import dev.autohair.devstack.kafka.KafkaBrokerConfig;
import dev.autohair.devstack.s3.EmbeddedS3;
import dev.autohair.devstack.s3.S3ServerConfig;
import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobClientConfig;
import dev.autohair.common.client.KafkaSettings;
import dev.autohair.common.client.S3Settings;
import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A Kafka broker and an S3 server on loopback: everything the worker talks to, for the one-command
 * demo and for integration tests. Close it to stop both.
 */
public final class DevStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedS3 s3;

    private DevStack(EmbeddedKafka kafka, EmbeddedS3 s3) {
        this.kafka = kafka;
        this.s3 = s3;
    }

    /** Both servers in temporary folders, deleted on close. */
    public static DevStack start() {
        return start(KafkaBrokerConfig.defaults(), S3ServerConfig.defaults());
    }

    /** Both servers with their data under {@code dir} ({@code dir/kafka}, {@code dir/s3}), kept on close. */
    public static DevStack start(Path dir) {
        return start(KafkaBrokerConfig.defaults().withDataDir(dir.resolve("kafka")),
                S3ServerConfig.defaults().withBaseDir(dir.resolve("s3")));
    }

    public static DevStack start(KafkaBrokerConfig kafkaConfig, S3ServerConfig s3Config) {
        // The broker's JVM boots (~3 s) while s3proxy starts here (~1 s).
        CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(() -> EmbeddedKafka.start(kafkaConfig));
        EmbeddedS3 s3;
        try {
            s3 = EmbeddedS3.start(s3Config);
        } catch (RuntimeException e) {
            kafka.thenAccept(EmbeddedKafka::close);
            throw e;
        }
        try {
            return new DevStack(kafka.join(), s3);
        } catch (CompletionException e) {
            s3.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedS3 s3() {
        return s3;
    }

    /** Creates the contract's four topics; the jobs topic gets {@code jobPartitions} partitions. */
    public void createTopics(Topics topics, int jobPartitions) {
        kafka.createTopics(jobPartitions, topics.jobs());
        kafka.createTopics(1, topics.status(), topics.results(), topics.deadLetters());
    }

    /**
     * A worker configuration pointing at this stack's broker and S3 server, as the environment
     * would give it in production; {@code overrides} holds further {@code AUTOHAIR_*} settings.
     */
    public WorkerConfig workerConfig(Topics topics, String groupId, String workerId, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put(WorkerConfig.WORKER_ID, workerId);
        env.put(WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(WorkerConfig.KAFKA_GROUP_ID, groupId);
        env.put(WorkerConfig.TOPIC_JOBS, topics.jobs());
        env.put(WorkerConfig.TOPIC_STATUS, topics.status());
        env.put(WorkerConfig.TOPIC_RESULTS, topics.results());
        env.put(WorkerConfig.TOPIC_DEAD_LETTERS, topics.deadLetters());
        env.put(WorkerConfig.S3_ENDPOINT, s3.endpoint());
        env.put(WorkerConfig.S3_ACCESS_KEY, s3.accessKey());
        env.put(WorkerConfig.S3_SECRET_KEY, s3.secretKey());
        env.putAll(overrides);
        return WorkerConfig.load(env, Optional.empty());
    }

    /** The producer client an upload system would use, pointing at this stack. */
    public JobClient jobClient(Topics topics) {
        return JobClient.connect(new JobClientConfig(KafkaSettings.of(kafka.bootstrapServers()),
                new S3Settings(URI.create(s3.endpoint()), s3.accessKey(), s3.secretKey(), s3.region()), topics));
    }

    /**
     * A consumer reading {@code topics} from the beginning in a group of its own, as an observer
     * would: committed records only (read_committed), as the worker's readers must read them.
     */
    public KafkaConsumer<String, byte[]> follow(String... topics) {
        return follow("read_committed", topics);
    }

    /** As {@link #follow}, but read_uncommitted: aborted transactions' records too (to count what they hide). */
    public KafkaConsumer<String, byte[]> followUncommitted(String... topics) {
        return follow("read_uncommitted", topics);
    }

    private KafkaConsumer<String, byte[]> follow(String isolationLevel, String[] topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "follower-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            s3.close();
        }
    }
}
