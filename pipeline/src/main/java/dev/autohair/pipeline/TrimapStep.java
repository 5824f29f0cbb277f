package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.pipeline.trimap.Trimaps;

/** The trimap from the guiding mask and the task's band option, unless the caller gave one. */
final class TrimapStep extends PerImageStep {

    @Override
    public JobStage stage() {
        return JobStage.TRIMAP;
    }

    @Override
    void apply(CutoutTask task) {
        task.trimap(task.guide().trimap(task.guidingMask(), Trimaps.forSpec(task.options().trimap())));
    }
}
