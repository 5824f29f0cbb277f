package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;

/**
 * Hears each stage of one cutout as the pipeline runs it, so a caller (the worker's job flow, the
 * command line) can report progress without knowing the stage order.
 */
public interface StageListener {

    StageListener NONE = (stage, elapsedNanos, progress) -> {
    };

    /** The stage is about to run for this image. */
    default void started(JobStage stage) {
    }

    /**
     * The stage is done for this image.
     *
     * @param elapsedNanos the stage's wall time; a batched stage reports the whole batch's time
     * @param progress     the share of the job's stages done, in (0, 1)
     */
    void finished(JobStage stage, long elapsedNanos, double progress);
}
