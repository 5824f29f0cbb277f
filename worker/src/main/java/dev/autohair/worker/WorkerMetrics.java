package dev.autohair.worker;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import java.util.Map;

/**
 * What the worker reports as it runs. The worker calls it at a few points and never reads it back;
 * implementations must be thread-safe and cheap (they run on the pipeline's threads).
 */
public interface WorkerMetrics {

    /** Reports nothing: for runs that nobody monitors. */
    WorkerMetrics NONE = new WorkerMetrics() {
    };

    /**
     * A job ended for good: {@code state} is SUCCEEDED, FAILED or DEAD_LETTERED; {@code error} is
     * null on success; {@code timingsMs} holds the last attempt's time per stage.
     */
    default void jobEnded(JobState state, ErrorCode error, Map<JobStage, Long> timingsMs) {
    }

    /** A job failed transiently and will be attempted again. */
    default void jobRetried(ErrorCode error) {
    }

    /** One segmentation forward pass over {@code size} jobs took {@code nanos}. */
    default void batch(int size, long nanos) {
    }
}
