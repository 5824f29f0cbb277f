package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;

/** One image and its trimap, an element of a batched matting call. */
public record MattingInput(RgbImage image, Trimap trimap) {

    public MattingInput {
        if (!trimap.sameSizeAs(image)) {
            throw new IllegalArgumentException("trimap " + trimap.width() + "x" + trimap.height()
                    + " does not match image " + image.width() + "x" + image.height());
        }
    }
}
