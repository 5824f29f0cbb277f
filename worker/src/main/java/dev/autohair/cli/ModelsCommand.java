package dev.autohair.cli;

import dev.autohair.models.tfjs.ConversionSummary;
import dev.autohair.models.tfjs.TfjsGraphModelConverter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code autohair models ...}: model conversion (and, later, listing what is configured). */
final class ModelsCommand {

    static final String USAGE = """
            autohair models import-tfjs MODEL.json OUT_DIR
                convert a TensorFlow.js graph model (model.json + weight shards beside it) into a
                TensorFlow SavedModel (tag serve, signature serving_default) with a dynamic batch size
            """;

    private final PrintStream out;

    ModelsCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("give a subcommand: import-tfjs");
        }
        Arguments a = Arguments.parse(args.subList(1, args.size()), Set.of(), Set.of());
        return switch (args.get(0)) {
            case "import-tfjs" -> importTfjs(a.positionals());
            default -> throw new UsageException("unknown subcommand '" + args.get(0) + "'; use import-tfjs");
        };
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
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not convert " + positionals.get(0) + ": " + e.getMessage(), e);
        }
    }
}
