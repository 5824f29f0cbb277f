package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.pipeline.matting.MattingStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A matting network that predicts alpha from the image alone: it takes no trimap, so the pipeline
 * runs neither segmentation nor trimap generation before it. Whole-image inference
 * (resized to the model's multiple, capped at {@code maxSide}), batched over same-size images.
 * Thread-safe.
 */
public final class TrimapFreeMatting implements MattingStrategy {

    private static final int WARM_UP_SIDE = 64;

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

    /** Alpha for each input's image; trimaps and priors, if any, are not used. */
    @Override
    public List<Matte> matte(List<MattingInput> inputs) {
        List<RgbImage> images = inputs.stream().map(MattingInput::image).toList();
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
    public String method() {
        return model.contract().name();
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public boolean takesTrimap() {
        return false;
    }

    @Override
    public Batching batching() {
        return Batching.MICRO_BATCH;
    }

    @Override
    public void warmUp() {
        matte(List.of(new MattingInput(RgbImage.blank(WARM_UP_SIDE, WARM_UP_SIDE), null)));
    }

    @Override
    public void close() {
        model.close();
    }
}
