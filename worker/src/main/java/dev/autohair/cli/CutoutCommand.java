package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.common.config.ConfigException;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.image.Matte;
import dev.autohair.config.MattingConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutTask;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.StageListener;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.output.RenderedOutput;
import dev.autohair.pipeline.trimap.TrimapImages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
              --debug            also write NAME.trimap.png and NAME.mask.png
              --mask PATH        refine this rough mask instead of segmenting ("refine edge");
                                 a file for one input, or a folder with a file named like each input
              --trimap PATH      use this trimap (0 background, 255 foreground, grey unknown);
                                 skips segmentation and trimap generation. File or folder as --mask
            """ + JobOptionFlags.USAGE + """
              --model DIR|JSON|NAME       the portrait model: a SavedModel (selfie contract), a JSON model
                                 file or an installed catalogue model (docs/MODELS.md)
              --object-model JSON|NAME    the general model for --subject object and auto (default: the
                                 weights-free product segmenter), e.g. isnet-general-use once installed
              --matting MODE     closed-form (default), information-flow, network or trimap-free,
                                 as AUTOHAIR_MATTING_MODE
              --matting-model PATH        the TorchScript matting network (network, trimap-free)
              --matting-inference SPEC    whole[:MAX_SIDE] (default) or tiles[:SIZE[:OVERLAP]], as the worker's
              --batch N          images per model batch (default 4)
            """;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");
    private static final Set<String> VALUED = Set.of("-o", "--out", "--mask", "--trimap", "--model", "--object-model",
            "--matting", "--matting-model", "--matting-inference", "--batch");

    private final PrintStream out;
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    CutoutCommand(PrintStream out) {
        this.out = out;
    }

    /** @return the exit status: 0 when every input was cut out, 1 when any failed */
    int run(List<String> args) {
        Set<String> valued = new HashSet<>(VALUED);
        valued.addAll(JobOptionFlags.VALUED);
        Arguments a = Arguments.parse(args, Set.of("--matte", "--debug"), valued);
        Path outDir = Path.of(a.option("-o").or(() -> a.option("--out"))
                .orElseThrow(() -> new UsageException("give an output folder with -o OUT_DIR")));
        if (a.positionals().isEmpty()) {
            throw new UsageException("give at least one image or folder of images");
        }
        if (a.option("--mask").isPresent() && a.option("--trimap").isPresent()) {
            throw new UsageException("give --mask or --trimap, not both");
        }
        MattingConfig matting;
        try {
            matting = MattingConfig.parse(MattingConfig.Keys.COMMAND_LINE, a.option("--matting").orElse("closed-form"),
                    a.option("--matting-model"), a.option("--matting-inference").orElse("whole"),
                    a.option("--model").isPresent());
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        boolean guided = a.option("--mask").isPresent() || a.option("--trimap").isPresent();
        if (guided && matting.mode() == MattingConfig.Mode.TRIMAP_FREE) {
            throw new UsageException("--matting trimap-free predicts alpha from the photo alone; it takes no --mask or --trimap");
        }
        Options options = new Options(
                outDir,
                a.option("--mask").map(Path::of),
                a.option("--trimap").map(Path::of),
                JobOptionFlags.parse(a, JobOptions.defaults().withOutputs(outputs(a))),
                a.option("--model").map(Path::of),
                a.option("--object-model").map(Path::of),
                matting,
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

    /** The cutout, plus the matte for --matte and the trimap and mask for --debug (--outputs overrides). */
    private static OutputKind[] outputs(Arguments a) {
        List<OutputKind> kinds = new ArrayList<>(List.of(OutputKind.CUTOUT));
        if (a.flag("--matte")) {
            kinds.add(OutputKind.MATTE);
        }
        if (a.flag("--debug")) {
            kinds.add(OutputKind.TRIMAP);
            kinds.add(OutputKind.MASK);
        }
        return kinds.toArray(OutputKind[]::new);
    }

    private record Options(
            Path outDir,
            Optional<Path> mask,
            Optional<Path> trimap,
            JobOptions job,
            Optional<Path> model, // empty: the shipped default
            Optional<Path> objectModel, // empty: the product segmenter
            MattingConfig matting,
            int batch) {

        boolean guided() {
            return mask.isPresent() || trimap.isPresent();
        }
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
            List<CutoutTask> tasks = new ArrayList<>();
            for (Path input : batch) {
                try {
                    String name = baseName(input);
                    if (!usedNames.add(name)) {
                        throw new IOException("another input already wrote " + name + ".*; rename one of them");
                    }
                    Guide guide = guide(input);
                    tasks.add(pipeline().task(() -> read(input), guide, options.job(), outputs -> write(name, outputs),
                            StageListener.NONE));
                    accepted.add(input);
                } catch (RuntimeException | IOException e) {
                    fail(input, e);
                }
            }
            if (tasks.isEmpty()) {
                return;
            }
            pipeline().runAll(tasks);
            for (int i = 0; i < tasks.size(); i++) {
                CutoutTask task = tasks.get(i);
                if (task.failed()) {
                    fail(accepted.get(i), task.failure().get().getCause());
                    continue;
                }
                RenderedOutput cutout = task.outputs().get(0);
                done++;
                out.printf("[%d/%d] %s -> %s (%dx%d; %s)%n", done + failures, inputs.size(), accepted.get(i),
                        options.outDir().resolve(fileName(baseName(accepted.get(i)), cutout)), cutout.width(),
                        cutout.height(), task.timings());
            }
        }

        private Guide guide(Path input) throws IOException {
            if (options.trimap().isPresent()) {
                Matte grey = decoder.decodeGray(Files.readAllBytes(companion(options.trimap().get(), input)));
                return new Guide.GivenTrimap(TrimapImages.fromGrey(grey));
            }
            if (options.mask().isPresent()) {
                return new Guide.RoughMask(decoder.decodeGray(Files.readAllBytes(companion(options.mask().get(), input))));
            }
            return Guide.segment();
        }

        private void write(String name, List<RenderedOutput> outputs) {
            for (RenderedOutput output : outputs) {
                Path target = options.outDir().resolve(fileName(name, output));
                try {
                    Files.write(target, output.bytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
                }
            }
        }

        private void fail(Path input, Exception e) {
            failures++;
            String reason = e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.getMessage();
            out.printf("[%d/%d] %s: FAILED (%s): %s%n", done + failures, inputs.size(), input,
                    e.getClass().getSimpleName(), reason);
        }

        /** Loaded (and warmed up) on first use, so a run whose inputs all fail early loads no model. */
        private CutoutPipeline pipeline() {
            if (pipeline == null) {
                pipeline = options.guided()
                        ? Assembly.maskGuidedPipeline(options.matting(), options.batch())
                        : Assembly.localPipeline(options.model(), options.objectModel(), options.matting(),
                                options.batch());
                pipeline.warmUp();
            }
            return pipeline;
        }
    }

    /** NAME.png for the cutout, NAME.matte.png, NAME.trimap.png and NAME.mask.png for the grey maps. */
    static String fileName(String name, RenderedOutput output) {
        String kind = output.kind() == OutputKind.CUTOUT ? "" : "." + output.kind().wireName();
        return name + kind + "." + output.format().extension();
    }

    private static byte[] read(Path input) {
        try {
            return Files.readAllBytes(input);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file " + input, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
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

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new UsageException(name + " must be 1 or more, got " + value);
        }
        return value;
    }
}
