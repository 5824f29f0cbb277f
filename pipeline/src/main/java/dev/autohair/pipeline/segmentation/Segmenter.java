package dev.autohair.pipeline.segmentation;

import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.time.Duration;
import java.util.List;

/**
 * Finds the subject: for each image a soft mask (probability of subject) at the image's own
 * full resolution. Takes a batch so a model can run it in one forward pass.
 */
public interface Segmenter extends AutoCloseable {

    List<Matte> segment(List<RgbImage> images);

    default Matte segment(RgbImage image) {
        return segment(List.of(image)).get(0);
    }

    /**
     * Like {@link #segment(List)}, with each image's subject: the classes a job names, or an empty
     * list for the model's default subject.
     */
    default List<Matte> segment(List<RgbImage> images, List<List<SubjectClass>> subjects) {
        subjects.forEach(this::checkSubject);
        return segment(images);
    }

    /**
     * Throws {@link UnknownSubjectClassException} when this model cannot segment the named classes;
     * an empty list (the model's default) is always fine. Models without classes accept no names.
     */
    default void checkSubject(List<SubjectClass> subject) {
        if (!subject.isEmpty()) {
            throw new UnknownSubjectClassException("model " + modelName() + " cannot choose subject classes " + subject);
        }
    }

    /** Model name, reported with every result. */
    String modelName();

    /** Which weights: reported with every result so a cutout can be traced to them. */
    String modelVersion();

    /** One small forward pass, so the first real batch does not pay for the engine's lazy start-up. */
    default Duration warmUp() {
        return Duration.ZERO;
    }

    @Override
    void close();

    /** Stands in where no model was loaded (trimap- or mask-guided runs); fails if asked to segment. */
    static Segmenter unavailable(String why) {
        return new Segmenter() {
            @Override
            public List<Matte> segment(List<RgbImage> images) {
                throw new IllegalStateException("no segmentation model is loaded: " + why);
            }

            @Override
            public String modelName() {
                return "none";
            }

            @Override
            public String modelVersion() {
                return "none";
            }

            @Override
            public void close() {
            }
        };
    }
}
