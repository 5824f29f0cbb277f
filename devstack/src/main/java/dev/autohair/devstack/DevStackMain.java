package dev.autohair.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the dev stack in its own JVM until SIGTERM / Ctrl-C, so that the worker's JVM never carries
 * s3proxy's libraries:
 *
 * <pre>java -cp 'devstack/target/autohair-devstack.jar:devstack/target/lib/*' dev.autohair.devstack.DevStackMain \
 *     --dir target/devstack --topics jobs,results,status --buckets uploads,cutouts</pre>
 *
 * <p>Once both servers serve, it writes their endpoints to {@code DIR/devstack.properties} (keys
 * {@code kafka.bootstrap.servers}, {@code s3.endpoint}, {@code s3.access.key}, {@code s3.secret.key},
 * {@code s3.region}) and prints the same lines; scripts wait for that file.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of("target", "devstack");
        List<String> topics = new ArrayList<>();
        List<String> buckets = new ArrayList<>();
        int partitions = 3;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dir" -> dir = Path.of(require(value, "--dir"));
                case "--topics" -> topics.addAll(List.of(require(value, "--topics").split(",")));
                case "--buckets" -> buckets.addAll(List.of(require(value, "--buckets").split(",")));
                case "--partitions" -> partitions = Integer.parseInt(require(value, "--partitions"));
                default -> usage("unknown option '" + args[i] + "'");
            }
            i++;
        }
        Path ready = dir.toAbsolutePath().resolve("devstack.properties");
        Files.deleteIfExists(ready);

        DevStack stack = DevStack.start(dir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));

        if (!topics.isEmpty()) {
            stack.kafka().createTopics(partitions, topics.toArray(String[]::new));
        }
        buckets.forEach(stack.s3()::createBucket);
        String properties = String.join("\n",
                "kafka.bootstrap.servers=" + stack.kafka().bootstrapServers(),
                "s3.endpoint=" + stack.s3().endpoint(),
                "s3.access.key=" + stack.s3().accessKey(),
                "s3.secret.key=" + stack.s3().secretKey(),
                "s3.region=" + stack.s3().region(),
                "");
        // Written atomically: a script polling for the file never reads half of it.
        Path partial = ready.resolveSibling("devstack.properties.tmp");
        Files.writeString(partial, properties, StandardCharsets.UTF_8);
        Files.move(partial, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.print(properties);
        System.out.println("# kafka started in " + stack.kafka().startupTime().toMillis() + " ms, s3 in "
                + stack.s3().startupTime().toMillis() + " ms; stop with Ctrl-C or SIGTERM");
        stopped.await();
    }

    private static String require(String value, String option) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("devstack: " + problem);
        System.err.println("usage: DevStackMain [--dir DIR] [--topics T1,T2] [--partitions N] [--buckets B1,B2]");
        System.exit(2);
    }
}
