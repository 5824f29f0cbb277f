package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;

/**
 * One image for a matting strategy, an element of a batched call.
 *
 * @param trimap the trimap to matte within; null for strategies that take none
 * @param prior  the mask the trimap came from, a hint inside the unknown band; null for none
 */
public record MattingInput(RgbImage image, Trimap trimap, Matte prior) {

    public MattingInput {
        requireMatching(image, trimap, prior);
    }

    /**
     * The one size check of every matting entry point: a trimap or mask (either may be null)
     * must have the image's size.
     */
    public static void requireMatching(RgbImage image, Trimap trimap, Matte mask) {
        if (trimap != null && !trimap.sameSizeAs(image)) {
            throw new IllegalArgumentException("trimap " + trimap.width() + "x" + trimap.height()
                    + " does not match image " + image.width() + "x" + image.height());
        }
        if (mask != null && !mask.sameSizeAs(image)) {
            throw new IllegalArgumentException("mask " + mask.width() + "x" + mask.height()
                    + " does not match image " + image.width() + "x" + image.height());
        }
    }

    public MattingInput(RgbImage image, Trimap trimap) {
        this(image, trimap, null);
    }
}
