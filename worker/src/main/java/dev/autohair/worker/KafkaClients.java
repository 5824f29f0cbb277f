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
 * The worker's Kafka clients, configured for at-least-once processing with ordered, de-duplicated
 * sends, and secured as {@code AUTOHAIR_KAFKA_SECURITY_PROTOCOL} and its companions say.
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
        // Offsets are committed by the worker, only for jobs whose events the broker acknowledged.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
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
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config.kafka().security().applyTo(p);
    }
}
