package dev.autohair.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results, status events, dead letters and the consumed offsets in one Kafka transaction per
 * commit window ({@code AUTOHAIR_DELIVERY=exactly-once}). The first send of a window opens a
 * transaction; pool threads send into it while the poll thread, every {@link #WINDOW} or on
 * revocation and drain, adds the offsets of the contiguously finished jobs and commits it. (Opened
 * lazily, so that an idle or closing worker holds no transaction: a producer closed with one open
 * waits on the broker to abort it.)
 *
 * <p>Atomicity: a job's "finished" mark happens under the read lock, the offsets are computed
 * and committed under the write lock, and a finished job's final events are held back until the
 * commit whose offsets cover it (jobs finish out of order, and an offset is committed only up to
 * the lowest unfinished job of its partition), so a commit holds either a job's result and its
 * offset or neither. (Sent at once, the result of a job finished ahead of an earlier one was
 * committed before its offset; a worker killed in between had its successor redo the job and
 * publish a second result.) The transactional id is fixed per worker identity, so a
 * restarted worker fences its predecessor and aborts what it left open; the offsets go with the
 * consumer's group metadata, so a worker that lost its partitions in a rebalance cannot commit
 * for them. A read_committed consumer therefore sees one result per job.
 */
final class ExactlyOnceDelivery implements Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceDelivery.class);
    /** Longest a finished job waits for its transaction: short against a job's seconds, long against a commit's milliseconds. */
    static final Duration WINDOW = Duration.ofMillis(100);
    /** A commit that timed out (broker restarting) may be retried; this many times before the worker gives up. */
    private static final int COMMIT_TRIES = 8;

    private final Producer<String, byte[]> producer;
    private final OffsetTracker tracker;
    /** Final events of finished jobs, waiting for the commit whose offsets cover them. */
    private final Map<OffsetTracker.Ticket, Supplier<List<CompletableFuture<Void>>>> held = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** A transaction is open: set by the first sender of a window (under {@code this}), cleared by the committer. */
    private boolean open;
    private volatile Throwable failed;
    private long lastCommit = System.nanoTime();
    private int commits;

    ExactlyOnceDelivery(Producer<String, byte[]> producer, OffsetTracker tracker) {
        this.producer = producer;
        this.tracker = tracker;
    }

    @Override
    public void start() {
        producer.initTransactions(); // fences an earlier producer of this worker id and aborts its open transaction
    }

    @Override
    public CompletableFuture<Void> progress(OffsetTracker.Ticket ticket, Supplier<CompletableFuture<Void>> send) {
        lock.readLock().lock();
        try {
            if (failed != null || !tracker.holds(ticket)) {
                return CompletableFuture.completedFuture(null); // no longer this worker's job: its new owner reports it
            }
            ensureOpen();
            return send.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public CompletableFuture<Void> settle(OffsetTracker.Ticket ticket, Supplier<List<CompletableFuture<Void>>> sends) {
        lock.readLock().lock();
        try {
            if (failed != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("transactions failed earlier", failed));
            }
            if (!tracker.holds(ticket)) {
                return CompletableFuture.completedFuture(null); // revoked: the partition's new owner redoes the job
            }
            held.put(ticket, sends);
            tracker.finished(ticket);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void commit(Consumer<String, byte[]> consumer, Supplier<Map<TopicPartition, OffsetAndMetadata>> offsets,
            boolean sync, Runnable then) {
        if (!sync && System.nanoTime() - lastCommit < WINDOW.toNanos()) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (failed != null) {
                throw new IllegalStateException("transactions failed earlier; the worker must restart", failed);
            }
            Map<TopicPartition, OffsetAndMetadata> committable = offsets.get();
            if (!committable.isEmpty() || open) {
                try {
                    ensureOpen();
                    sendHeldEventsCoveredBy(committable);
                    if (!committable.isEmpty()) {
                        retrying(() -> producer.sendOffsetsToTransaction(committable, consumer.groupMetadata()));
                    }
                    retrying(producer::commitTransaction);
                    commits++;
                    synchronized (this) {
                        open = false;
                    }
                } catch (KafkaException e) {
                    if (!abortable(e)) {
                        fail(e);
                        throw e;
                    }
                    abortAndForget(e);
                    throw new TransactionAbortedException("transaction aborted (" + e + "); redoing its jobs", e);
                }
            }
            lastCommit = System.nanoTime();
            then.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Throwable lost() {
        lock.writeLock().lock();
        try {
            // The open transaction may hold results of jobs whose partitions are someone else's now,
            // next to jobs already counted as finished: neither committing nor aborting it is safe to go on from.
            IllegalStateException lost = new IllegalStateException("partitions lost to the group: aborting the open"
                    + " transaction and stopping, so that every unfinished job is redelivered exactly once");
            fail(lost);
            return lost;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * After an abort: throws away whatever the open transaction holds (jobs taken since the abort),
     * forgets every job, and runs {@code seek} (back to the committed offsets) before any job can
     * settle again, so that every uncommitted job is done again exactly once.
     */
    @Override
    public void rewind(Runnable seek) {
        lock.writeLock().lock();
        try {
            synchronized (this) {
                if (open) {
                    producer.abortTransaction();
                    open = false;
                }
            }
            held.clear();
            tracker.forgetAll();
            seek.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Sends, into the open transaction, the held events of every job below the offsets about to
     * be committed, in offset order; drops those of partitions this worker no longer holds (their
     * new owner redoes the jobs). Failures after a send leaves surface in commitTransaction.
     *
     * @throws IllegalStateException when an event is refused before it leaves (too large, say):
     *     the transaction is aborted and the worker must stop, so the job is redelivered
     */
    private void sendHeldEventsCoveredBy(Map<TopicPartition, OffsetAndMetadata> committable) {
        List<OffsetTracker.Ticket> due = new ArrayList<>();
        for (OffsetTracker.Ticket ticket : held.keySet()) {
            OffsetAndMetadata next = committable.get(ticket.partition());
            if (!tracker.current(ticket)) {
                held.remove(ticket);
            } else if (next != null && ticket.offset() < next.offset()) {
                due.add(ticket);
            }
        }
        due.sort(Comparator.comparing((OffsetTracker.Ticket t) -> t.partition().toString())
                .thenComparingLong(OffsetTracker.Ticket::offset));
        for (OffsetTracker.Ticket ticket : due) {
            for (CompletableFuture<Void> send : held.remove(ticket).get()) {
                if (send.isCompletedExceptionally()) {
                    IllegalStateException refused = new IllegalStateException("the final events of the job at "
                            + ticket.partition() + "@" + ticket.offset() + " were refused before they left; stopping so"
                            + " that it is redelivered", send.handle((ok, error) -> error).join());
                    fail(refused);
                    throw refused;
                }
            }
        }
    }

    /** Transactions committed so far (for tests and logs). */
    int commits() {
        return commits;
    }

    /** Fenced or refused for good: another worker with this id runs, or the producer is unusable. */
    private static boolean abortable(KafkaException e) {
        return !(e instanceof ProducerFencedException || e instanceof FencedInstanceIdException
                || e instanceof InvalidProducerEpochException || e instanceof AuthorizationException
                || e instanceof UnsupportedVersionException);
    }

    private void abortAndForget(KafkaException cause) {
        LOG.warn("transaction aborted ({}); rewinding to the committed offsets to redo its jobs", cause.toString());
        try {
            synchronized (this) {
                producer.abortTransaction();
                open = false;
            }
        } catch (KafkaException e) {
            fail(e);
            throw e;
        }
        held.clear();
        tracker.forgetAll(); // their settles are dropped from now on; the rewind redelivers them
    }

    private synchronized void ensureOpen() {
        if (!open) {
            producer.beginTransaction();
            open = true;
        }
    }

    private void fail(Throwable cause) {
        if (failed == null) {
            failed = cause;
            held.clear();
            LOG.error("transaction failed ({}); aborting it, nothing of it becomes visible", cause.toString());
            synchronized (this) {
                if (open) {
                    try {
                        producer.abortTransaction();
                    } catch (KafkaException e) {
                        // Fenced: a newer producer of this id already aborted it.
                        LOG.warn("abort failed: {}", e.toString());
                    }
                    open = false;
                }
            }
        }
    }

    private static void retrying(Runnable call) {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (TimeoutException e) {
                if (attempt >= COMMIT_TRIES) {
                    throw e;
                }
                LOG.warn("transaction step timed out (broker unreachable?); trying again ({}/{})", attempt, COMMIT_TRIES);
            }
        }
    }
}
