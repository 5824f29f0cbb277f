package dev.autohair.common.client;

import dev.autohair.common.kafka.KafkaSecurity;
import dev.autohair.common.kafka.KafkaSecurityKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How the job producer reaches Kafka. The producer is always idempotent with acks=all: a job that
 * {@link JobClient} reported as sent is on every in-sync replica, and a retried send never duplicates it.
 *
 * @param sendTimeout how long a submit may wait for the broker's acknowledgement, metadata included
 * @param security    TLS and SASL settings (and further client properties); null = PLAINTEXT
 * @param overrides   further producer settings (compression, ...), applied last
 */
public record KafkaSettings(String bootstrapServers, String clientId, Duration sendTimeout, KafkaSecurity security,
                            Map<String, String> overrides) {

    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final long LINGER_MS = 5;

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are required, e.g. localhost:9092");
        }
        clientId = clientId == null || clientId.isBlank() ? "autohair-job-client" : clientId;
        sendTimeout = sendTimeout == null ? DEFAULT_SEND_TIMEOUT : sendTimeout;
        if (sendTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("Kafka send timeout must be at least 1 s, got " + sendTimeout);
        }
        security = security == null ? KafkaSecurity.plaintext(KafkaSecurityKeys.WORKER) : security;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        for (String fixed : new String[] {ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG}) {
            if (overrides.containsKey(fixed)) {
                throw new IllegalArgumentException("'" + fixed + "' cannot be overridden: the job client relies on "
                        + "idempotent acks=all sends of String keys and JSON bytes");
            }
        }
    }

    /** Settings for a PLAINTEXT listener. */
    public KafkaSettings(String bootstrapServers, String clientId, Duration sendTimeout, Map<String, String> overrides) {
        this(bootstrapServers, clientId, sendTimeout, null, overrides);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, null, null, null, null);
    }

    /** For a secured cluster. */
    public static KafkaSettings of(String bootstrapServers, KafkaSecurity security) {
        return new KafkaSettings(bootstrapServers, null, null, security, null);
    }

    public Properties producerProperties() {
        long timeout = sendTimeout.toMillis();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // One bound for the whole send: Kafka insists delivery >= linger + request timeout.
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(30_000, timeout - LINGER_MS)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        // send() blocks while it fetches metadata; an absent broker must not stall the caller longer.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout));
        security.applyTo(props);
        props.putAll(overrides);
        return props;
    }
}
