package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.image.Resampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-image inference: each image is resized so both sides are multiples of the model's size
 * multiple and the longer one is at most {@code maxSide}; images that come out the same size
 * share forward passes of up to {@code maxBatch}; alpha is resized back to the image's size.
 */
final class WholeImageInference {

    private final TorchScriptModel model;
    private final PlanarInput input;
    private final int maxSide;
    private final int maxBatch;

    WholeImageInference(TorchScriptModel model, int maxSide, int maxBatch) {
        if (maxSide < model.contract().sizeMultiple()) {
            throw new IllegalArgumentException("max side " + maxSide + " is below the model's size multiple "
                    + model.contract().sizeMultiple());
        }
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("max batch must be positive, got " + maxBatch);
        }
        this.model = model;
        this.input = new PlanarInput(model.contract());
        this.maxSide = maxSide;
        this.maxBatch = maxBatch;
    }

    /** The network's input size for an image: {width, height}. */
    static int[] networkSize(int width, int height, int maxSide, int multiple) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int cap = maxSide / multiple * multiple;
        return new int[] {round(width * scale, multiple, cap), round(height * scale, multiple, cap)};
    }

    private static int round(double side, int multiple, int cap) {
        long rounded = Math.round(side / multiple) * multiple;
        return (int) Math.max(multiple, Math.min(cap, rounded));
    }

    /**
     * Alpha at each image's own size, in order.
     *
     * @param trimaps one per image, or null for a trimap-free model
     */
    List<float[]> run(List<RgbImage> images, List<Trimap> trimaps) {
        int multiple = model.contract().sizeMultiple();
        Map<Long, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            RgbImage image = images.get(i);
            int[] size = networkSize(image.width(), image.height(), maxSide, multiple);
            bySize.computeIfAbsent(((long) size[0] << 32) | size[1], k -> new ArrayList<>()).add(i);
        }
        float[][] alphas = new float[images.size()][];
        for (Map.Entry<Long, List<Integer>> group : bySize.entrySet()) {
            int w = (int) (group.getKey() >>> 32);
            int h = (int) (long) group.getKey();
            List<Integer> members = group.getValue();
            for (int from = 0; from < members.size(); from += maxBatch) {
                List<Integer> chunk = members.subList(from, Math.min(members.size(), from + maxBatch));
                runChunk(images, trimaps, chunk, w, h, alphas);
            }
        }
        return List.of(alphas);
    }

    private void runChunk(List<RgbImage> images, List<Trimap> trimaps, List<Integer> chunk, int w, int h, float[][] alphas) {
        int plane = w * h;
        float[] batch = new float[chunk.size() * model.contract().inputChannels() * plane];
        for (int k = 0; k < chunk.size(); k++) {
            RgbImage image = images.get(chunk.get(k));
            float[] rgb = image.rgb();
            byte[] labels = trimaps == null ? null : trimaps.get(chunk.get(k)).labels();
            if (image.width() != w || image.height() != h) {
                rgb = Resampler.resize(rgb, image.width(), image.height(), 3, w, h);
                labels = labels == null ? null : nearest(labels, image.width(), image.height(), w, h);
            }
            input.write(rgb, labels, w, h, 0, 0, w, h, batch, k);
        }
        float[] out = model.forward(batch, chunk.size(), h, w);
        for (int k = 0; k < chunk.size(); k++) {
            RgbImage image = images.get(chunk.get(k));
            float[] alpha = new float[plane];
            System.arraycopy(out, k * plane, alpha, 0, plane);
            if (image.width() != w || image.height() != h) {
                alpha = Resampler.resize(alpha, w, h, 1, image.width(), image.height());
            }
            alphas[chunk.get(k)] = alpha;
        }
    }

    /** Nearest-neighbour resize: a trimap's labels must stay labels, not blends of them. */
    static byte[] nearest(byte[] labels, int width, int height, int newWidth, int newHeight) {
        byte[] out = new byte[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int sy = Math.min(height - 1, (int) ((y + 0.5) * height / newHeight));
            for (int x = 0; x < newWidth; x++) {
                int sx = Math.min(width - 1, (int) ((x + 0.5) * width / newWidth));
                out[y * newWidth + x] = labels[sy * width + sx];
            }
        }
        return out;
    }
}
