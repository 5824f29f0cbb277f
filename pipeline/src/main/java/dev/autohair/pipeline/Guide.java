package dev.autohair.pipeline;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import java.util.Optional;

/**
 * What tells the matting stage where the subject is: the segmentation model, a rough mask from
 * elsewhere (refine edge), or a ready trimap (the classic manual workflow).
 */
public sealed interface Guide {

    static Guide segment() {
        return new Segment();
    }

    /** Whether the segmentation model must find the subject first. */
    boolean needsSegmentation();

    /** The mask the trimap comes from, which is also the matting's prior; empty for a given trimap. */
    Optional<Matte> guidingMask(Optional<Matte> segmented);

    /** The trimap for matting, from the guiding mask through {@code generator} unless it is given. */
    Trimap trimap(Optional<Matte> segmented, TrimapGenerator generator);

    /** @throws MismatchedGuideException when a given map is not the image's size */
    void checkSize(RgbImage image);

    /** Segment the image, then build the trimap from the mask. */
    record Segment() implements Guide {
        @Override
        public boolean needsSegmentation() {
            return true;
        }

        @Override
        public Optional<Matte> guidingMask(Optional<Matte> segmented) {
            return segmented;
        }

        @Override
        public Trimap trimap(Optional<Matte> segmented, TrimapGenerator generator) {
            return generator.generate(segmented.orElseThrow(() -> new IllegalStateException("the image was not segmented")));
        }

        @Override
        public void checkSize(RgbImage image) {
        }
    }

    /** Refine a given rough mask (soft or hard) into a matte. */
    record RoughMask(Matte mask) implements Guide {
        @Override
        public boolean needsSegmentation() {
            return false;
        }

        @Override
        public Optional<Matte> guidingMask(Optional<Matte> segmented) {
            return Optional.of(mask);
        }

        @Override
        public Trimap trimap(Optional<Matte> segmented, TrimapGenerator generator) {
            return generator.generate(mask);
        }

        @Override
        public void checkSize(RgbImage image) {
            if (!mask.sameSizeAs(image)) {
                throw new MismatchedGuideException("mask", mask.width(), mask.height(), image);
            }
        }
    }

    /** Skip segmentation and trimap generation. */
    record GivenTrimap(Trimap trimap) implements Guide {
        @Override
        public boolean needsSegmentation() {
            return false;
        }

        @Override
        public Optional<Matte> guidingMask(Optional<Matte> segmented) {
            return Optional.empty();
        }

        @Override
        public Trimap trimap(Optional<Matte> segmented, TrimapGenerator generator) {
            return trimap;
        }

        @Override
        public void checkSize(RgbImage image) {
            if (!trimap.sameSizeAs(image)) {
                throw new MismatchedGuideException("trimap", trimap.width(), trimap.height(), image);
            }
        }
    }
}
