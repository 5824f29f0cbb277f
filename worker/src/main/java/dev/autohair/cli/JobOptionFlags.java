package dev.autohair.cli;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.TrimapSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The job options as command-line flags, read in one place for {@code cutout} and {@code submit}:
 * a flag means exactly what the job field of the same name means (schemas/image-job.schema.json).
 */
final class JobOptionFlags {

    /** The valued flags this reads. */
    static final Set<String> VALUED = Set.of("--outputs", "--format", "--bg", "--crop", "--band");

    static final String USAGE = """
              --outputs LIST     cutout,matte,trimap,mask (default cutout)
              --format png|webp  cutout encoding (default png; grey maps are always PNG)
              --bg RRGGBB        flatten onto this colour instead of keeping transparency
              --crop PX          crop every output to the subject plus PX pixels of margin
              --band SPEC        trimap band: auto (default, scaled to the image), SIZE (erosion half
                                 the band) or SIZE:EROSION in pixels, or confidence[:LOW:HIGH]
            """;

    private JobOptionFlags() {
    }

    /** {@code base} with every option flag that {@code a} carries applied. */
    static JobOptions parse(Arguments a, JobOptions base) {
        JobOptions options = base;
        if (a.option("--outputs").isPresent()) {
            options = options.withOutputs(flag("--outputs", () -> Arrays.stream(a.option("--outputs").get().split(","))
                    .map(String::trim).map(OutputKind::fromWireName).toArray(OutputKind[]::new)));
        }
        if (a.option("--format").isPresent()) {
            options = options.withFormat(flag("--format", () -> OutputFormat.fromWireName(a.option("--format").get())));
        }
        if (a.option("--bg").isPresent()) {
            String colour = a.option("--bg").get().toUpperCase(Locale.ROOT);
            JobOptions current = options;
            options = flag("--bg", () -> current.withBackground(colour));
        }
        if (a.option("--crop").isPresent()) {
            int margin = a.intOption("--crop", 0);
            JobOptions current = options;
            options = flag("--crop", () -> current.withCropMargin(margin));
        }
        if (a.option("--band").isPresent()) {
            options = options.withTrimap(flag("--band", () -> TrimapSpec.parse(a.option("--band").get())));
        }
        return options;
    }

    private static <T> T flag(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }
}
