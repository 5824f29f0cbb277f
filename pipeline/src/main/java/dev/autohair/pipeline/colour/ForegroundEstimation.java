package dev.autohair.pipeline.colour;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;

/**
 * Recovers the subject's own colours F under fractional alpha (I = aF + (1-a)B), so a cutout on
 * a new background carries no halo of the old one.
 */
public interface ForegroundEstimation {

    RgbImage estimate(RgbImage image, Matte alpha);
}
