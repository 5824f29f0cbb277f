package dev.autohair.devstack.kafka;

import java.io.PrintStream;

/**
 * Entry point of the broker's child JVM: formats the log folder (idempotent) and runs the broker
 * in one JVM, which saves a second JVM start-up (~2 s) over running the storage tool separately.
 *
 * <p>Arguments: {@code SERVER_PROPERTIES CLUSTER_ID [PARENT_PID]}. SIGTERM shuts the broker down
 * cleanly; so does the end of the parent process, so a crashed test run leaves no broker behind.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: KafkaBrokerMain SERVER_PROPERTIES CLUSTER_ID [PARENT_PID]");
            System.exit(2);
        }
        if (args.length == 3) {
            // System.exit runs Kafka's shutdown hook: a clean stop, as on SIGTERM.
            ProcessHandle.of(Long.parseLong(args[2])).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }
        String properties = args[0];
        String clusterId = args[1];
        PrintStream out = System.out;
        int formatted = kafka.tools.StorageTool.execute(
                new String[] {"format", "--config", properties, "--cluster-id", clusterId, "--ignore-formatted"}, out);
        if (formatted != 0) {
            System.err.println("kafka storage format failed with exit code " + formatted);
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] {properties});
    }
}
