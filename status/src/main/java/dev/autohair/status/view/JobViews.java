package dev.autohair.status.view;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the view's store. Lists and totals scan the whole store (one small record per job): fine for
 * the jobs a retention period holds, not for millions.
 */
public final class JobViews {

    private static final Comparator<JobView> RECENT_FIRST = Comparator.comparing(JobView::updatedAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(JobView::jobId);

    private final Supplier<ReadOnlyKeyValueStore<String, JobView>> store;

    /** @param store the store now; may throw InvalidStateStoreException while Streams rebalances */
    public JobViews(Supplier<ReadOnlyKeyValueStore<String, JobView>> store) {
        this.store = store;
    }

    public Optional<JobView> get(String jobId) {
        return Optional.ofNullable(store.get().get(jobId));
    }

    public List<JobView> find(JobQuery query) {
        List<JobView> matching = new ArrayList<>();
        try (KeyValueIterator<String, JobView> all = store.get().all()) {
            all.forEachRemaining(kv -> {
                if (query.matches(kv.value)) {
                    matching.add(kv.value);
                }
            });
        }
        matching.sort(RECENT_FIRST);
        return List.copyOf(matching.subList(0, Math.min(query.limit(), matching.size())));
    }

    public JobStats stats(Instant now) {
        Map<String, Long> byState = new TreeMap<>();
        Map<ErrorCode, Long> errors = new EnumMap<>(ErrorCode.class);
        Map<JobStage, long[]> timings = new EnumMap<>(JobStage.class);
        long jobs = 0;
        long recent = 0;
        long failed = 0;
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        LastHour lastHour = new LastHour(now);
        try (KeyValueIterator<String, JobView> all = store.get().all()) {
            while (all.hasNext()) {
                JobView v = all.next().value;
                jobs++;
                byState.merge(v.state(), 1L, Long::sum);
                Instant end = v.finishedAt() != null ? v.finishedAt() : v.finished() ? v.updatedAt() : null;
                if (end != null && !end.isBefore(minuteAgo)) {
                    recent++;
                }
                lastHour.add(v, end);
                if (v.failed()) {
                    failed++;
                    if (v.error() != null) {
                        errors.merge(v.error().code(), 1L, Long::sum);
                    }
                }
                v.timingsMs().forEach((stage, ms) -> {
                    long[] sumCount = timings.computeIfAbsent(stage, s -> new long[2]);
                    sumCount[0] += ms;
                    sumCount[1]++;
                });
            }
        }
        Map<JobStage, Long> means = new EnumMap<>(JobStage.class);
        timings.forEach((stage, sc) -> means.put(stage, Math.round((double) sc[0] / sc[1])));
        return new JobStats(jobs, byState, recent, failed, errors, means, lastHour.minutes());
    }
}
