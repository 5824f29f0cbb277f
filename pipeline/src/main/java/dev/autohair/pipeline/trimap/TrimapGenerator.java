package dev.autohair.pipeline.trimap;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;

/** Turns a (soft or hard) subject mask into a foreground / unknown / background trimap. */
public interface TrimapGenerator {

    /**
     * @throws DegenerateMaskException when the mask has no usable foreground or background
     */
    Trimap generate(Matte mask);
}
