package dev.autohair.worker;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll thread: hands each record on and never runs pipeline work, so long batches cannot push
 * the consumer out of its group. Pauses every partition while too many jobs are in flight and
 * resumes below half of it, and pauses them all while object storage is unavailable (the jobs it
 * holds wait; polling goes on, so the worker stays in its group); commits each partition only up
 * to its lowest unfinished job; on revocation gives running jobs a short grace, on stop drains
 * within a deadline.
 */
final class ConsumerLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    static final Duration POLL = Duration.ofMillis(100);

    /**
     * @param maxInFlight  pause every partition at this many unfinished jobs
     * @param resumeBelow  resume below this many
     * @param drainTimeout how long a stopping worker lets running jobs finish
     * @param revokeGrace  how long a revoked partition's running jobs may finish before their offsets are given up
     */
    record Limits(int maxInFlight, int resumeBelow, Duration drainTimeout, Duration revokeGrace) {
    }

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final Limits limits;
    private final OffsetTracker tracker;
    private final BiConsumer<ConsumerRecord<String, byte[]>, OffsetTracker.Ticket> handler;
    private final Supplier<Throwable> fatal;
    private final BooleanSupplier storageAvailable;
    private final Delivery delivery;
    /** A commit that failed for good (exactly-once: the transaction is gone): the loop stops on it. */
    private volatile Throwable failure;
    /** An aborted transaction's jobs must be done again: seek back before the next poll. */
    private boolean rewindPending;

    private volatile boolean stopping;
    private boolean paused;
    private final AtomicInteger assigned = new AtomicInteger();
    /** When the last poll returned (System.nanoTime), 0 before the first: what health checks read. */
    private volatile long lastPoll;
    /** In the group: an assignment (possibly empty) arrived and was not lost since. */
    private volatile boolean joined;

    ConsumerLoop(Consumer<String, byte[]> consumer, String topic, Limits limits, OffsetTracker tracker,
            BiConsumer<ConsumerRecord<String, byte[]>, OffsetTracker.Ticket> handler, Supplier<Throwable> fatal,
            BooleanSupplier storageAvailable, Delivery delivery) {
        this.consumer = consumer;
        this.delivery = delivery;
        this.storageAvailable = storageAvailable;
        this.topic = topic;
        this.limits = limits;
        this.tracker = tracker;
        this.handler = handler;
        this.fatal = fatal;
    }

    /** Polls until {@link #stop()} (or a fatal error), then drains within the deadline. */
    void run() {
        delivery.start();
        subscribe();
        try {
            while (!stopping && fatal.get() == null && failure == null) {
                pollOnce();
            }
            drain();
        } catch (WakeupException e) {
            drain();
        }
    }

    void subscribe() {
        consumer.subscribe(List.of(topic), new Rebalance());
    }

    /** One turn of the loop: poll, hand the records on, apply back-pressure, commit what finished. */
    void pollOnce() {
        if (rewindPending) {
            rewindPending = false;
            delivery.rewind(this::seekToCommitted);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            handler.accept(record, tracker.started(partition, record.offset()));
        }
        lastPoll = System.nanoTime();
        applyBackPressure();
        try {
            commit(tracker.partitions(), false);
        } catch (RuntimeException e) {
            // recorded in failure: run() stops
        }
    }

    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /** Why the loop stopped on its own (a commit that cannot be completed); null if it did not. */
    Throwable failure() {
        return failure;
    }

    boolean joined() {
        return joined;
    }

    boolean paused() {
        return paused;
    }

    Optional<Duration> sinceLastPoll() {
        long last = lastPoll;
        return last == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - last));
    }

    int assignedPartitions() {
        return assigned.get();
    }

    private void applyBackPressure() {
        int inFlight = tracker.inFlight();
        boolean storageDown = !storageAvailable.getAsBoolean();
        if (!paused && (inFlight >= limits.maxInFlight() || storageDown)) {
            consumer.pause(consumer.assignment());
            paused = true;
            LOG.debug("paused at {} jobs in flight{}", inFlight, storageDown ? ", object storage unavailable" : "");
        } else if (paused && inFlight < limits.resumeBelow() && !storageDown) {
            consumer.resume(consumer.paused());
            paused = false;
            LOG.debug("resumed at {} jobs in flight", inFlight);
        }
    }

    private void commit(Collection<TopicPartition> partitions, boolean sync) {
        commit(partitions, sync, () -> { });
    }

    /** Commits what finished on {@code partitions}, then runs {@code then} before any job can settle again. */
    private void commit(Collection<TopicPartition> partitions, boolean sync, Runnable then) {
        try {
            delivery.commit(consumer, () -> committable(partitions), sync, then);
        } catch (TransactionAbortedException e) {
            rewindPending = true; // nothing of it is visible: redo its jobs from the committed offsets
            LOG.warn("{}; rewinding to the committed offsets", e.getMessage());
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
                LOG.error("could not commit; stopping, so that unfinished and uncommitted jobs are redelivered", e);
            }
            throw e;
        }
    }

    /** Every assigned partition back to its committed offset (its beginning if none), as a new owner would start. */
    private void seekToCommitted() {
        java.util.Set<TopicPartition> assignment = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
        for (TopicPartition partition : assignment) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
        LOG.info("rewound {} to their committed offsets", assignment);
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            tracker.advance(partition).ifPresent(next -> offsets.put(partition, new OffsetAndMetadata(next)));
        }
        return offsets;
    }

    /** Stop taking jobs, let the running ones finish within the deadline, commit what finished. */
    private void drain() {
        LOG.info("draining {} jobs in flight (deadline {} s)", tracker.inFlight(), limits.drainTimeout().toSeconds());
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + limits.drainTimeout().toNanos();
        while (tracker.inFlight() > 0 && System.nanoTime() < deadline && fatal.get() == null && failure == null) {
            consumer.poll(POLL); // keeps the group membership alive; paused partitions return nothing
            lastPoll = System.nanoTime();
            try {
                commit(tracker.partitions(), false);
            } catch (RuntimeException e) {
                break;
            }
        }
        try {
            commit(tracker.partitions(), true);
        } catch (RuntimeException e) {
            LOG.warn("final commit failed; finished jobs since the last commit will be redelivered: {}", e.toString());
        }
        LOG.info("drained; {} unfinished jobs left for redelivery", tracker.inFlight());
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit(tracker.partitions(), true); // what finished so far, so no transaction outlives the grace below
            } catch (RuntimeException e) {
                LOG.warn("commit before revocation failed: {}", e.toString());
            }
            long deadline = System.nanoTime() + limits.revokeGrace().toNanos();
            while (tracker.inFlight(partitions) > 0 && System.nanoTime() < deadline) {
                sleep(20);
            }
            try {
                // Forgotten under the same lock as the commit: a job of these partitions that finishes
                // later cannot publish a result that their new owner publishes too.
                commit(partitions, true, () -> partitions.forEach(tracker::forget));
            } catch (RuntimeException e) {
                LOG.warn("commit on revocation failed; those jobs will be redelivered: {}", e.toString());
            } finally {
                partitions.forEach(tracker::forget);
            }
            assigned.addAndGet(-partitions.size());
            LOG.info("revoked {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            Throwable unsafe = delivery.lost();
            if (unsafe != null && failure == null) {
                failure = unsafe;
            }
            partitions.forEach(tracker::forget);
            assigned.addAndGet(-partitions.size());
            joined = false; // out of the group until the next assignment
            LOG.warn("lost {}; their unfinished jobs will be redelivered", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
            assigned.addAndGet(partitions.size());
            joined = true; // called after every rebalance, with an empty collection too
            LOG.info("assigned {}", partitions);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
