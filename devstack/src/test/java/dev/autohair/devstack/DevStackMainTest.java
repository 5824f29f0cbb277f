package dev.autohair.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's entry point, run as the launcher runs it: its own JVM, stopped with SIGTERM. */
class DevStackMainTest {

    @TempDir
    Path dir;

    @Test
    void servesKafkaAndS3UntilSigtermThenLeavesNothingRunning() throws Exception {
        Process stack = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DevStackMain.class.getName(),
                "--dir", dir.toString(), "--topics", "jobs,status", "--partitions", "2", "--buckets", "uploads")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("devstack.out").toFile())
                .start();
        try {
            Properties endpoints = awaitEndpoints(stack);
            String bootstrap = endpoints.getProperty("kafka.bootstrap.servers");
            int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            String s3Endpoint = endpoints.getProperty("s3.endpoint");
            int s3Port = Integer.parseInt(s3Endpoint.substring(s3Endpoint.lastIndexOf(':') + 1));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.describeTopics(List.of("jobs", "status")).allTopicNames().get(30, TimeUnit.SECONDS))
                        .allSatisfy((name, topic) -> assertThat(topic.partitions()).hasSize(2));
            }
            StorageConfig storage = new StorageConfig(s3Endpoint, endpoints.getProperty("s3.access.key"),
                    endpoints.getProperty("s3.secret.key"), endpoints.getProperty("s3.region"));
            try (ObjectStore store = new ObjectStore(storage)) {
                store.put("uploads", "a.png", new byte[] {7}, "image/png", Map.of());
                assertThat(store.fetch("uploads", "a.png", 10).bytes()).containsExactly(7);
            }
            List<ProcessHandle> broker = stack.descendants().toList();
            assertThat(broker).as("the broker's child JVM").hasSize(1);

            stack.destroy();

            assertThat(stack.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
            assertThat(broker).noneMatch(ProcessHandle::isAlive);
            assertThat(Loopback.accepts(kafkaPort)).isFalse();
            assertThat(Loopback.accepts(s3Port)).isFalse();
            // Data stays in the folder that was asked for.
            assertThat(dir.resolve("s3/uploads/a.png")).exists();
            assertThat(dir.resolve("kafka/kraft-logs")).isDirectory();
        } finally {
            stack.destroyForcibly();
        }
    }

    private Properties awaitEndpoints(Process stack) throws IOException, InterruptedException {
        Path ready = dir.resolve("devstack.properties");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(ready)) {
            assertThat(stack.isAlive()).as("devstack still running; output: %s", output()).isTrue();
            assertThat(System.nanoTime()).as("devstack ready within 90 s; output: %s", output()).isLessThan(deadline);
            Thread.sleep(100);
        }
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(ready)));
        return properties;
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("devstack.out"));
    }
}
