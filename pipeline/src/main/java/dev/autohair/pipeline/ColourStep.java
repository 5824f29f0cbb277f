package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.common.image.RgbImage;
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
        // the task drops the photo once it has the cutout, so where no caller holds the photo
        // either, the foreground may take its place
        RgbImage foreground = task.decodedHere() ? colours.estimateConsuming(task.image(), task.alpha())
                : colours.estimate(task.image(), task.alpha());
        task.cutout(new Cutout(foreground, task.alpha()));
    }
}
