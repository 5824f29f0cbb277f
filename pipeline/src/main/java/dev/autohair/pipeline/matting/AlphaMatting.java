package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;

/**
 * Computes fractional alpha inside the trimap's unknown band; known regions come out exactly
 * 0 or 1.
 */
public interface AlphaMatting {

    Matte estimate(RgbImage image, Trimap trimap);

    /**
     * Like {@link #estimate(RgbImage, Trimap)}, with the soft segmentation mask the trimap came
     * from as a hint inside the unknown band. Methods that cannot use a mask ignore it (the
     * default); a null mask means none.
     */
    default Matte estimate(RgbImage image, Trimap trimap, Matte mask) {
        return estimate(image, trimap);
    }

    String name();
}
