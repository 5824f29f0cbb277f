package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;

/** Hands the rendered outputs to the caller's sink. */
final class StoreStep extends PerImageStep {

    @Override
    public JobStage stage() {
        return JobStage.STORE;
    }

    @Override
    boolean appliesTo(CutoutTask task) {
        return task.sink() != null;
    }

    @Override
    void apply(CutoutTask task) {
        task.sink().store(task.outputs());
    }
}
