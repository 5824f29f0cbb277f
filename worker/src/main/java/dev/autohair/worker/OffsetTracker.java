package dev.autohair.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed. Jobs finish out of order (batches, pools), but a commit says
 * "everything before this offset is done", so each partition commits only up to its lowest
 * unfinished offset. Thread-safe: pools mark jobs done while the poll thread asks what to commit.
 */
public final class OffsetTracker {

    /** Per partition: offset → finished? for every offset taken and not yet committed. */
    private final Map<TopicPartition, NavigableMap<Long, Boolean>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    public synchronized void started(TopicPartition partition, long offset) {
        pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, false);
    }

    public synchronized void finished(TopicPartition partition, long offset) {
        NavigableMap<Long, Boolean> offsets = pending.get(partition);
        if (offsets != null && offsets.containsKey(offset)) {
            offsets.put(offset, true);
        }
    }

    /**
     * The offset to commit for {@code partition} (one past the last contiguous finished job), if
     * it moved since the last call; advancing it forgets the finished prefix.
     */
    public synchronized Optional<Long> advance(TopicPartition partition) {
        NavigableMap<Long, Boolean> offsets = pending.get(partition);
        if (offsets == null) {
            return Optional.empty();
        }
        Long next = null;
        while (!offsets.isEmpty() && offsets.firstEntry().getValue()) {
            next = offsets.pollFirstEntry().getKey() + 1;
        }
        if (next == null || next.equals(committed.get(partition))) {
            return Optional.empty();
        }
        committed.put(partition, next);
        return Optional.of(next);
    }

    /** Jobs taken but not finished, over all partitions: what back-pressure counts. */
    public synchronized int inFlight() {
        int count = 0;
        for (NavigableMap<Long, Boolean> offsets : pending.values()) {
            for (boolean done : offsets.values()) {
                if (!done) {
                    count++;
                }
            }
        }
        return count;
    }

    public synchronized int inFlight(TopicPartition partition) {
        NavigableMap<Long, Boolean> offsets = pending.get(partition);
        return offsets == null ? 0 : (int) offsets.values().stream().filter(done -> !done).count();
    }

    /** The partition was revoked: whatever is still running there will be redelivered elsewhere. */
    public synchronized void forget(TopicPartition partition) {
        pending.remove(partition);
        committed.remove(partition);
    }

    public synchronized Iterable<TopicPartition> partitions() {
        return new java.util.ArrayList<>(pending.keySet());
    }
}
