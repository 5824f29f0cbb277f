package dev.autohair.worker;

import dev.autohair.common.contract.MessageCodec;
import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.storage.ObjectStorage;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: a {@link ConsumerLoop} that takes job records and a {@link JobFlow} that moves each
 * through the pipeline and publishes its events, sharing one {@link OffsetTracker}.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** How long a revoked partition's running jobs may finish before their offsets are given up. */
    private static final Duration REVOKE_GRACE = Duration.ofSeconds(10);

    private final WorkerConfig config;
    private final Consumer<String, byte[]> consumer;
    private final OffsetTracker tracker = new OffsetTracker();
    private final StorageOutage outage;
    private final JobFlow flow;
    private final ConsumerLoop loop;

    public Worker(WorkerConfig config, CutoutPipeline pipeline, ObjectStorage store, Consumer<String, byte[]> consumer,
            Producer<String, byte[]> producer, MessageCodec codec) {
        this(config, pipeline, store, consumer, producer, codec, WorkerMetrics.NONE);
    }

    public Worker(WorkerConfig config, CutoutPipeline pipeline, ObjectStorage store, Consumer<String, byte[]> consumer,
            Producer<String, byte[]> producer, MessageCodec codec, WorkerMetrics metrics) {
        this.config = config;
        this.consumer = consumer;
        Delivery delivery = config.kafka().delivery() == WorkerConfig.Delivery.EXACTLY_ONCE
                ? new ExactlyOnceDelivery(producer, tracker) : new AtLeastOnceDelivery(tracker);
        Events events = new Events(producer, config.kafka().topics(), codec, config.workerId(), delivery);
        this.outage = new StorageOutage(store);
        this.flow = new JobFlow(config, pipeline, store, events, codec, tracker, metrics, outage);
        this.loop = new ConsumerLoop(consumer, config.kafka().topics().jobs(), new ConsumerLoop.Limits(
                config.flow().maxInFlight(), config.flow().resumeBelow(), config.flow().drainTimeout(), REVOKE_GRACE),
                tracker, flow::accept, flow::fatal, outage::available, delivery);
    }

    /** Polls until {@link #stop()} (or a fatal error), then drains within the configured deadline. */
    public void run() {
        LOG.info("worker {} consuming {} (batch {} / {} ms, in flight {}, delivery {})", config.workerId(),
                config.kafka().topics().jobs(), config.batching().maxSize(), config.batching().maxDelay().toMillis(),
                config.flow().maxInFlight(), config.kafka().delivery().wireName());
        loop.run();
        if (flow.fatal() != null || loop.failure() != null) {
            LOG.error("worker stopped on a fatal error; unfinished jobs will be redelivered",
                    flow.fatal() != null ? flow.fatal() : loop.failure());
        }
    }

    /** Asks the poll loop to stop taking jobs and drain; safe from any thread (a shutdown hook). */
    public void stop() {
        loop.stop();
    }

    public int inFlight() {
        return tracker.inFlight();
    }

    /**
     * Whether the worker takes jobs: it is not stopping and has joined the consumer group. A poll
     * that returns is not enough (it returns empty while the broker is unreachable); an empty
     * assignment is (a group with more workers than partitions leaves some idle but healthy).
     */
    public boolean consuming() {
        return !loop.stopping() && flow.fatal() == null && loop.failure() == null && loop.joined();
    }

    /** How long ago the poll loop last came back from the broker; empty before its first poll. */
    public Optional<Duration> sinceLastPoll() {
        return loop.sinceLastPoll();
    }

    /** Whether object storage answers (false from the first job that found it unavailable until a probe succeeds). */
    public boolean storageAvailable() {
        return outage.available();
    }

    /** How long object storage has been unavailable; empty while it answers. */
    public Optional<Duration> storageUnavailableFor() {
        return outage.unavailableFor();
    }

    /** Jobs held (not failed) until object storage answers. */
    public int jobsWaitingForStorage() {
        return outage.waiting();
    }

    /** How many partitions this worker holds now (readable from any thread). */
    public int assignedPartitions() {
        return loop.assignedPartitions();
    }

    @Override
    public void close() {
        stop();
        flow.close();
        outage.close();
        // A static member stays in the group on close unless told: after a drain everything is
        // committed, so leave and let the others take the partitions now rather than after the session timeout.
        consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(5)));
    }
}
