package dev.autohair.pipeline.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.Resampler;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Images → one input tensor: resized to one model input size, scaled and normalised, in the
 * model's channel order and layout.
 */
final class SegmentationPreprocessor {

    private final InputContract contract;

    SegmentationPreprocessor(InputContract contract) {
        this.contract = contract;
    }

    /** All images go to {@code width} × {@code height}; the caller groups them by that size. */
    NDArray toInput(NDManager manager, List<RgbImage> images, int width, int height) {
        int n = images.size();
        int plane = width * height;
        float[] values = new float[n * plane * 3];
        for (int k = 0; k < n; k++) {
            RgbImage image = images.get(k);
            float[] resized = image.width() == width && image.height() == height
                    ? image.rgb() : Resampler.resize(image.rgb(), image.width(), image.height(), 3, width, height);
            int base = k * plane * 3;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    int rgb = contract.order() == InputContract.ChannelOrder.BGR ? 2 - c : c;
                    int at = contract.layout() == TensorLayout.NHWC ? base + p * 3 + c : base + c * plane + p;
                    values[at] = scale(resized[p * 3 + rgb], rgb);
                }
            }
        }
        Shape shape = contract.layout() == TensorLayout.NHWC
                ? new Shape(n, height, width, 3) : new Shape(n, 3, height, width);
        if (contract.type() == InputContract.ValueType.UINT8) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) Math.round(values[i]);
            }
            return manager.create(ByteBuffer.wrap(bytes), shape, DataType.UINT8);
        }
        return manager.create(values, shape);
    }

    private float scale(float v, int rgb) {
        float clamped = Math.max(0f, Math.min(1f, v));
        float ranged = clamped * (contract.max() - contract.min()) + contract.min();
        return (ranged - contract.mean().get(rgb)) / contract.std().get(rgb);
    }
}
