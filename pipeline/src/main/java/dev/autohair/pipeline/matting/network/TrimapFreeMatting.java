package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.segmentation.Segmenter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A matting network that predicts alpha from the image alone, in the pipeline's segmenter slot:
 * its "mask" is already the final alpha matte, so a pipeline built with
 * {@code CutoutPipeline.trimapFree} skips trimap and matting for it. Whole-image inference
 * (resized to the model's multiple, capped at {@code maxSide}), batched over same-size images.
 * Thread-safe.
 */
public final class TrimapFreeMatting implements Segmenter {

    private final TorchScriptModel model;
    private final WholeImageInference whole;

    private TrimapFreeMatting(TorchScriptModel model, int maxSide, int maxBatch) {
        this.model = model;
        this.whole = new WholeImageInference(model, maxSide, maxBatch);
    }

    /**
     * @throws MattingModelException when the file is missing or the engine cannot load it
     * @throws IllegalArgumentException when the contract takes a trimap (use {@link NetworkMatting})
     */
    public static TrimapFreeMatting load(Path file, MattingModelContract contract, int maxSide, int maxBatch) {
        if (contract.takesTrimap()) {
            throw new IllegalArgumentException("model contract " + contract.name()
                    + " takes a trimap: load it as NetworkMatting");
        }
        TorchScriptModel model = TorchScriptModel.load(file, contract);
        try {
            return new TrimapFreeMatting(model, maxSide, maxBatch);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public List<Matte> segment(List<RgbImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        List<float[]> alphas = whole.run(images, null);
        List<Matte> mattes = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            mattes.add(new Matte(images.get(i).width(), images.get(i).height(), alphas.get(i)));
        }
        return mattes;
    }

    @Override
    public String modelName() {
        return model.contract().name();
    }

    @Override
    public String modelVersion() {
        return model.version();
    }

    @Override
    public void close() {
        model.close();
    }
}
