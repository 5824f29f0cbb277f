package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.config.WorkerConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code autohair worker}: consume jobs until SIGTERM, then drain and exit. */
final class WorkerCommand {

    static final String USAGE = """
            autohair worker
                runs a worker against the Kafka and S3 endpoints in the environment
                (AUTOHAIR_KAFKA_BOOTSTRAP_SERVERS, AUTOHAIR_S3_ENDPOINT, ...; see docs/CONFIGURATION.md);
                AUTOHAIR_CONFIG_FILE names an optional properties file with the same keys.
                SIGTERM stops taking jobs, finishes those in flight within AUTOHAIR_DRAIN_TIMEOUT_MS,
                commits and exits. Serves /metrics, /health/live and /health/ready on
                AUTOHAIR_HTTP_PORT (default 8080).
            """;

    private final PrintStream out;

    WorkerCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("worker takes no arguments; configure it through the environment");
        }
        WorkerConfig config = WorkerConfig.fromEnvironment();
        out.println("autohair worker " + config.workerId() + ": loading models...");
        CountDownLatch stopped = new CountDownLatch(1);
        try (Assembly.Running running = Assembly.worker(config)) {
            out.println("autohair worker " + config.workerId() + ": models warm; /metrics and /health on port "
                    + running.monitoring().port());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.worker().stop();
                try {
                    stopped.await(); // let run() drain and commit before the JVM exits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "autohair-shutdown"));
            running.worker().run();
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
