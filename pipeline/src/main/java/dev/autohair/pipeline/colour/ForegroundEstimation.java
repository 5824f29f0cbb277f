package dev.autohair.pipeline.colour;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;

/**
 * Recovers the subject's own colours F under fractional alpha (I = aF + (1-a)B), so a cutout on
 * a new background carries no halo of the old one.
 */
public interface ForegroundEstimation {

    RgbImage estimate(RgbImage image, Matte alpha);

    /**
     * The same foreground, for a caller done with the photo: it may be written over the image's
     * own samples, so the image must not be read afterwards. Saves a full-size image where the
     * estimation can do it in place; by default it is {@link #estimate}.
     */
    default RgbImage estimateConsuming(RgbImage image, Matte alpha) {
        return estimate(image, alpha);
    }
}
