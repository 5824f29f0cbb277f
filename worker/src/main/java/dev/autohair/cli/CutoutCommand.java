package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutRequest;
import dev.autohair.pipeline.CutoutResult;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.output.BackgroundColour;
import dev.autohair.pipeline.output.Cutout;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import dev.autohair.pipeline.trimap.TrimapImages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@code autohair cutout}: files in, cutouts out, one failure never stopping the rest. */
final class CutoutCommand {

    static final String USAGE = """
            autohair cutout IMAGE_OR_DIR... -o OUT_DIR [options]

              -o, --out DIR      where NAME.png (or .webp) cutouts are written (created if missing)
              --matte            also write NAME.matte.png, the alpha matte
              --mask PATH        refine this rough mask instead of segmenting ("refine edge");
                                 a file for one input, or a folder with a file named like each input
              --trimap PATH      use this trimap (0 background, 255 foreground, grey unknown);
                                 skips segmentation and trimap generation. File or folder as --mask
              --band SPEC        trimap band: auto (default, scaled to the image), SIZE or
                                 SIZE:EROSION in pixels, or confidence[:LOW:HIGH] for soft masks
              --bg RRGGBB        flatten onto this colour instead of keeping transparency
              --crop PX          crop to the subject plus PX pixels of margin
              --format png|webp  cutout encoding (default png; the matte is always PNG)
              --debug            also write NAME.trimap.png and NAME.mask.png
              --model DIR|JSON   segmentation SavedModel (selfie contract) or JSON model file (docs/MODELS.md)
              --batch N          images per segmentation batch (default 4)
            """;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");

    private final PrintStream out;
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    private final ImageEncoder encoder = new ImageEncoder();

    CutoutCommand(PrintStream out) {
        this.out = out;
    }

    /** @return the exit status: 0 when every input was cut out, 1 when any failed */
    int run(List<String> args) {
        Arguments a = Arguments.parse(args, Set.of("--matte", "--debug"),
                Set.of("-o", "--out", "--mask", "--trimap", "--band", "--bg", "--crop", "--format", "--model", "--batch"));
        Path outDir = Path.of(a.option("-o").or(() -> a.option("--out"))
                .orElseThrow(() -> new UsageException("give an output folder with -o OUT_DIR")));
        if (a.positionals().isEmpty()) {
            throw new UsageException("give at least one image or folder of images");
        }
        if (a.option("--mask").isPresent() && a.option("--trimap").isPresent()) {
            throw new UsageException("give --mask or --trimap, not both");
        }
        Options options = new Options(
                outDir,
                a.flag("--matte"),
                a.flag("--debug"),
                a.option("--mask").map(Path::of),
                a.option("--trimap").map(Path::of),
                TrimapOption.parse(a.option("--band").orElse("auto")),
                a.option("--bg").map(CutoutCommand::parseColour),
                a.option("--crop").map(v -> nonNegative("--crop", a.intOption("--crop", 0))),
                a.option("--format").map(CutoutCommand::parseFormat).orElse(OutputFormat.PNG),
                a.option("--model").map(Path::of).orElse(null),
                positive("--batch", a.intOption("--batch", 4)));

        List<Path> inputs = expand(a.positionals());
        if (inputs.isEmpty()) {
            throw new UsageException("no JPEG, PNG or WebP images found in " + a.positionals());
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UsageException("cannot create output folder " + outDir + ": " + e.getMessage());
        }
        return new Run(options, inputs).execute();
    }

    private record Options(
            Path outDir,
            boolean matte,
            boolean debug,
            Optional<Path> mask,
            Optional<Path> trimap,
            TrimapGenerator trimaps,
            Optional<BackgroundColour> background,
            Optional<Integer> crop,
            OutputFormat format,
            Path model, // null: the shipped default
            int batch) {
    }

    /** One invocation's state: the inputs, the lazily loaded pipeline, the failure count. */
    private final class Run {
        private final Options options;
        private final List<Path> inputs;
        private final Set<String> usedNames = new HashSet<>();
        private CutoutPipeline pipeline;
        private int failures;
        private int done;

        Run(Options options, List<Path> inputs) {
            this.options = options;
            this.inputs = inputs;
        }

        int execute() {
            try {
                for (int start = 0; start < inputs.size(); start += options.batch()) {
                    processBatch(inputs.subList(start, Math.min(inputs.size(), start + options.batch())));
                }
            } finally {
                if (pipeline != null) {
                    pipeline.close();
                }
            }
            out.printf("%d of %d images cut out into %s%s%n", inputs.size() - failures, inputs.size(),
                    options.outDir(), failures == 0 ? "" : "; " + failures + " failed");
            return failures == 0 ? 0 : 1;
        }

