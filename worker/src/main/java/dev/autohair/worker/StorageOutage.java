package dev.autohair.worker;

import dev.autohair.storage.ObjectStorage;
import dev.autohair.storage.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether object storage answers, shared by the job flow (which holds jobs that met the outage)
 * and the consumer loop (which takes no new jobs meanwhile). The first job that finds storage
 * unavailable starts the outage; a prober then asks storage with a doubling, capped back-off.
 * When it answers, every held job carries on; while it does not, each held job is asked after
 * every probe whether it keeps waiting (its {@link FailurePolicy} says no once the outage budget
 * is spent).
 */
final class StorageOutage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageOutage.class);
    static final Duration FIRST_PROBE = Duration.ofMillis(250);
    static final Duration MAX_PROBE = Duration.ofSeconds(5);

    /** A job held until storage answers. */
    interface Waiter {

        /** Storage answers again: carry on. */
        void storageBack();

        /** Storage is still down after another probe: true to go on waiting, false when the job gave up. */
        boolean keepWaiting();
    }

    private final ObjectStorage store;
    private final ScheduledExecutorService prober;
    private final List<Waiter> waiting = new ArrayList<>();
    private volatile boolean available = true;
    /** System.nanoTime when the current outage began; meaningful while unavailable. */
    private volatile long downSince;
    private String probeBucket;
    private Duration nextProbe = FIRST_PROBE;

    StorageOutage(ObjectStorage store) {
        this.store = store;
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "autohair-storage-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A job found storage unavailable: hold it, and start an outage (and the probing) unless one
     * is on already.
     *
     * @param bucket a bucket the job uses, for the probe to ask about
     */
    synchronized void hold(String bucket, Waiter waiter) {
        waiting.add(waiter);
        probeBucket = bucket;
        if (available) {
            available = false;
            downSince = System.nanoTime();
            nextProbe = FIRST_PROBE;
            LOG.warn("object storage is unavailable: taking no new jobs, holding those in flight, probing");
            schedule();
        }
    }

    boolean available() {
        return available;
    }

    /** How long storage has been unavailable; empty while it answers. */
    Optional<Duration> unavailableFor() {
        long since = downSince;
        return available ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - since));
    }

    /** Jobs held for storage now. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void schedule() {
        if (!prober.isShutdown()) {
            prober.schedule(this::probe, nextProbe.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        String bucket;
        synchronized (this) {
            bucket = probeBucket;
        }
        try {
            store.ping(bucket);
        } catch (StorageUnavailableException e) {
            stillDown(e);
            return;
        } catch (RuntimeException e) {
            LOG.debug("storage probe answered with {}: storage is up", e.toString());
        }
        back();
    }

    private void back() {
        List<Waiter> resumed;
        Duration outage;
        synchronized (this) {
            outage = Duration.ofNanos(System.nanoTime() - downSince);
            resumed = List.copyOf(waiting);
            waiting.clear();
            available = true;
        }
        LOG.info("object storage answers again after {} ms; resuming {} held jobs and taking jobs again",
                outage.toMillis(), resumed.size());
        for (Waiter waiter : resumed) {
            waiter.storageBack();
        }
    }

    private void stillDown(StorageUnavailableException e) {
        List<Waiter> held;
        synchronized (this) {
            held = List.copyOf(waiting);
        }
        List<Waiter> gaveUp = new ArrayList<>();
        for (Waiter waiter : held) {
            if (!waiter.keepWaiting()) {
                gaveUp.add(waiter);
            }
        }
        synchronized (this) {
            waiting.removeAll(gaveUp);
            nextProbe = nextProbe.multipliedBy(2).compareTo(MAX_PROBE) > 0 ? MAX_PROBE : nextProbe.multipliedBy(2);
            LOG.info("object storage still unavailable after {} s ({} jobs held, next probe in {} ms): {}",
                    Duration.ofNanos(System.nanoTime() - downSince).toSeconds(), waiting.size(), nextProbe.toMillis(),
                    e.getMessage());
            schedule();
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
