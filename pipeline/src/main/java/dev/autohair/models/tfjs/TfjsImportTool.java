package dev.autohair.models.tfjs;

import java.nio.file.Path;

/**
 * Command-line entry until the worker CLI wraps it: {@code TfjsImportTool MODEL.json OUT_DIR}.
 * Prints the converted model's signature and op counts.
 */
public final class TfjsImportTool {

    private TfjsImportTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TfjsImportTool MODEL.json OUT_DIR   (OUT_DIR must be new or empty)");
            System.exit(2);
        }
        ConversionSummary summary = TfjsGraphModelConverter.convert(Path.of(args[0]), Path.of(args[1]));
        System.out.println("SavedModel written to " + summary.savedModelDir()
                + " (tag serve, signature serving_default)");
        System.out.println("inputs:  " + summary.inputs());
        System.out.println("outputs: " + summary.outputs());
        System.out.println("weights: " + summary.weightsConverted() + ", fused ops rewritten: "
                + summary.fusedOpsRewritten() + ", batch shapes made dynamic: " + summary.batchShapesRewritten());
        System.out.println("ops: " + summary.opCounts());
    }
}
