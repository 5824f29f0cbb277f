package dev.autohair.pipeline.segmentation;

import dev.autohair.common.contract.SubjectClass;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a segmentation model returns and which of its classes form the subject.
 *
 * @param kind          how to read the output tensor
 * @param layout        channel axis position of per-class outputs (ignored for a class map)
 * @param classes       class names by index; for per-class outputs also the channel count
 * @param background    index of the background class, or null when every class is a subject class
 * @param subject       the default subject's class indices; empty = every class but the background
 * @param normalise     what happens to each image's subject probability map before it is scaled up
 */
public record OutputContract(OutputKind kind, TensorLayout layout, List<String> classes, Integer background,
        List<Integer> subject, Normalisation normalise) {

    /** Post-processing of the subject probability map, per image, at the model's output size. */
    public enum Normalisation {
        /** Use the probabilities as they are. */
        NONE,
        /**
         * Stretch the map so its lowest value becomes 0 and its highest 1 (rembg does this to every
         * U²-Net, ISNet and BiRefNet output: their raw maps are not calibrated probabilities).
         */
        MIN_MAX
    }

    /** Without post-processing of the probabilities. */
    public OutputContract(OutputKind kind, TensorLayout layout, List<String> classes, Integer background,
            List<Integer> subject) {
        this(kind, layout, classes, background, subject, Normalisation.NONE);
    }

    public OutputContract {
        if (kind == null || layout == null) {
            throw new InvalidModelSpecException("output: kind and layout are required");
        }
        normalise = normalise == null ? Normalisation.NONE : normalise;
        if (normalise == Normalisation.MIN_MAX && kind == OutputKind.CLASS_MAP) {
            throw new InvalidModelSpecException("output.normalise min-max needs scores; a class map has none");
        }
        if (classes == null || classes.isEmpty()) {
            throw new InvalidModelSpecException("output.classes must name at least one class (e.g. [\"person\"])");
        }
        classes = List.copyOf(classes);
        if (new LinkedHashSet<>(classes.stream().map(OutputContract::normalise).toList()).size() != classes.size()) {
            throw new InvalidModelSpecException("output.classes names a class twice: " + classes);
        }
        if (background != null && (background < 0 || background >= classes.size())) {
            throw new InvalidModelSpecException("output.background " + background + " is not a class index 0-"
                    + (classes.size() - 1));
        }
        subject = subject == null ? List.of() : List.copyOf(subject);
        for (int index : subject) {
            if (index < 0 || index >= classes.size()) {
                throw new InvalidModelSpecException("output.subject index " + index + " is not a class index 0-"
                        + (classes.size() - 1));
            }
        }
        if (kind == OutputKind.SOFTMAX_LOGITS && classes.size() < 2) {
            throw new InvalidModelSpecException("softmax output needs at least two classes, got " + classes);
        }
        if (defaultSubject(classes, background, subject).isEmpty()) {
            throw new InvalidModelSpecException("the default subject is empty: name output.subject or more classes");
        }
    }

    /** One probability channel for one class (MediaPipe Selfie Segmentation's output). */
    public static OutputContract probability(String className) {
        return new OutputContract(OutputKind.PROBABILITY, TensorLayout.NHWC, List.of(className), null, List.of());
    }

    /** The subject's class indices: the job's classes when it names any, else the model's default. */
    public Set<Integer> subjectFor(List<SubjectClass> requested) {
        if (requested == null || requested.isEmpty()) {
            return defaultSubject(classes, background, subject);
        }
        Set<Integer> indices = new LinkedHashSet<>();
        for (SubjectClass c : requested) {
            indices.add(indexOf(c));
        }
        return indices;
    }

    private int indexOf(SubjectClass c) {
        if (c.index() != null) {
            if (c.index() >= classes.size()) {
                throw new UnknownSubjectClassException("subject class index " + c.index() + " is not one of this"
                        + " model's " + classes.size() + " classes (0-" + (classes.size() - 1) + ")");
            }
            return c.index();
        }
        String wanted = normalise(c.name());
        for (int i = 0; i < classes.size(); i++) {
            if (normalise(classes.get(i)).equals(wanted)) {
                return i;
            }
        }
        throw new UnknownSubjectClassException("subject class '" + c.name() + "' is not one of this model's classes "
                + classes);
    }

    /** "Potted plant", "potted_plant" and "pottedplant" name one class. */
    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[ _-]", "");
    }

    private static Set<Integer> defaultSubject(List<String> classes, Integer background, List<Integer> subject) {
        if (!subject.isEmpty()) {
            return new LinkedHashSet<>(subject);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            if (background == null || i != background) {
                all.add(i);
            }
        }
        return new LinkedHashSet<>(all);
    }
}
