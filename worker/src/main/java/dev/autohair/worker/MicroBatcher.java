package dev.autohair.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers items from every partition into batches for the model stage: a batch closes when it
 * holds {@code maxBatch} items, when the next item would take it over {@code maxWeight} (pixels:
 * large images must not exhaust device memory), or when its first item has waited
 * {@code maxDelay}. An item heavier than the budget runs alone. Batches run one at a time on the
 * batcher's own thread, which owns the accelerator.
 */
public final class MicroBatcher<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);

    private final int maxBatch;
    private final long maxDelayNanos;
    private final ToLongFunction<T> weight;
    private final long maxWeight;
    private final Consumer<List<T>> handler;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    /** The item that closed the last batch by weight; it opens the next. Batcher thread only. */
    private T carried;

    public MicroBatcher(String name, int maxBatch, Duration maxDelay, Consumer<List<T>> handler) {
        this(name, maxBatch, maxDelay, item -> 0, Long.MAX_VALUE, handler);
    }

    /** With a weight budget per batch: {@code weight} of an item (e.g. its pixels), at most {@code maxWeight} in all. */
    public MicroBatcher(String name, int maxBatch, Duration maxDelay, ToLongFunction<T> weight, long maxWeight,
            Consumer<List<T>> handler) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be at least 1, got " + maxWeight);
        }
        this.weight = weight;
        this.maxWeight = maxWeight;
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
        while (!closing || !queue.isEmpty() || carried != null) {
            try {
                T first = carried != null ? carried : queue.poll(50, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                List<T> batch = new ArrayList<>(maxBatch);
                batch.add(first);
                long total = weight.applyAsLong(first);
                long deadline = System.nanoTime() + maxDelayNanos;
                while (batch.size() < maxBatch && total < maxWeight) {
                    long wait = deadline - System.nanoTime();
                    T next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    long w = weight.applyAsLong(next);
                    if (total + w > maxWeight) {
                        carried = next;
                        break;
                    }
                    batch.add(next);
                    total += w;
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
