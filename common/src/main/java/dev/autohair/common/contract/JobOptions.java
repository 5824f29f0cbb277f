package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to cut out. A missing field takes the default the schema documents: outputs [cutout], png,
 * transparent background, no crop, the subject decided per photo, the model's own classes, automatic
 * trimap.
 *
 * @param subject      what the photo shows, which picks the segmentation model
 * @param background   RRGGBB, or null for a transparent background
 * @param cropMargin   px around the subject's bounding box, or null for no crop
 * @param subjectClasses classes that form the subject; empty for the model's default
 */
public record JobOptions(
        List<OutputKind> outputs,
        OutputFormat format,
        String background,
        Integer cropMargin,
        Subject subject,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubjectClass> subjectClasses,
        TrimapSpec trimap) {

    static final List<OutputKind> DEFAULT_OUTPUTS = List.of(OutputKind.CUTOUT);
    static final OutputFormat DEFAULT_FORMAT = OutputFormat.PNG;
    static final int MAX_CROP_MARGIN = 10000;
    private static final Pattern COLOUR = Pattern.compile(Checks.COLOUR_PATTERN);

    public JobOptions {
        outputs = outputs == null || outputs.isEmpty() ? DEFAULT_OUTPUTS : List.copyOf(outputs);
        if (outputs.stream().distinct().count() != outputs.size()) {
            throw new ConstraintException("uniqueItems", "outputs name a kind twice: " + outputs);
        }
        format = format == null ? DEFAULT_FORMAT : format;
        if (background != null && !COLOUR.matcher(background).matches()) {
            throw new ConstraintException("pattern", "background '" + background + "' must be RRGGBB hex, e.g. FFFFFF");
        }
        if (cropMargin != null && (cropMargin < 0 || cropMargin > MAX_CROP_MARGIN)) {
            throw new ConstraintException("minimum", "crop margin must be 0-" + MAX_CROP_MARGIN + " px, got " + cropMargin);
        }
        subject = subject == null ? Subject.AUTO : subject;
        subjectClasses = Checks.list(subjectClasses);
        trimap = trimap == null ? TrimapSpec.auto() : trimap;
    }

    public static JobOptions defaults() {
        return new JobOptions(null, null, null, null, null, null, null);
    }

    public JobOptions withOutputs(OutputKind... kinds) {
        return new JobOptions(List.of(kinds), format, background, cropMargin, subject, subjectClasses, trimap);
    }

    public JobOptions withFormat(OutputFormat newFormat) {
        return new JobOptions(outputs, newFormat, background, cropMargin, subject, subjectClasses, trimap);
    }

    public JobOptions withBackground(String rrggbb) {
        return new JobOptions(outputs, format, rrggbb, cropMargin, subject, subjectClasses, trimap);
    }

    public JobOptions withCropMargin(Integer px) {
        return new JobOptions(outputs, format, background, px, subject, subjectClasses, trimap);
    }

    public JobOptions withSubjectClasses(SubjectClass... classes) {
        return new JobOptions(outputs, format, background, cropMargin, subject, List.of(classes), trimap);
    }

    public JobOptions withSubject(Subject what) {
        return new JobOptions(outputs, format, background, cropMargin, what, subjectClasses, trimap);
    }

    public JobOptions withTrimap(TrimapSpec spec) {
        return new JobOptions(outputs, format, background, cropMargin, subject, subjectClasses, spec);
    }
}
