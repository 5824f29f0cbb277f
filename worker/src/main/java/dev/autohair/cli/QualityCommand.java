package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.config.MattingConfig;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.QualityReport;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.quality.QualityResult;
import dev.autohair.pipeline.trimap.Trimaps;
import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.quality.GridMethod;
import dev.autohair.quality.TrimapGrid;
import java.util.Arrays;
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
            autohair quality --labelled DIR [--route selfie,product,auto] [--object-model NAME] [--max-side N]
                             [--band SPEC] [-o REPORT.md]
            autohair quality --grid [--widths 640,1280,2560] [--mask-sides 320,1024] [--seeds 1,2,3]
                             [--kinds hair,curls,fur,product_edge] [--matting MODE] [--samples DIR]
                             [-o REPORT.md]

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
              --band     the routes' trimap band, as cutout's --band (default auto); compare bands in
                         separate runs: GrabCut (the product segmenter) seeds its colour models from
                         OpenCV's shared random generator, so a later route in the same run can get a
                         different product mask
              --grid     compares trimap rules (perfect hard mask, rough mask alone, the default auto
                         trimap, rembg's rule, confidence, the old scaled band; all with the same
                         matting) over kinds x widths (x 3/4 high) x rough-mask resolutions x seeds,
                         SAD and MSE (Markdown; progress on stderr; docs/QUALITY.md)
              --matting  the grid's matting: closed-form (default) or information-flow
            """;

    private final PrintStream out;

    QualityCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Arguments a = Arguments.parse(args, Set.of("--grid"),
                Set.of("-o", "--size", "--seed", "--samples", "--labelled", "--route", "--max-side", "--object-model",
                        "--band", "--widths", "--mask-sides", "--seeds", "--kinds", "--matting"));
        if (a.option("--labelled").isPresent()) {
            String markdown = LabelledQuality.run(Path.of(a.option("--labelled").get()),
                    LabelledQuality.routes(a.option("--route").orElse("selfie")), a.intOption("--max-side", 0),
                    a.option("--object-model").map(Path::of), band(a), System.err);
            out.print(markdown);
            write(a, markdown);
            return 0;
        }
        if (a.flag("--grid")) {
            return grid(a);
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
                    Trimaps.forSpec(new TrimapSpec.Auto()), new ClosedFormMatting());
            QualityResult result = report.measure(List.of(CompositeKind.values()), width, height, seed);
            String markdown = QualityReport.render(result);
            out.print(markdown);
            write(a, markdown);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("quality report failed: " + e.getMessage(), e);
        }
    }

    private int grid(Arguments a) {
        Path samples = a.option("--samples").map(Path::of).orElse(Assembly.samplesDirectory());
        TrimapGrid.Spec spec = new TrimapGrid.Spec(
                list(a, "--kinds", "hair,curls,fur,product_edge", QualityCommand::kind),
                list(a, "--widths", "640,1280,2560", k -> parsePositive("--widths", k)),
                list(a, "--mask-sides", "320,1024", k -> parsePositive("--mask-sides", k)),
                list(a, "--seeds", "1,2,3", k -> (long) parsePositive("--seeds", k)),
                List.of(GridMethod.values()));
        AlphaMatting matting = gridMatting(a);
        try {
            TrimapGrid grid = new TrimapGrid(new CompositeGenerator(BackgroundPhotos.load(samples)), matting);
            String markdown = grid.render(spec, grid.measure(spec, System.err));
            out.print(markdown);
            write(a, markdown);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("quality grid failed: " + e.getMessage(), e);
        }
    }

    /** The weights-free strategies only: the grid hands each the rough mask as its prior. */
    private static AlphaMatting gridMatting(Arguments a) {
        String mode = a.option("--matting").orElse(MattingConfig.Mode.CLOSED_FORM.wireName());
        return java.util.stream.Stream.of(MattingConfig.Mode.CLOSED_FORM, MattingConfig.Mode.INFORMATION_FLOW)
                .filter(m -> m.wireName().equals(mode)).findFirst().map(Assembly::weightsFreeMatting)
                .orElseThrow(() -> new UsageException("--matting for --grid: closed-form or information-flow, got '"
                        + mode + "'"));
    }

    private static TrimapSpec band(Arguments a) {
        try {
            return a.option("--band").map(TrimapSpec::parse).orElse(TrimapSpec.auto());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--band: " + e.getMessage());
        }
    }

    private static CompositeKind kind(String name) {
        return Arrays.stream(CompositeKind.values()).filter(k -> k.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new UsageException("--kinds: unknown kind '" + name
                        + "' (hair, curls, fur, product_edge)"));
    }

    private static <T> List<T> list(Arguments a, String name, String fallback,
            java.util.function.Function<String, T> parse) {
        try {
            return Arrays.stream(a.option(name).orElse(fallback).split(",")).map(String::trim).map(parse).toList();
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
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
