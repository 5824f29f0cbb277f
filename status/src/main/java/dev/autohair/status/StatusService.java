package dev.autohair.status;

import dev.autohair.common.contract.MessageCodec;
import dev.autohair.status.config.StatusConfig;
import dev.autohair.status.feed.ChangeFeed;
import dev.autohair.status.http.StatusHttpServer;
import dev.autohair.status.links.ObjectLinks;
import dev.autohair.status.links.PresignedLinks;
import dev.autohair.status.view.JobView;
import dev.autohair.status.view.JobViews;
import dev.autohair.status.view.StatusTopology;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status service, wired: Kafka Streams folding the topics into the view, and the HTTP server
 * reading it. Every instance is a full replica (see docs/CONFIGURATION.md): it needs an application
 * id of its own and then holds every job (and its own repartition topic, named after that id).
 */
public final class StatusService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusService.class);
    private static final int FEED_QUEUE = 1024;
    private static final int MAX_LISTENERS = 64;
    private static final Duration ACCESS_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final StatusHttpServer http;

    private StatusService(KafkaStreams streams, StatusHttpServer http) {
        this.streams = streams;
        this.http = http;
    }

    public static StatusService start(StatusConfig config) {
        LOG.info("Kafka {} ({})", config.bootstrapServers(), config.security());
        // Wrong credentials or protocol fail here, named by key, not as a Streams thread's death later.
        config.kafkaAccess().verify(ACCESS_CHECK_TIMEOUT);
        LOG.info("folding topics (partitions) {}", TopicCheck.requireTopics(config, config.topics()));
        ChangeFeed feed = new ChangeFeed(FEED_QUEUE, MAX_LISTENERS);
        KafkaStreams streams = new KafkaStreams(StatusTopology.build(config.topics(), new MessageCodec(), config.retention(), feed),
                streamsProperties(config));
        streams.setStateListener((now, before) -> LOG.info("view {} (was {})", now, before));
        streams.start();
        JobViews views = new JobViews(() -> streams.store(StoreQueryParameters.fromNameAndType(
                StatusTopology.STORE, QueryableStoreTypes.<String, JobView>keyValueStore())));
        ObjectLinks links = config.storage().<ObjectLinks>map(PresignedLinks::new).orElse(ObjectLinks.none());
        try {
            StatusHttpServer http = StatusHttpServer.start(config.httpHost(), config.httpPort(), views,
                    feed, links, () -> streams.state().name());
            return new StatusService(streams, http);
        } catch (RuntimeException e) {
            streams.close(Duration.ofSeconds(10));
            throw e;
        }
    }

    static Properties streamsProperties(StatusConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        // No record cache: every change reaches the store's readers and /events at once.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // The inputs are read as bytes and cannot fail; a foreign record on the repartition topic is
        // skipped with a warning instead of stopping the view.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        // A new instance builds the view from everything the topics still hold.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // The workers write in transactions: read only what they committed (one result per job).
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        // Streams hands security.protocol, ssl.* and sasl.* on to each of its clients.
        return config.security().applyTo(p);
    }

    /** Blocks until Streams is RUNNING (the view is queryable) or the timeout passes. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
                    && streams.state() != KafkaStreams.State.CREATED) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    public int httpPort() {
        return http.port();
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }
}
