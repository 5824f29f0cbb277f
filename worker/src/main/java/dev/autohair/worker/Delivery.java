package dev.autohair.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How a job's events and its consumed offset reach Kafka: {@link AtLeastOnceDelivery} (events
 * acknowledged, then the offset committed on its own) or {@link ExactlyOnceDelivery} (events and
 * offsets committed together in one transaction). The job flow sends through it, the consumer loop
 * commits through it.
 */
interface Delivery {

    /** Before the first poll: e.g. register the transactional producer (fencing any earlier one). */
    void start();

    /** Sends an event of a job still under way (a status event); dropped if the job is no longer this worker's. */
    CompletableFuture<Void> progress(OffsetTracker.Ticket ticket, Supplier<CompletableFuture<Void>> send);

    /**
     * Delivers a job's final events and marks the job finished, so that its offset may be
     * committed (exactly-once sends the events with that commit); completes when it is,
     * exceptionally when its events cannot be delivered (then the worker stops and the job is
     * redelivered).
     */
    CompletableFuture<Void> settle(OffsetTracker.Ticket ticket, Supplier<List<CompletableFuture<Void>>> sends);

    /**
     * Commits the offsets that {@code offsets} computes (called under whatever lock keeps jobs from
     * settling meanwhile), then runs {@code then} before any job can settle again.
     *
     * @param sync wait for the commit (revocation, drain) rather than commit when convenient
     */
    void commit(Consumer<String, byte[]> consumer, Supplier<Map<TopicPartition, OffsetAndMetadata>> offsets, boolean sync,
            Runnable then);

    /**
     * After a {@link TransactionAbortedException}: forget every job taken so far and {@code seek}
     * back to the committed offsets, before any job can settle again.
     */
    void rewind(Runnable seek);

    /**
     * The group took partitions away without a revocation (this worker was presumed dead). Returns
     * a failure when the worker cannot go on safely (events of other jobs may have been thrown away
     * with the lost ones), null when it can.
     */
    Throwable lost();
}
