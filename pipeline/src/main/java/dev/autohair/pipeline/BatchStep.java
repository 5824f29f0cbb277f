package dev.autohair.pipeline;

import java.util.List;

/**
 * A stage done in one call over the whole micro-batch (a model's forward pass). Each image is
 * charged the batch's time, since that is how long it waited; if the call fails, every image in it
 * fails. A step may also fail single images ({@link CutoutTask#fail}) and keep the rest.
 */
abstract class BatchStep implements Step {

    @Override
    public final void run(List<CutoutTask> tasks) {
        List<CutoutTask> ready = tasks.stream().filter(t -> !t.failed() && appliesTo(t)).toList();
        if (ready.isEmpty()) {
            return;
        }
        ready.forEach(t -> t.started(stage()));
        long start = System.nanoTime();
        try {
            apply(ready);
        } catch (RuntimeException e) {
            ready.forEach(t -> t.fail(stage(), e));
            return;
        }
        long elapsed = System.nanoTime() - start;
        ready.stream().filter(t -> !t.failed()).forEach(t -> t.finished(stage(), elapsed));
    }

    boolean appliesTo(CutoutTask task) {
        return true;
    }

    abstract void apply(List<CutoutTask> tasks);
}
