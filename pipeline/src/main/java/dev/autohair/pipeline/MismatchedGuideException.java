package dev.autohair.pipeline;

import dev.autohair.common.image.RgbImage;

/** A given mask or trimap does not have the image's size, so its pixels cannot be matched up. */
public final class MismatchedGuideException extends IllegalArgumentException {

    public MismatchedGuideException(String what, int width, int height, RgbImage image) {
        super("the " + what + " is " + width + "x" + height + " but the image is " + image.width() + "x"
                + image.height() + "; give a " + what + " of the image's size (after EXIF rotation)");
    }
}
