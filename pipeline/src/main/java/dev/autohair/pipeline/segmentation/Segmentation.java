package dev.autohair.pipeline.segmentation;

import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.Subject;
import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Finds the subject of each image of a micro-batch, choosing the model per image from what the job
 * says it shows. Every model it calls sees its share of the batch in one call, so mixed traffic
 * still batches.
 */
public interface Segmentation extends AutoCloseable {

    /** One image to segment, and what the job says about its subject. */
    record Request(RgbImage image, Subject subject, List<SubjectClass> classes) {
        public Request {
            Objects.requireNonNull(image, "image");
            subject = subject == null ? Subject.AUTO : subject;
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /** A mask and the model that made it, or why there is none for this image (the others go on). */
    record Outcome(Matte mask, ModelInfo model, RuntimeException failure) {

        public static Outcome found(Matte mask, ModelInfo model) {
            return new Outcome(Objects.requireNonNull(mask), Objects.requireNonNull(model), null);
        }

        public static Outcome failed(RuntimeException failure) {
            return new Outcome(null, null, Objects.requireNonNull(failure));
        }
    }

    /** One outcome per request, in order. A failure of a whole model call may also be thrown. */
    List<Outcome> segment(List<Request> requests);

    /** The models this segmentation may call. */
    List<ModelInfo> models();

    /** One small pass through every model, so the first real batch does not pay for lazy start-up. */
    Duration warmUp();

    @Override
    void close();

    /** One model for every subject. */
    static Segmentation single(Segmenter segmenter) {
        return new SingleModel(segmenter);
    }
}
