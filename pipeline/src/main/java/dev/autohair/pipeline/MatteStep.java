package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.image.Matte;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.pipeline.matting.MattingStrategy;
import dev.autohair.pipeline.trimap.TrimapImages;
import java.util.List;

/**
 * Alpha from the matting strategy, for every task it is given at once: the whole micro-batch on
 * the model thread, or one image on a CPU thread (the pipeline decides which).
 */
final class MatteStep extends BatchStep {

    private final MattingStrategy matting;
    private final ModelInfo model;

    MatteStep(MattingStrategy matting) {
        this.matting = matting;
        this.model = new ModelInfo(ModelRole.MATTING, matting.method(), matting.version());
    }

    @Override
    public JobStage stage() {
        return JobStage.MATTE;
    }

    @Override
    void apply(List<CutoutTask> tasks) {
        List<Matte> alphas = matting.matte(tasks.stream()
                .map(t -> new MattingInput(t.image(), t.trimap(), t.guidingMask().orElse(null)))
                .toList());
        for (int i = 0; i < tasks.size(); i++) {
            CutoutTask task = tasks.get(i);
            task.alpha(alphas.get(i));
            if (task.trimap() == null) { // trimap-free: its sure regions, for the debugging output
                task.trimap(TrimapImages.fromGrey(alphas.get(i)));
            }
            task.usedModel(model);
        }
    }
}
