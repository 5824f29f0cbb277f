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

    String name();
}
