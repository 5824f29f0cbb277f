package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.pipeline.output.Renderer;

/** Composes and encodes the outputs the task's options ask for. */
final class RenderStep extends PerImageStep {

    private final Renderer renderer = new Renderer();

    @Override
    public JobStage stage() {
        return JobStage.ENCODE;
    }

    @Override
    void apply(CutoutTask task) {
        task.outputs(renderer.render(task.cutout(), task.trimap(), task.guidingMask(), task.options()));
    }
}
