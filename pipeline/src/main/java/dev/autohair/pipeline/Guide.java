package dev.autohair.pipeline;

import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import java.util.List;

/**
 * What tells the matting stage where the subject is: the segmentation model, a rough mask from
 * elsewhere (refine edge), or a ready trimap (the classic manual workflow).
 */
public sealed interface Guide {

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
    }

    /** Refine a given rough mask (soft or hard) into a matte. */
    record RoughMask(Matte mask, TrimapGenerator trimaps) implements Guide {
    }

    /** Skip segmentation and trimap generation. */
    record GivenTrimap(Trimap trimap) implements Guide {
    }
}
