package dev.autohair.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events first, offsets after: a job is finished once the broker acknowledged its final events,
 * and its offset is committed by the consumer later. A crash between the two redelivers the job,
 * which then publishes its result a second time ({@code AUTOHAIR_DELIVERY=at-least-once}).
 */
final class AtLeastOnceDelivery implements Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(AtLeastOnceDelivery.class);

    private final OffsetTracker tracker;

    AtLeastOnceDelivery(OffsetTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void start() {
    }

    @Override
    public CompletableFuture<Void> progress(OffsetTracker.Ticket ticket, Supplier<CompletableFuture<Void>> send) {
        return send.get();
    }

    @Override
    public CompletableFuture<Void> settle(OffsetTracker.Ticket ticket, Supplier<List<CompletableFuture<Void>>> sends) {
        return CompletableFuture.allOf(sends.get().toArray(CompletableFuture[]::new))
                .thenRun(() -> tracker.finished(ticket));
    }

    @Override
    public void commit(Consumer<String, byte[]> consumer, Supplier<Map<TopicPartition, OffsetAndMetadata>> offsets,
            boolean sync, Runnable then) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committable = offsets.get();
            if (committable.isEmpty()) {
                return;
            }
            if (sync) {
                consumer.commitSync(committable);
            } else {
                consumer.commitAsync(committable, (committed, error) -> {
                    if (error != null) {
                        LOG.warn("offset commit failed (a later commit covers it): {}", error.toString());
                    }
                });
            }
        } finally {
            then.run();
        }
    }

    @Override
    public void rewind(Runnable seek) {
        tracker.forgetAll();
        seek.run();
    }

    @Override
    public Throwable lost() {
        return null; // their unfinished jobs are redelivered; what finished here stays published
    }
}
