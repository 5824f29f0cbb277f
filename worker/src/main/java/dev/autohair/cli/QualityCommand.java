package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.QualityReport;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.quality.QualityResult;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code autohair quality}: alpha error on rendered composites whose alpha is exactly known. */
final class QualityCommand {

    static final String USAGE = """
            autohair quality [-o REPORT.md] [--size WIDTHxHEIGHT] [--seed N] [--samples DIR]
            autohair quality --labelled DIR [--route selfie,product,auto] [--object-model NAME] [--max-side N] [-o REPORT.md]

              renders hair, curl, fur and product-edge foregrounds with exact alpha over the sample
              photos and prints SAD, MSE and gradient error for: a perfect hard mask, the rough mask
              alone, rough mask -> trimap -> matting, and true trimap -> matting (Markdown)
              --size     composite size (default 640x480)
              --seed     scene seed (default 1)
              --samples  folder of background photos (default samples/ of the installation)
              --labelled scores real photos instead: DIR holds NAME.png + NAME.mask.png (ground truth)
                         pairs; each photo goes through the route's full pipeline and its alpha is
                         scored (IoU, SAD, failures; docs/QUALITY.md)
              --route    selfie (the shipped portrait model), product (the weights-free product
                         segmenter), object / auto (routed as a job with that subject), object-mask
                         (the object route's mask without matting), or several comma-separated
                         (default selfie)
              --object-model  the general model auto routes to (default: the product segmenter)
              --max-side shrink photos and masks so the longer side is at most N (default: full size)
            """;

    private final PrintStream out;

    QualityCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Arguments a = Arguments.parse(args, Set.of(),
                Set.of("-o", "--size", "--seed", "--samples", "--labelled", "--route", "--max-side", "--object-model"));
        if (a.option("--labelled").isPresent()) {
            String markdown = LabelledQuality.run(Path.of(a.option("--labelled").get()),
                    LabelledQuality.routes(a.option("--route").orElse("selfie")), a.intOption("--max-side", 0),
                    a.option("--object-model").map(Path::of), System.err);
            out.print(markdown);
            write(a, markdown);
            return 0;
        }
        String[] size = a.option("--size").orElse("640x480").toLowerCase(Locale.ROOT).split("x");
        if (size.length != 2) {
            throw new UsageException("--size must look like 640x480");
        }
        int width = parsePositive("--size", size[0]);
        int height = parsePositive("--size", size[1]);
        long seed = a.intOption("--seed", 1);
        Path samples = a.option("--samples").map(Path::of).orElse(Assembly.samplesDirectory());
        try {
            QualityReport report = new QualityReport(new CompositeGenerator(BackgroundPhotos.load(samples)),
                    new AutomaticTrimap(), new ClosedFormMatting());
            QualityResult result = report.measure(List.of(CompositeKind.values()), width, height, seed);
            String markdown = QualityReport.render(result);
            out.print(markdown);
            write(a, markdown);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("quality report failed: " + e.getMessage(), e);
        }
    }

    private static void write(Arguments a, String markdown) {
        if (a.option("-o").isPresent()) {
            try {
                Files.writeString(Path.of(a.option("-o").get()), markdown);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + a.option("-o").get() + ": " + e.getMessage(), e);
            }
        }
    }

    private static int parsePositive(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage message
        }
        throw new UsageException(name + " needs positive whole numbers, got '" + text + "'");
    }
}
