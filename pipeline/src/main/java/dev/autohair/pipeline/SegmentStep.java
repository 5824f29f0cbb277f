package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.pipeline.segmentation.Segmentation;
import java.util.List;

/**
 * Segmentation for every image whose guide asks for it: the models chosen per image, each called
 * once for its share of the micro-batch. An image no model could segment fails alone.
 */
final class SegmentStep extends BatchStep {

    private final Segmentation segmentation;

    SegmentStep(Segmentation segmentation) {
        this.segmentation = segmentation;
    }

    @Override
    public JobStage stage() {
        return JobStage.SEGMENT;
    }

    @Override
    boolean appliesTo(CutoutTask task) {
        return task.guide().needsSegmentation();
    }

    @Override
    void apply(List<CutoutTask> tasks) {
        List<Segmentation.Outcome> outcomes = segmentation.segment(tasks.stream()
                .map(t -> new Segmentation.Request(t.image(), t.options().subject(), t.options().subjectClasses()))
                .toList());
        for (int i = 0; i < tasks.size(); i++) {
            CutoutTask task = tasks.get(i);
            Segmentation.Outcome outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                task.fail(stage(), outcome.failure());
            } else {
                task.segmented(outcome.mask());
                task.usedModel(outcome.model());
            }
        }
    }
}
