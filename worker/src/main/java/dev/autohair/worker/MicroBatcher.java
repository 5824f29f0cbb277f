package dev.autohair.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers items from every partition into batches for the model stage: a batch closes when it
 * holds {@code maxBatch} items or its first item has waited {@code maxDelay}. Batches run one
 * at a time on the batcher's own thread, which owns the accelerator.
 */
public final class MicroBatcher<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);

    private final int maxBatch;
    private final long maxDelayNanos;
    private final Consumer<List<T>> handler;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    public MicroBatcher(String name, int maxBatch, Duration maxDelay, Consumer<List<T>> handler) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        this.handler = handler;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void submit(T item) {
        if (closing) {
            throw new IllegalStateException("batcher is closed");
        }
        queue.add(item);
    }

    public int queued() {
        return queue.size();
    }

    private void loop() {
        while (!closing || !queue.isEmpty()) {
            try {
                T first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<T> batch = new ArrayList<>(maxBatch);
                batch.add(first);
                long deadline = System.nanoTime() + maxDelayNanos;
                while (batch.size() < maxBatch) {
                    long wait = deadline - System.nanoTime();
                    T next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                handler.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The handler owns per-item failures; this keeps the model thread alive regardless.
                LOG.error("batch handler failed", e);
            }
        }
    }

    /** Runs what is queued, then stops (waiting up to a minute for the last batch). */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
