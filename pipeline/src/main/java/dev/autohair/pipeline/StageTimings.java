package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time spent per stage for one image. A batched stage reports the whole batch's time, since
 * that is how long the image waited for it.
 */
public final class StageTimings {

    private final EnumMap<JobStage, Long> nanos = new EnumMap<>(JobStage.class);

    public void record(JobStage stage, long elapsedNanos) {
        nanos.merge(stage, elapsedNanos, Long::sum);
    }

    public double millis(JobStage stage) {
        return nanos.getOrDefault(stage, 0L) / 1e6;
    }

    public Map<JobStage, Long> asNanos() {
        return Collections.unmodifiableMap(nanos);
    }

    public double totalMillis() {
        return nanos.values().stream().mapToLong(Long::longValue).sum() / 1e6;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        nanos.forEach((stage, ns) -> text.append(text.isEmpty() ? "" : ", ")
                .append(stage.wireName()).append(' ').append(Math.round(ns / 1e6)).append(" ms"));
        return text.toString();
    }
}
