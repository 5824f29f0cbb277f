package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.pipeline.colour.ForegroundEstimation;
import dev.autohair.pipeline.output.Cutout;

/** Foreground colours under fractional alpha, so the cutout carries no halo of the old background. */
final class ColourStep extends PerImageStep {

    private final ForegroundEstimation colours;

    ColourStep(ForegroundEstimation colours) {
        this.colours = colours;
    }

    @Override
    public JobStage stage() {
        return JobStage.COLOUR;
    }

    @Override
    void apply(CutoutTask task) {
        task.cutout(new Cutout(colours.estimate(task.image(), task.alpha()), task.alpha()));
    }
}
