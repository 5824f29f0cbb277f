package dev.autohair.status;

import dev.autohair.common.config.ConfigException;
import dev.autohair.status.config.StatusConfig;
import java.util.concurrent.CountDownLatch;

/** {@code ./autohair status}: runs the status service until SIGTERM. */
public final class StatusMain {

    private StatusMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.err.println("usage: autohair status   (configured by AUTOHAIR_STATUS_* variables; see docs/CONFIGURATION.md)");
            System.exit(args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
        }
        StatusConfig config;
        try {
            config = StatusConfig.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("autohair status: " + e.getMessage());
            System.exit(2);
            return;
        }
        StatusService service;
        try {
            service = StatusService.start(config);
        } catch (IllegalStateException e) {
            System.err.println("autohair status: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "status-shutdown"));
        System.err.println("autohair status: dashboard and API on http://" + config.httpHost() + ":" + service.httpPort() + "/");
        stopped.await();
    }
}
