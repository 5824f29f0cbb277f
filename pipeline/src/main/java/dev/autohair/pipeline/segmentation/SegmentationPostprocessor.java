package dev.autohair.pipeline.segmentation;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;

/** The model's probability map → a soft mask at the image's full resolution (bilinear, clamped to [0, 1]). */
final class SegmentationPostprocessor {

    private final SegmentationModelContract contract;

    SegmentationPostprocessor(SegmentationModelContract contract) {
        this.contract = contract;
    }

    /**
     * @param output  the whole output batch, NHWC
     * @param index   which item of the batch
     * @param mapWidth  output width of the model
     * @param mapHeight output height of the model
     */
    Matte toMatte(float[] output, int index, int mapWidth, int mapHeight, RgbImage image) {
        int channels = contract.outputChannels();
        int pixels = mapWidth * mapHeight;
        float[] probability = new float[pixels];
        int offset = index * pixels * channels + contract.subjectChannel();
        for (int i = 0; i < pixels; i++) {
            probability[i] = output[offset + i * channels];
        }
        float[] full = Resampler.resize(probability, mapWidth, mapHeight, 1, image.width(), image.height());
        for (int i = 0; i < full.length; i++) {
            full[i] = Math.max(0f, Math.min(1f, full[i]));
        }
        return new Matte(image.width(), image.height(), full);
    }
}
