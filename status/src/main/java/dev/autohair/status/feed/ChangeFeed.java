package dev.autohair.status.feed;

import dev.autohair.status.view.JobView;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Hands every change of the view to its subscribers (the {@code /events} streams). Publishing never
 * blocks the Streams thread: a subscriber whose queue is full is cut off and must reconnect.
 */
public final class ChangeFeed implements BiConsumer<String, JobView> {

    private final int queueSize;
    private final int maxSubscribers;
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public ChangeFeed(int queueSize, int maxSubscribers) {
        this.queueSize = queueSize;
        this.maxSubscribers = maxSubscribers;
    }

    @Override
    public void accept(String jobId, JobView view) {
        for (Subscription s : subscriptions) {
            if (!s.queue.offer(view)) {
                s.overflowed = true;
                subscriptions.remove(s);
            }
        }
    }

    /** A new subscription, or empty when {@code maxSubscribers} are already listening. */
    public synchronized Optional<Subscription> subscribe() {
        if (subscriptions.size() >= maxSubscribers) {
            return Optional.empty();
        }
        Subscription s = new Subscription(new ArrayBlockingQueue<>(queueSize));
        subscriptions.add(s);
        return Optional.of(s);
    }

    public int subscribers() {
        return subscriptions.size();
    }

    /** One listener's changes, in the order the view made them. Close it when the client leaves. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<JobView> queue;
        private volatile boolean overflowed;

        private Subscription(BlockingQueue<JobView> queue) {
            this.queue = queue;
        }

        /** The next change, or null after {@code timeoutMs} without one. */
        public JobView next(long timeoutMs) throws InterruptedException {
            return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        }

        /** Whether the listener fell too far behind and was cut off. */
        public boolean overflowed() {
            return overflowed;
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
