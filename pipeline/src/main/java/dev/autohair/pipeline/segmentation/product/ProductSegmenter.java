package dev.autohair.pipeline.segmentation.product;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.segmentation.Segmenter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ProductSegmentation} as a pipeline {@link Segmenter}: the mask only (the confidence is
 * for routing, which calls {@link ProductSegmentation} itself). No weights, nothing to close.
 */
public final class ProductSegmenter implements Segmenter {

    public static final String MODEL_NAME = "product";
    /** Bump when the algorithm's output changes, so cutouts stay traceable. */
    public static final String MODEL_VERSION = "1";

    private final ProductSegmentation segmentation = new ProductSegmentation();

    @Override
    public List<Matte> segment(List<RgbImage> images) {
        List<Matte> masks = new ArrayList<>(images.size());
        for (RgbImage image : images) {
            masks.add(segmentation.segment(image).mask());
        }
        return masks;
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public String modelVersion() {
        return MODEL_VERSION;
    }

    @Override
    public void close() {
    }
}
