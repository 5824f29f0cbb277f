package dev.autohair.cli;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.Subject;
import dev.autohair.common.contract.TrimapSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The job options as command-line flags, read in one place for {@code cutout} and {@code submit}:
 * a flag means exactly what the job field of the same name means (schemas/image-job.schema.json).
 */
final class JobOptionFlags {

    /** The valued flags this reads. */
    static final Set<String> VALUED = Set.of("--outputs", "--format", "--bg", "--crop", "--band", "--subject");

    static final String USAGE = """
              --subject WHAT     person, object (products, animals) or auto (default: decided per photo)
              --outputs LIST     cutout,matte,trimap,mask (default cutout)
              --format png|webp  cutout encoding (default png; grey maps are always PNG)
              --bg RRGGBB        flatten onto this colour instead of keeping transparency
              --crop PX          crop every output to the subject plus PX pixels of margin
              --band SPEC        trimap band: auto (default: fitted to the mask, as adaptive), scaled
                                 (the former default: 2 %/1 % of the diagonal around the mask at 0.5),
                                 SIZE (erosion half the band) or SIZE:EROSION in pixels,
                                 or confidence[:LOW:HIGH]
            """;

    private JobOptionFlags() {
    }

    /** {@code base} with every option flag that {@code a} carries applied. */
    static JobOptions parse(Arguments a, JobOptions base) {
        JobOptions options = base;
        Optional<String> outputs = a.option("--outputs");
        if (outputs.isPresent()) {
            options = options.withOutputs(flag("--outputs", outputs.get(), text -> Arrays.stream(text.split(","))
                    .map(String::trim).map(OutputKind::fromWireName).toArray(OutputKind[]::new)));
        }
        Optional<String> format = a.option("--format");
        if (format.isPresent()) {
            options = options.withFormat(flag("--format", format.get(), OutputFormat::fromWireName));
        }
        Optional<String> background = a.option("--bg");
        if (background.isPresent()) {
            JobOptions current = options;
            options = flag("--bg", background.get(), text -> current.withBackground(text.toUpperCase(Locale.ROOT)));
        }
        Optional<String> crop = a.option("--crop");
        if (crop.isPresent()) {
            JobOptions current = options;
            options = flag("--crop", crop.get(), text -> current.withCropMargin(Integer.parseInt(text)));
        }
        Optional<String> subject = a.option("--subject");
        if (subject.isPresent()) {
            options = options.withSubject(flag("--subject", subject.get(), Subject::fromWireName));
        }
        Optional<String> band = a.option("--band");
        if (band.isPresent()) {
            options = options.withTrimap(flag("--band", band.get(), TrimapSpec::parse));
        }
        return options;
    }

    /** Parses one flag's value; a value the job contract refuses is a usage error naming the flag. */
    private static <T> T flag(String name, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) { // NumberFormatException and the contract's ConstraintException too
            throw new UsageException(name + " " + value + ": " + e.getMessage());
        }
    }
}
