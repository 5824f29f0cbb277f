package dev.autohair.pipeline.segmentation;

/**
 * What a segmentation model reads. Each pixel's RGB in [0, 1] becomes
 * {@code ((v × (max − min) + min) − mean) / std} per channel for float input, or the byte
 * {@code round(v × 255)} for uint8 input (then range, mean and std must be the identity).
 *
 * @param resize   how an image becomes the model's input size
 * @param width    input width for {@link Resize#STRETCH}; ignored otherwise
 * @param height   input height for {@link Resize#STRETCH}; ignored otherwise
 * @param maxSide  longest side for {@link Resize#FIT_LONGEST} (smaller images keep their size)
 * @param layout   where the channel axis is
 * @param type     the input tensor's element type
 * @param order    channel order the model expects
 */
public record InputContract(
        Resize resize, int width, int height, int maxSide, TensorLayout layout, ValueType type, float min, float max,
        PerChannel mean, PerChannel std, ChannelOrder order) {

    public enum Resize {
        /** To exactly width × height, aspect ignored (a fixed-size network: whole batches in one pass). */
        STRETCH,
        /** Longest side down to maxSide, aspect kept (DeepLab's rule): images of one size share a pass. */
        FIT_LONGEST
    }

    public enum ValueType { FLOAT32, UINT8 }

    public enum ChannelOrder { RGB, BGR }

    public InputContract {
        if (resize == null || layout == null || type == null || order == null) {
            throw new InvalidModelSpecException("input: resize, layout, type and channelOrder are required");
        }
        mean = mean == null ? PerChannel.ZERO : mean;
        std = std == null ? PerChannel.ONE : std;
        if (resize == Resize.STRETCH && (width < 1 || height < 1 || width > 8192 || height > 8192)) {
            throw new InvalidModelSpecException("input.width and input.height must be 1-8192 for resize=stretch, got "
                    + width + "x" + height);
        }
        if (resize == Resize.FIT_LONGEST && (maxSide < 1 || maxSide > 8192)) {
            throw new InvalidModelSpecException("input.maxSide must be 1-8192 for resize=fit_longest, got " + maxSide);
        }
        if (!(max > min)) {
            throw new InvalidModelSpecException("input.range must rise: min " + min + " is not below max " + max);
        }
        for (int c = 0; c < 3; c++) {
            if (!(std.get(c) != 0 && Float.isFinite(std.get(c)))) {
                throw new InvalidModelSpecException("input.std must be finite and non-zero, got " + std);
            }
        }
        if (type == ValueType.UINT8 && (min != 0 || max != 255 || !mean.equals(PerChannel.ZERO) || !std.equals(PerChannel.ONE))) {
            throw new InvalidModelSpecException("uint8 input takes bytes as they are: use range [0, 255], no mean and"
                    + " std 1 (the model must normalise inside its graph)");
        }
    }

    /** Fixed-size float input in [min, max], NHWC RGB, no normalisation. */
    public static InputContract stretchFloat(int width, int height, float min, float max) {
        return new InputContract(Resize.STRETCH, width, height, 0, TensorLayout.NHWC, ValueType.FLOAT32, min, max,
                PerChannel.ZERO, PerChannel.ONE, ChannelOrder.RGB);
    }

    /** DeepLab's published contract: uint8 NHWC RGB, longest side at most {@code maxSide}. */
    public static InputContract fitLongestUint8(int maxSide) {
        return new InputContract(Resize.FIT_LONGEST, 0, 0, maxSide, TensorLayout.NHWC, ValueType.UINT8, 0, 255,
                PerChannel.ZERO, PerChannel.ONE, ChannelOrder.RGB);
    }

    /** The model input size for an image of {@code imageWidth} × {@code imageHeight}: {width, height}. */
    public int[] sizeFor(int imageWidth, int imageHeight) {
        if (resize == Resize.STRETCH) {
            return new int[] {width, height};
        }
        int longest = Math.max(imageWidth, imageHeight);
        if (longest <= maxSide) {
            return new int[] {imageWidth, imageHeight};
        }
        double scale = (double) maxSide / longest;
        return new int[] {
            Math.max(1, (int) Math.round(imageWidth * scale)), Math.max(1, (int) Math.round(imageHeight * scale))};
    }
}
