package dev.autohair.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    /** A taken offset. The epoch tells a job from a partition this worker lost and got back. */
    public record Ticket(TopicPartition partition, long offset, long epoch) {
    }

    /** Per partition: offset → finished? for every offset taken and not yet committed. */
    private final Map<TopicPartition, NavigableMap<Long, Boolean>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> epochs = new HashMap<>();
    private long nextEpoch;

    public synchronized Ticket started(TopicPartition partition, long offset) {
        long epoch = epochs.computeIfAbsent(partition, p -> nextEpoch++);
        pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, false);
        return new Ticket(partition, offset, epoch);
    }

    public synchronized void finished(Ticket ticket) {
        if (!current(ticket)) {
            return; // the partition was revoked since: its new owner redoes this job
        }
        NavigableMap<Long, Boolean> offsets = pending.get(ticket.partition());
        if (offsets != null && offsets.containsKey(ticket.offset())) {
            offsets.put(ticket.offset(), true);
        }
    }

    /** Whether this ticket's job is still this worker's: taken, unfinished, and its partition not revoked since. */
    public synchronized boolean holds(Ticket ticket) {
        if (!current(ticket)) {
            return false;
        }
        NavigableMap<Long, Boolean> offsets = pending.get(ticket.partition());
        return offsets != null && Boolean.FALSE.equals(offsets.get(ticket.offset()));
    }

    /** Whether the ticket's partition is still this worker's, in the epoch the ticket was taken in. */
    public synchronized boolean current(Ticket ticket) {
        return Long.valueOf(ticket.epoch()).equals(epochs.get(ticket.partition()));
    }

    /**
     * The offset to commit for {@code partition} (one past the last contiguous finished job), if
     * it moved since the last call; advancing it forgets the finished prefix.
     */
    public synchronized Optional<Long> advance(TopicPartition partition) {
        NavigableMap<Long, Boolean> offsets = pending.get(partition);
        Long next = null;
        while (offsets != null && !offsets.isEmpty() && offsets.firstEntry().getValue()) {
            next = offsets.pollFirstEntry().getKey() + 1;
        }
        return Optional.ofNullable(next);
    }

    /** Jobs taken but not finished, over all partitions: what back-pressure counts. */
    public synchronized int inFlight() {
        int count = 0;
        for (TopicPartition partition : pending.keySet()) {
            count += inFlight(partition);
        }
        return count;
    }

    public synchronized int inFlight(TopicPartition partition) {
        NavigableMap<Long, Boolean> offsets = pending.get(partition);
        return offsets == null ? 0 : (int) offsets.values().stream().filter(done -> !done).count();
    }

    public synchronized int inFlight(Collection<TopicPartition> partitions) {
        return partitions.stream().mapToInt(this::inFlight).sum();
    }

    /** The partition was revoked or lost: whatever still runs there will be redelivered elsewhere. */
    public synchronized void forget(TopicPartition partition) {
        pending.remove(partition);
        epochs.remove(partition);
    }

    /** Every partition starts over (exactly-once after an aborted transaction): no job taken so far counts any more. */
    public synchronized void forgetAll() {
        pending.clear();
        epochs.clear();
    }

    public synchronized List<TopicPartition> partitions() {
        return new ArrayList<>(pending.keySet());
    }
}
