package dev.autohair.pipeline.matting.network;

/**
 * What a TorchScript matting network expects and returns.
 *
 * <p>Input: one float tensor {@code [N, C, H, W]} (channels first), H and W multiples of
 * {@code sizeMultiple}; channels 0-2 RGB in [0, 1] normalised by {@code rgb}; channel 3, when
 * {@code trimap} is not {@link TrimapChannel#NONE}, the trimap encoded by it. Output: one float
 * tensor {@code [N, 1, H, W]} (or {@code [N, H, W]}) holding alpha in [0, 1].
 */
public record MattingModelContract(String name, RgbNormalisation rgb, TrimapChannel trimap, int sizeMultiple) {

    /**
     * Deep Image Matting as {@code tools/dim/export_dim.py} exports it: five 2x2 poolings, so sides
     * are multiples of 32; ImageNet-normalised RGB plus trimap / 255.
     */
    public static final MattingModelContract DEEP_IMAGE_MATTING =
            new MattingModelContract("deep-image-matting", RgbNormalisation.IMAGENET, TrimapChannel.DIVIDED_BY_255, 32);

    /** A trimap-free network with the same encoder conventions: ImageNet-normalised RGB only. */
    public static final MattingModelContract TRIMAP_FREE =
            new MattingModelContract("trimap-free-matting", RgbNormalisation.IMAGENET, TrimapChannel.NONE, 32);

    public MattingModelContract {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a matting model needs a name");
        }
        if (sizeMultiple <= 0) {
            throw new IllegalArgumentException("size multiple must be positive, got " + sizeMultiple);
        }
    }

    public int inputChannels() {
        return trimap.inputChannels();
    }

    public boolean takesTrimap() {
        return trimap != TrimapChannel.NONE;
    }

    /** The same contract under another name (a model file of this contract with its own weights). */
    public MattingModelContract named(String newName) {
        return new MattingModelContract(newName, rgb, trimap, sizeMultiple);
    }
}
