package dev.autohair.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs librdkafka_produce.py: records produced by librdkafka, not by the Java client. */
final class LibrdkafkaProducer {

    private LibrdkafkaProducer() {
    }

    /**
     * @param records key TAB value lines
     * @return the partition librdkafka put each key on
     */
    static Map<String, Integer> produce(Path python, String bootstrapServers, String topic, Path records, Path workDir)
            throws IOException, InterruptedException {
        Path script = workDir.resolve("librdkafka_produce.py");
        try (InputStream in = LibrdkafkaProducer.class.getResourceAsStream("librdkafka_produce.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path err = Files.createTempFile(workDir, "librdkafka", ".err");
        Process process = new ProcessBuilder(python.toString(), script.toString(), bootstrapServers, topic, records.toString())
                .redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("librdkafka_produce.py did not finish within 90 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("librdkafka_produce.py failed (" + process.exitValue() + "): " + Files.readString(err));
        }
        Map<String, Integer> placed = new HashMap<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> {
            String[] parts = l.trim().split(" ");
            placed.put(parts[0], Integer.parseInt(parts[1]));
        });
        return placed;
    }
}
