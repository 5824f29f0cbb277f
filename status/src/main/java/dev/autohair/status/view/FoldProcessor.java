package dev.autohair.status.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each update into its job's view in the store, tells {@code changes} about real changes only
 * (late and duplicate events change nothing), and once a minute deletes views that finished more
 * than {@code retention} ago, so the store holds recent jobs rather than every job ever.
 */
final class FoldProcessor implements Processor<String, JobUpdate, Void, Void> {

    static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(1);

    private final Duration retention;
    private final BiConsumer<String, JobView> changes;
    private KeyValueStore<String, JobView> store;

    FoldProcessor(Duration retention, BiConsumer<String, JobView> changes) {
        this.retention = retention;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StatusTopology.STORE);
        context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> expire(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, JobUpdate> record) {
        String id = record.key();
        if (id == null) {
            return; // every contract message is keyed by job id; an unkeyed one cannot be placed
        }
        JobView before = store.get(id);
        JobView after = (before == null ? JobView.empty(id) : before).apply(record.value());
        if (!after.equals(before)) {
            store.put(id, after);
            changes.accept(id, after);
        }
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, JobView> all = store.all()) {
            all.forEachRemaining(kv -> {
                Instant end = kv.value.finishedAt() != null ? kv.value.finishedAt() : kv.value.updatedAt();
                if (kv.value.finished() && end != null && end.isBefore(cutoff)) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(store::delete);
    }
}
