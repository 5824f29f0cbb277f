package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;

/** Reads the encoded input from the caller's source. */
final class FetchStep extends PerImageStep {

    @Override
    public JobStage stage() {
        return JobStage.FETCH;
    }

    @Override
    boolean appliesTo(CutoutTask task) {
        return task.source() != null;
    }

    @Override
    void apply(CutoutTask task) {
        task.encoded(task.source().read());
    }
}
