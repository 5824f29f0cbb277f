package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;

/**
 * A mask prior resolved per pixel: alpha is pulled towards {@code target} with {@code weight}
 * (added to the diagonal of the unknown-only system). Weights are not limited to [0, 1].
 */
record PriorField(Matte target, Matte weight) {

    PriorField {
        if (target.width() != weight.width() || target.height() != weight.height()) {
            throw new IllegalArgumentException("prior target and weight sizes differ");
        }
    }

    /** Both halved by 2x2 averaging, for the next coarser level. */
    PriorField halve() {
        return new PriorField(Pyramid.halve(target), Pyramid.halve(weight));
    }
}
