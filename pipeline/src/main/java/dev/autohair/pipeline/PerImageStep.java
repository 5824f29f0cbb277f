package dev.autohair.pipeline;

import java.util.List;

/** A stage done image by image: one image's failure stays its own. */
abstract class PerImageStep implements Step {

    @Override
    public final void run(List<CutoutTask> tasks) {
        for (CutoutTask task : tasks) {
            if (!task.failed() && appliesTo(task)) {
                task.perform(stage(), () -> apply(task));
            }
        }
    }

    /** Whether this task takes the stage at all (a given image needs no fetch). */
    boolean appliesTo(CutoutTask task) {
        return true;
    }

    abstract void apply(CutoutTask task);
}
