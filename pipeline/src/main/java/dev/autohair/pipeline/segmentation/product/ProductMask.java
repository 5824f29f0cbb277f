package dev.autohair.pipeline.segmentation.product;

import dev.autohair.common.image.Matte;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ProductSegmentation} found: a soft mask at the image's full size, how far to trust
 * it (0 = not at all, 1 = a plain surface with a clearly different subject), and, when the
 * confidence is below {@link ProductSegmentation#SURE}, the main reason in words, so routing can
 * try another segmenter and operators can see why.
 */
public record ProductMask(Matte mask, double confidence, Optional<String> doubt) {

    public ProductMask {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(doubt, "doubt");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** No doubt was raised. */
    public boolean sure() {
        return doubt.isEmpty();
    }
}
