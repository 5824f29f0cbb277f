package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.config.WorkerConfig;
import dev.autohair.models.catalogue.CatalogueModel;
import dev.autohair.models.catalogue.InstalledModels;
import dev.autohair.models.catalogue.ModelCatalogue;
import dev.autohair.models.catalogue.ModelDownloader;
import dev.autohair.models.catalogue.ModelInstaller;
import dev.autohair.models.frozen.FrozenGraphImporter;
import dev.autohair.models.tfjs.ConversionSummary;
import dev.autohair.models.tfjs.TfjsGraphModelConverter;
import dev.autohair.pipeline.segmentation.DjlSegmenter;
import dev.autohair.pipeline.segmentation.InputContract;
import dev.autohair.pipeline.segmentation.OutputContract;
import dev.autohair.pipeline.segmentation.OutputKind;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import dev.autohair.storage.ModelFetcher;
import dev.autohair.storage.ObjectStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code autohair models ...}: model conversion and what is configured. */
final class ModelsCommand {

    static final String USAGE = """
            autohair models install NAME [--from FILE]
                download a catalogue model (u2net, u2netp, u2net_human_seg, silueta, isnet-general-use,
                birefnet-general, birefnet-general-lite) into the model cache (AUTOHAIR_MODEL_CACHE) and
                check its published md5; a copy in rembg's cache (U2NET_HOME, ~/.u2net) is used without
                downloading; --from installs a file downloaded by hand. Then
                AUTOHAIR_SEGMENTATION_MODEL=NAME (or cutout --model NAME) runs it
            autohair models list
                show the catalogue and what is installed, then the configured segmentation model
                (AUTOHAIR_SEGMENTATION_MODEL, see docs/MODELS.md): load it and run a warm-up on a blank
                image; exit 1 if it does not load
            autohair models import-tfjs MODEL.json OUT_DIR
                convert a TensorFlow.js graph model (model.json + weight shards beside it) into a
                TensorFlow SavedModel (tag serve, signature serving_default) with a dynamic batch size
            autohair models import-frozen-graph GRAPH.pb OUT_DIR --input NAME:0[,...] --output NAME:0[,...]
                turn a TensorFlow frozen GraphDef (e.g. DeepLab v3+'s frozen_inference_graph.pb with
                --input ImageTensor:0 --output SemanticPredictions:0) into a SavedModel
            """;

    private final PrintStream out;
    private final Map<String, String> environment;
    private final ModelCatalogue catalogue;
    private final ModelDownloader.Timeouts timeouts;

    ModelsCommand(PrintStream out) {
        this(out, System.getenv());
    }

    ModelsCommand(PrintStream out, Map<String, String> environment) {
        this(out, environment, ModelCatalogue.REMBG, ModelDownloader.Timeouts.DEFAULT);
    }

