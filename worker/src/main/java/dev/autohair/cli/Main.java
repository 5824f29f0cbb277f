package dev.autohair.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code autohair COMMAND ...}: the one entry point the launcher script calls. */
public final class Main {

    private static final String USAGE = """
            usage: autohair COMMAND [ARGS]

            commands:
              cutout IMAGE_OR_DIR... -o OUT_DIR [options]   cut the subject out of photos
              models install NAME [--from FILE]             download a catalogue model (e.g. isnet-general-use) into the cache
              models list                                   show installed models and whether the configured one loads
              models import-tfjs MODEL.json OUT_DIR         convert a TensorFlow.js graph model to a SavedModel
              models import-frozen-graph GRAPH.pb OUT_DIR --input T:0 --output T:0   a frozen GraphDef to a SavedModel
              quality [-o REPORT.md]                        measure alpha error on composites with known truth
              worker                                        consume jobs from Kafka (configured by environment)
              submit IMAGE_OR_DIR... [options]              upload images and produce their jobs
              demo [OUT_DIR]                                the whole system on loopback (launcher only)
              status                                        job status API and dashboard over HTTP (launcher only)
              help [COMMAND]                                this text, or a command's options
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "cutout" -> new CutoutCommand(out).run(rest);
                case "models" -> new ModelsCommand(out).run(rest);
                case "quality" -> new QualityCommand(out).run(rest);
                case "worker" -> new WorkerCommand(out).run(rest);
                case "submit" -> new SubmitCommand(out, System.getenv()).run(rest);
                case "help", "--help", "-h" -> help(rest, out);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("autohair " + command + ": " + e.getMessage());
            err.println("run 'autohair help " + command + "' for the options");
            return 2;
        } catch (RuntimeException e) {
            // Operator-facing: our exceptions carry messages that say what to do; no stack trace.
            err.println("autohair " + command + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int help(List<String> rest, PrintStream out) {
        String topic = rest.isEmpty() ? "" : rest.get(0);
        out.print(switch (topic) {
            case "cutout" -> CutoutCommand.USAGE;
            case "models" -> ModelsCommand.USAGE;
            case "quality" -> QualityCommand.USAGE;
            case "worker" -> WorkerCommand.USAGE;
            case "submit" -> SubmitCommand.USAGE;
            default -> USAGE;
        });
        return 0;
    }
}
