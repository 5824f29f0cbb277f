package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.image.Matte;
import dev.autohair.pipeline.segmentation.Segmenter;
import java.util.ArrayList;
import java.util.List;

/** One forward pass of the segmentation model for every image whose guide asks for it. */
final class SegmentStep extends BatchStep {

    private final Segmenter segmenter;

    SegmentStep(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public JobStage stage() {
        return JobStage.SEGMENT;
    }

    @Override
    boolean appliesTo(CutoutTask task) {
        return task.guide().needsSegmentation();
    }

    /** A subject the model does not know fails that image alone, before the batch runs. */
    @Override
    List<CutoutTask> prepare(List<CutoutTask> tasks) {
        List<CutoutTask> ready = new ArrayList<>();
        for (CutoutTask task : tasks) {
            try {
                segmenter.checkSubject(task.options().subjectClasses());
                ready.add(task);
            } catch (RuntimeException e) {
                task.fail(stage(), e);
            }
        }
        return ready;
    }

    @Override
    void apply(List<CutoutTask> tasks) {
        List<Matte> masks = segmenter.segment(tasks.stream().map(CutoutTask::image).toList(),
                tasks.stream().map(t -> t.options().subjectClasses()).toList());
        ModelInfo model = new ModelInfo(ModelRole.SEGMENTATION, segmenter.modelName(), segmenter.modelVersion());
        for (int i = 0; i < tasks.size(); i++) {
            tasks.get(i).segmented(masks.get(i));
            tasks.get(i).usedModel(model);
        }
    }
}
