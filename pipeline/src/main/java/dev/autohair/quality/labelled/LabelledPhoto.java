package dev.autohair.quality.labelled;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;

/** A photo and its ground truth: a binary mask or a fractional alpha, the photo's size. */
public record LabelledPhoto(String name, RgbImage image, Matte truth) {

    public LabelledPhoto {
        if (!truth.sameSizeAs(image)) {
            throw new InvalidLabelledSetException("the mask of " + name + " is " + truth.width() + "x" + truth.height()
                    + " but the photo is " + image.width() + "x" + image.height() + "; give a mask of the photo's size");
        }
    }
}
