package dev.autohair.pipeline.matting.network;

/**
 * The pre-processing half of a matting model call (DJL's Translator idea, in plain Java): a
 * window of an interleaved RGB image and its trimap labels becomes one element of a
 * channels-first batch, normalised as the model's contract says. Pixels of the window outside
 * the image repeat the nearest edge pixel, so a tile may hang over the border.
 */
final class PlanarInput {

    private final MattingModelContract contract;

    PlanarInput(MattingModelContract contract) {
        this.contract = contract;
    }

    /**
     * Writes batch element {@code element}: the {@code outWidth} x {@code outHeight} window at
     * ({@code x0}, {@code y0}) of a {@code width} x {@code height} image.
     *
     * @param rgb interleaved RGB in [0, 1]
     * @param labels trimap labels (0 / 128 / 255, one byte per pixel), or null for a trimap-free model
     */
    void write(float[] rgb, byte[] labels, int width, int height, int x0, int y0, int outWidth, int outHeight,
            float[] batch, int element) {
        if (contract.takesTrimap() != (labels != null)) {
            throw new IllegalArgumentException(contract.takesTrimap() ? "this model needs a trimap" : "this model takes no trimap");
        }
        int plane = outWidth * outHeight;
        int base = element * contract.inputChannels() * plane;
        RgbNormalisation norm = contract.rgb();
        for (int y = 0; y < outHeight; y++) {
            int sy = Math.min(height - 1, Math.max(0, y0 + y));
            for (int x = 0; x < outWidth; x++) {
                int sx = Math.min(width - 1, Math.max(0, x0 + x));
                int p = sy * width + sx;
                int o = base + y * outWidth + x;
                batch[o] = norm.apply(0, rgb[3 * p]);
                batch[o + plane] = norm.apply(1, rgb[3 * p + 1]);
                batch[o + 2 * plane] = norm.apply(2, rgb[3 * p + 2]);
                if (labels != null) {
                    batch[o + 3 * plane] = contract.trimap().encode(labels[p] & 0xFF);
                }
            }
        }
    }
}
