package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.pipeline.matting.MattingStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Alpha matting by a trained network (Deep Image Matting or any TorchScript model of the same
 * {@link MattingModelContract}) run through DJL's PyTorch engine, in one of the network's original
 * inference modes: the whole image resized, or full-resolution tiles over the unknown band (see
 * {@link InferenceMode}). Known regions of the trimap are clamped to exactly 0 / 1, and an image
 * without unknown pixels never reaches the network.
 *
 * <p>{@link #matte(List)} batches: same-size images (whole-image mode) or all tiles of all
 * images (tile mode) share forward passes of up to {@code maxBatch}. Thread-safe.
 */
public final class NetworkMatting implements MattingStrategy {

    public static final int DEFAULT_MAX_BATCH = 4;
    private static final int WARM_UP_SIDE = 64;

    private final TorchScriptModel model;
    private final InferenceMode mode;
    private final WholeImageInference whole;
    private final TiledInference tiled;

    private NetworkMatting(TorchScriptModel model, InferenceMode mode, int maxBatch) {
        this.model = model;
        this.mode = mode;
        this.whole = mode instanceof InferenceMode.WholeImage w ? new WholeImageInference(model, w.maxSide(), maxBatch) : null;
        this.tiled = mode instanceof InferenceMode.Tiles t ? new TiledInference(model, t, maxBatch) : null;
    }

    /**
     * Loads a TorchScript file that takes a trimap channel.
     *
     * @throws MattingModelException when the file is missing or the engine cannot load it
     * @throws IllegalArgumentException when the contract takes no trimap (use {@link TrimapFreeMatting})
     *     or the mode does not fit the contract
     */
    public static NetworkMatting load(Path file, MattingModelContract contract, InferenceMode mode, int maxBatch) {
        if (!contract.takesTrimap()) {
            throw new IllegalArgumentException("model contract " + contract.name()
                    + " takes no trimap: load it as TrimapFreeMatting");
        }
        TorchScriptModel model = TorchScriptModel.load(file, contract);
        try {
            return new NetworkMatting(model, mode, maxBatch);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public Matte estimate(RgbImage image, Trimap trimap) {
        return matte(List.of(new MattingInput(image, trimap))).get(0);
    }

    /** Mattes in input order; the network ignores the mask prior. */
    @Override
    public List<Matte> matte(List<MattingInput> inputs) {
        List<MattingInput> needed = new ArrayList<>();
        for (MattingInput input : inputs) {
            if (input.trimap().unknownCount() > 0) {
                needed.add(input);
            }
        }
        List<float[]> predicted = needed.isEmpty() ? List.of() : predict(needed);
        List<Matte> mattes = new ArrayList<>(inputs.size());
        int next = 0;
        for (MattingInput input : inputs) {
            Trimap trimap = input.trimap();
            float[] alpha = trimap.unknownCount() > 0 ? predicted.get(next++) : new float[trimap.labels().length];
            mattes.add(new Matte(trimap.width(), trimap.height(), clampKnown(alpha, trimap)));
        }
        return mattes;
    }

    private List<float[]> predict(List<MattingInput> inputs) {
        if (tiled != null) {
            return tiled.run(inputs);
        }
        return whole.run(inputs.stream().map(MattingInput::image).toList(), inputs.stream().map(MattingInput::trimap).toList());
    }

    /** The trimap is the user's (or the segmenter's) word where it is sure; the network only fills the band. */
    private static float[] clampKnown(float[] alpha, Trimap trimap) {
        for (int i = 0; i < alpha.length; i++) {
            if (trimap.isForeground(i)) {
                alpha[i] = 1;
            } else if (trimap.isBackground(i)) {
                alpha[i] = 0;
            }
        }
        return alpha;
    }

    @Override
    public String method() {
        return model.contract().name();
    }

    /** Which weights ran: a digest of the model file. */
    @Override
    public String version() {
        return model.version();
    }

    @Override
    public boolean takesTrimap() {
        return true;
    }

    @Override
    public Batching batching() {
        return Batching.MICRO_BATCH;
    }

    /** One forward pass over a small image that is all unknown, so it reaches the network. */
    @Override
    public void warmUp() {
        int side = WARM_UP_SIDE;
        byte[] unknown = new byte[side * side];
        Arrays.fill(unknown, (byte) Trimap.UNKNOWN);
        estimate(RgbImage.blank(side, side), new Trimap(side, side, unknown));
    }

    public InferenceMode mode() {
        return mode;
    }

    @Override
    public void close() {
        model.close();
    }
}
