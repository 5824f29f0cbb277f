package dev.autohair.pipeline;

import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import java.util.List;
import java.util.Optional;

/**
 * What tells the matting stage where the subject is: the segmentation model, a rough mask from
 * elsewhere (refine edge), or a ready trimap (the classic manual workflow).
 */
public sealed interface Guide {

    /** The trimap for matting, from the image's mask (absent when nothing was segmented). */
    Trimap trimap(Optional<Matte> mask);

    /**
     * Segment the image, then build the trimap from the mask.
     *
     * @param subject the classes that form the subject (a job's subjectClasses); empty for the model's default
     */
    record Segment(TrimapGenerator trimaps, List<SubjectClass> subject) implements Guide {

        public Segment {
            subject = subject == null ? List.of() : List.copyOf(subject);
        }

        public Segment(TrimapGenerator trimaps) {
            this(trimaps, List.of());
        }

        @Override
        public Trimap trimap(Optional<Matte> mask) {
            return trimaps.generate(mask.orElseThrow(() -> new IllegalStateException("the image was not segmented")));
        }
    }

    /** Refine a given rough mask (soft or hard) into a matte. */
    record RoughMask(Matte mask, TrimapGenerator trimaps) implements Guide {
        @Override
        public Trimap trimap(Optional<Matte> ignored) {
            return trimaps.generate(mask);
        }
    }

    /** Skip segmentation and trimap generation. */
    record GivenTrimap(Trimap trimap) implements Guide {
        @Override
        public Trimap trimap(Optional<Matte> ignored) {
            return trimap;
        }
    }
}
