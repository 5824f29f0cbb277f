package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;

/** A stage of one cutout failed; the cause says why, {@link #stage()} says where. */
public final class StageFailedException extends RuntimeException {

    private final JobStage stage;

    public StageFailedException(JobStage stage, RuntimeException cause) {
        super(stage.wireName() + " failed: " + cause.getMessage(), cause);
        this.stage = stage;
    }

    public JobStage stage() {
        return stage;
    }

    /** The exception the stage threw. */
    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
