package dev.autohair.pipeline.segmentation;

import dev.autohair.common.image.RgbImage;
import java.util.List;

/** Images → the model's input batch: resized to the network size, NHWC, scaled to its value range. */
final class SegmentationPreprocessor {

    private final SegmentationModelContract contract;

    SegmentationPreprocessor(SegmentationModelContract contract) {
        this.contract = contract;
    }

    /** One float array holding {@code images.size()} NHWC RGB tensors back to back. */
    float[] toBatch(List<RgbImage> images) {
        int w = contract.inputWidth();
        int h = contract.inputHeight();
        int perImage = w * h * 3;
        float scale = contract.inputMax() - contract.inputMin();
        float[] batch = new float[images.size() * perImage];
        for (int n = 0; n < images.size(); n++) {
            RgbImage image = images.get(n);
            float[] resized = Resampler.resize(image.rgb(), image.width(), image.height(), 3, w, h);
            int offset = n * perImage;
            for (int i = 0; i < perImage; i++) {
                batch[offset + i] = resized[i] * scale + contract.inputMin();
            }
        }
        return batch;
    }
}
