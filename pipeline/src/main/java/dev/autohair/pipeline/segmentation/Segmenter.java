package dev.autohair.pipeline.segmentation;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.util.List;

/**
 * Finds the subject: for each image a soft mask (probability of subject) at the image's own
 * full resolution. Takes a batch so a model can run it in one forward pass.
 */
public interface Segmenter extends AutoCloseable {

    List<Matte> segment(List<RgbImage> images);

    default Matte segment(RgbImage image) {
        return segment(List.of(image)).get(0);
    }

    /** Model name, reported with every result. */
    String modelName();

    /** Which weights: reported with every result so a cutout can be traced to them. */
    String modelVersion();

    @Override
    void close();

    /** Stands in where no model was loaded (trimap- or mask-guided runs); fails if asked to segment. */
    static Segmenter unavailable(String why) {
        return new Segmenter() {
            @Override
            public List<Matte> segment(List<RgbImage> images) {
                throw new IllegalStateException("no segmentation model is loaded: " + why);
            }

            @Override
            public String modelName() {
                return "none";
            }

            @Override
            public String modelVersion() {
                return "none";
            }

            @Override
            public void close() {
            }
        };
    }
}
