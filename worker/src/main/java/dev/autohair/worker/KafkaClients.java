package dev.autohair.worker;

import dev.autohair.config.WorkerConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's Kafka clients: ordered, de-duplicated sends, with exactly-once delivery a
 * transactional producer fenced per worker identity, and secured as {@code
 * AUTOHAIR_KAFKA_SECURITY_PROTOCOL} and its companions say.
 */
public final class KafkaClients {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClients.class);
    /** Long enough for a broker under load; a listener that drops the connection fails at this bound. */
    static final Duration ACCESS_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private KafkaClients() {
    }

    /**
     * Connects and authenticates once, before the clients are made: wrong credentials, an untrusted
     * certificate or the wrong protocol fail start-up with a message that names the key to fix.
     *
     * @throws dev.autohair.common.kafka.KafkaAccessException when Kafka cannot be reached with these settings
     */
    public static void verifyAccess(WorkerConfig config) {
        LOG.info("Kafka {} ({})", config.kafka().bootstrapServers(), config.kafka().security());
        config.kafka().access().verify(ACCESS_CHECK_TIMEOUT);
    }

    public static KafkaConsumer<String, byte[]> consumer(WorkerConfig config) {
        return new KafkaConsumer<>(consumerProperties(config));
    }

    public static KafkaProducer<String, byte[]> producer(WorkerConfig config) {
        return new KafkaProducer<>(producerProperties(config));
    }

    static Properties consumerProperties(WorkerConfig config) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.kafka().groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.workerId() + "-jobs");
        // Static membership: a worker restarted under the same id gets its partitions back at once,
        // without a rebalance (worker ids must be unique within the group: a StatefulSet's pod names).
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.workerId());
        if (config.kafka().groupProtocol().equals("consumer")) {
            // KIP-848: the broker assigns and times sessions out (group config consumer.session.timeout.ms).
            p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        } else {
            p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
            // A crashed worker's partitions move after this long (45 s by default: too long to sit idle).
            p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(config.kafka().sessionTimeout().toMillis()));
            p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                    Long.toString(Math.max(100, config.kafka().sessionTimeout().toMillis() / 5)));
        }
        // Offsets are committed by the worker, only for jobs whose events the broker acknowledged.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One poll never takes more than back-pressure would let in.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.flow().maxInFlight()));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config.kafka().security().applyTo(p);
    }

    static Properties producerProperties(WorkerConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.workerId() + "-events");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        if (config.kafka().delivery() == WorkerConfig.Delivery.EXACTLY_ONCE) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.kafka().transactionalId(config.workerId()));
            // Transactions last one commit window (100 ms). After a crash, readers (read_committed) wait
            // at the dead worker's open transaction until it is restarted or this expires: keep it short.
            // (It must outlast the poll thread's longest pause with a transaction open: a revocation's 10 s grace.)
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "15000");
            // A commit blocked on an unreachable broker gives up after this and is retried.
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
            // Right after a commit the broker still writes its markers and answers the next
            // transaction's first sends with CONCURRENT_TRANSACTIONS: retry those within
            // milliseconds, not with the default back-off that grows to a second per retry.
            p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "10");
            p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "100");
        }
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config.kafka().security().applyTo(p);
    }
}