        private void processBatch(List<Path> batch) {
            List<Path> accepted = new ArrayList<>();
            List<CutoutRequest> requests = new ArrayList<>();
            for (Path input : batch) {
                try {
                    requests.add(request(input));
                    accepted.add(input);
                } catch (RuntimeException | IOException e) {
                    fail(input, e);
                }
            }
            if (requests.isEmpty()) {
                return;
            }
            List<CutoutPipeline.Outcome> outcomes = pipeline().runEach(requests);
            for (int i = 0; i < outcomes.size(); i++) {
                Path input = accepted.get(i);
                CutoutPipeline.Outcome outcome = outcomes.get(i);
                if (outcome.failure() != null) {
                    fail(input, outcome.failure());
                    continue;
                }
                try {
                    write(input, outcome.result());
                } catch (RuntimeException | IOException e) {
                    fail(input, e);
                }
            }
        }

        private CutoutRequest request(Path input) throws IOException {
            RgbImage image = decoder.decode(Files.readAllBytes(input));
            Guide guide;
            if (options.trimap().isPresent()) {
                Matte grey = decoder.decodeGray(Files.readAllBytes(companion(options.trimap().get(), input)));
                guide = new Guide.GivenTrimap(TrimapImages.fromGrey(grey));
            } else if (options.mask().isPresent()) {
                Matte mask = decoder.decodeGray(Files.readAllBytes(companion(options.mask().get(), input)));
                guide = new Guide.RoughMask(mask, options.trimaps());
            } else {
                guide = new Guide.Segment(options.trimaps());
            }
            return new CutoutRequest(image, guide);
        }

        private void write(Path input, CutoutResult result) throws IOException {
            String name = baseName(input);
            if (!usedNames.add(name)) {
                throw new IOException("another input already wrote " + name + ".*; rename one of them");
            }
            Cutout cutout = result.cutout();
            Optional<dev.autohair.pipeline.output.Region> crop = options.crop().map(cutout::subjectBounds);
            if (crop.isPresent()) {
                cutout = cutout.crop(crop.get());
            }
            Path target = options.outDir().resolve(name + "." + options.format().extension());
            byte[] encoded = options.background().isPresent()
                    ? encoder.encodeOpaque(cutout.flattenOnto(options.background().get()), options.format())
                    : encoder.encodeCutout(cutout, options.format());
            Files.write(target, encoded);
            if (options.matte()) {
                Files.write(options.outDir().resolve(name + ".matte.png"), encoder.encodeGray(cutout.alpha()));
            }
            if (options.debug()) {
                Files.write(options.outDir().resolve(name + ".trimap.png"),
                        encoder.encodeGray(TrimapImages.toGrey(result.trimap())));
                if (result.mask().isPresent()) {
                    Files.write(options.outDir().resolve(name + ".mask.png"), encoder.encodeGray(result.mask().get()));
                }
            }
            done++;
            out.printf("[%d/%d] %s -> %s (%dx%d; %s)%n", done + failures, inputs.size(), input, target,
                    cutout.width(), cutout.height(), result.timings());
        }

        private void fail(Path input, Exception e) {
            failures++;
            String reason = e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.getMessage();
            out.printf("[%d/%d] %s: FAILED (%s): %s%n", done + failures, inputs.size(), input,
                    e.getClass().getSimpleName(), reason);
        }

        private CutoutPipeline pipeline() {
            if (pipeline == null) {
                boolean needsModel = options.mask().isEmpty() && options.trimap().isEmpty();
                pipeline = needsModel ? Assembly.cutoutPipeline(options.model()) : Assembly.cutoutPipelineWithoutModel();
            }
            return pipeline;
        }
    }

    /** The mask or trimap for {@code input}: the path itself, or the same-named file in that folder. */
    static Path companion(Path given, Path input) throws NoSuchFileException {
        if (!Files.isDirectory(given)) {
            return given;
        }
        Path same = given.resolve(input.getFileName().toString());
        if (Files.isRegularFile(same)) {
            return same;
        }
        String base = baseName(input);
        for (String ext : List.of("png", "jpg", "jpeg", "webp")) {
            Path candidate = given.resolve(base + "." + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new NoSuchFileException(same + " (nor " + base + ".png/.jpg/.webp in " + given + ")");
    }

    static List<Path> expand(List<String> positionals) {
        List<Path> inputs = new ArrayList<>();
        for (String positional : positionals) {
            Path path = Path.of(positional);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(Files::isRegularFile).filter(CutoutCommand::isImageName).sorted().forEach(inputs::add);
                } catch (IOException e) {
                    throw new UsageException("cannot list " + path + ": " + e.getMessage());
                }
            } else {
                inputs.add(path); // a missing file fails on its own, the rest go on
            }
        }
        return inputs;
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static BackgroundColour parseColour(String text) {
        try {
            return BackgroundColour.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--bg: " + e.getMessage());
        }
    }

    private static OutputFormat parseFormat(String text) {
        try {
            return OutputFormat.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
    }

    private static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new UsageException(name + " must be 0 or more, got " + value);
        }
        return value;
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new UsageException(name + " must be 1 or more, got " + value);
        }
        return value;
    }
}