    /** With another catalogue (a mirror, or a test's loopback server) and download timeouts. */
    ModelsCommand(PrintStream out, Map<String, String> environment, ModelCatalogue catalogue,
            ModelDownloader.Timeouts timeouts) {
        this.out = out;
        this.environment = environment;
        this.catalogue = catalogue;
        this.timeouts = timeouts;
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("give a subcommand: install, list, import-tfjs or import-frozen-graph");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "install" -> install(Arguments.parse(rest, Set.of(), Set.of("--from")));
            case "list" -> list(Arguments.parse(rest, Set.of(), Set.of()));
            case "import-tfjs" -> importTfjs(Arguments.parse(rest, Set.of(), Set.of()).positionals());
            case "import-frozen-graph" -> importFrozenGraph(Arguments.parse(rest, Set.of(), Set.of("--input", "--output")));
            default -> throw new UsageException("unknown subcommand '" + args.get(0)
                    + "'; use install, list, import-tfjs or import-frozen-graph");
        };
    }

    private int list(Arguments a) {
        if (!a.positionals().isEmpty()) {
            throw new UsageException("list takes no arguments; it reads AUTOHAIR_SEGMENTATION_MODEL");
        }
        Optional<Path> file = Optional.ofNullable(environment.get("AUTOHAIR_CONFIG_FILE")).map(Path::of);
        WorkerConfig.Models config = WorkerConfig.models(environment, file);
        listCatalogue(new InstalledModels(catalogue, config.cache()));
        out.println("segmentation model (" + WorkerConfig.SEGMENTATION_MODEL + "="
                + config.segmentationModel().map(Path::toString).orElse("unset: the shipped selfie model") + ")");
        SegmentationModelSpec spec;
        try {
            spec = catalogueSpec(config).orElseGet(() -> Assembly.segmentationSpec(config.segmentationModel(),
                    config::cache));
        } catch (RuntimeException e) {
            out.println("  NOT CONFIGURED: " + e.getMessage());
            return 1;
        }
        describe(spec);
        try {
            if (config.requireGpu()) {
                Assembly.requireGpu(config, spec);
                out.println("  gpu:      required and present");
            }
            if (spec.remote()) {
                try (ObjectStore store = new ObjectStore(WorkerConfig.load(environment, file).storage())) {
                    spec = new ModelFetcher(store, config.cache()).localise(spec);
                }
                out.println("  cached:   " + spec.location());
            }
            long start = System.nanoTime();
            try (DjlSegmenter segmenter = DjlSegmenter.load(spec)) {
                long loaded = (System.nanoTime() - start) / 1_000_000;
                long warm = segmenter.warmUp().toMillis();
                out.println("  loads:    yes, version " + segmenter.modelVersion() + " (load " + loaded + " ms, warm-up "
                        + warm + " ms on a blank image)");
            }
            return 0;
        } catch (RuntimeException e) {
            out.println("  loads:    NO: " + e.getMessage());
            return 1;
        }
    }

    private int install(Arguments a) {
        if (a.positionals().size() != 1) {
            throw new UsageException("install takes one model name: one of "
                    + catalogue.models().stream().map(CatalogueModel::name).toList());
        }
        String name = a.positionals().get(0);
        Optional<Path> file = Optional.ofNullable(environment.get("AUTOHAIR_CONFIG_FILE")).map(Path::of);
        InstalledModels installed = new InstalledModels(catalogue, WorkerConfig.models(environment, file).cache());
        ModelInstaller installer = new ModelInstaller(installed,
                ModelInstaller.rembgHome(environment, System.getProperty("user.home")),
                new ModelDownloader(timeouts, out::println), out::println);
        CatalogueModel model = catalogue.require(name);
        ModelInstaller.Installation done = a.option("--from").map(Path::of)
                .map(from -> installer.installFrom(name, from)).orElseGet(() -> installer.install(name));
        out.println(switch (done.source()) {
            case ALREADY_INSTALLED -> name + " is already installed (md5 checked)";
            case REMBG_CACHE -> name + " installed from rembg's cache, no download (md5 checked)";
            case LOCAL_FILE -> name + " installed from " + a.option("--from").orElseThrow() + " (md5 checked)";
            case DOWNLOADED -> name + " downloaded and installed (md5 checked)";
        });
        out.println("  file:     " + done.file());
        out.println("  licence:  " + model.licence() + ", " + model.project());
        out.println("  use it:   AUTOHAIR_SEGMENTATION_MODEL=" + name + " or ./autohair cutout --model " + name);
        return 0;
    }

    private void listCatalogue(InstalledModels installed) {
        out.println("catalogue (./autohair models install NAME; model cache " + installed.cache() + ")");
        for (CatalogueModel m : installed.catalogue().models()) {
            out.println(String.format("  %-22s %-14s %s; %s", m.name(),
                    installed.installed(m).isPresent() ? "installed" : "not installed", m.description(), m.licence()));
        }
    }

    /** A catalogue name (this command's catalogue, which tests may replace) resolved in the model cache. */
    private Optional<SegmentationModelSpec> catalogueSpec(WorkerConfig.Models config) {
        return config.segmentationModel()
                .filter(p -> !Files.exists(p) && catalogue.find(p.toString()).isPresent())
                .map(p -> new InstalledModels(catalogue, config.cache()).spec(p.toString()));
    }

    private void describe(SegmentationModelSpec spec) {
        InputContract in = spec.input();
        String size = in.resize() == InputContract.Resize.STRETCH
                ? in.width() + "x" + in.height() + " (stretched)" : "longest side <= " + in.maxSide() + " (aspect kept)";
        List<String> subject = spec.output().subjectFor(List.of()).stream().map(spec.output().classes()::get).toList();
        out.println("  name:     " + spec.name());
        out.println("  engine:   " + spec.engine().name().toLowerCase() + " (DJL " + spec.engine().djlName() + "), "
                + spec.modelFile() + " in " + spec.location());
        out.println("  sha256:   " + (spec.sha256() != null ? spec.sha256() : "not pinned"));
        out.println("  input:    " + in.type().name().toLowerCase() + " " + in.layout() + " " + in.order() + ", " + size
                + (in.type() == InputContract.ValueType.FLOAT32 ? ", range [" + in.min() + ", " + in.max() + "], mean "
                + in.mean() + ", std " + in.std() : ""));
        out.println("  output:   " + spec.output().kind().name().toLowerCase()
                + (spec.output().kind() == OutputKind.CLASS_MAP ? "" : " " + spec.output().layout())
                + (spec.output().normalise() == OutputContract.Normalisation.MIN_MAX ? ", min-max normalised" : "") + ", "
                + spec.output().classes().size() + (spec.output().classes().size() == 1 ? " class" : " classes")
                + "; default subject " + subject);
        out.println("  batch:    at most " + spec.batch().maxImages() + " images and " + spec.batch().maxPixels()
                + " model-input pixels per forward pass");
    }

    private int importTfjs(List<String> positionals) {
        if (positionals.size() != 2) {
            throw new UsageException("import-tfjs takes MODEL.json and OUT_DIR");
        }
        try {
            ConversionSummary summary = TfjsGraphModelConverter.convert(Path.of(positionals.get(0)), Path.of(positionals.get(1)));
            out.println("SavedModel written to " + summary.savedModelDir());
            out.println("  inputs:  " + summary.inputs());
            out.println("  outputs: " + summary.outputs());
            out.println("  weights: " + summary.weightsConverted() + ", fused ops rewritten: "
                    + summary.fusedOpsRewritten() + ", batch shapes made dynamic: " + summary.batchShapesRewritten());
            out.println("  ops:     " + summary.opCounts());
            out.println("  sha256:  " + DjlSegmenter.sha256(summary.savedModelDir().resolve("saved_model.pb")));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not convert " + positionals.get(0) + ": " + e.getMessage(), e);
        }
    }

    private int importFrozenGraph(Arguments a) {
        if (a.positionals().size() != 2) {
            throw new UsageException("import-frozen-graph takes GRAPH.pb and OUT_DIR");
        }
        List<String> inputs = tensors(a, "--input");
        List<String> outputs = tensors(a, "--output");
        try {
            FrozenGraphImporter.Summary summary = FrozenGraphImporter.importGraph(Path.of(a.positionals().get(0)),
                    Path.of(a.positionals().get(1)), inputs, outputs);
            out.println("SavedModel written to " + summary.savedModelDir() + " (" + summary.nodes() + " nodes)");
            out.println("  inputs:  " + summary.inputs());
            out.println("  outputs: " + summary.outputs());
            out.println("  sha256:  " + DjlSegmenter.sha256(summary.savedModelDir().resolve("saved_model.pb"))
                    + "  (put this in the model file's sha256)");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not import " + a.positionals().get(0) + ": " + e.getMessage(), e);
        }
    }

    private static List<String> tensors(Arguments a, String option) {
        String value = a.option(option).orElseThrow(() -> new UsageException("import-frozen-graph needs " + option
                + " (e.g. --input ImageTensor:0 --output SemanticPredictions:0 for DeepLab v3+)"));
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
