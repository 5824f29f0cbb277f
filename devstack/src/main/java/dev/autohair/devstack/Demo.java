package dev.autohair.devstack;

import dev.autohair.Assembly;
import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import dev.autohair.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * {@code autohair demo}: the whole system on loopback. A real KRaft broker and a real S3 server
 * start, the sample images are uploaded and submitted as jobs (plus one file that is not an image),
 * a worker processes them, each job's progress is printed as read from the status topic, and the
 * cutouts are downloaded into a local folder. Same code paths as production; only endpoints differ.
 */
public final class Demo {

    private static final String UPLOADS = "uploads";
    private static final String CUTOUTS = "cutouts";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("autohair.home", "."));
        Path samples = home.resolve("samples");
        Path out = Path.of(args.length > 0 ? args[0] : "out/demo").toAbsolutePath();
        Path work = home.resolve(".demo");
        deleteRecursively(work);
        Files.createDirectories(out);

        System.out.println("starting a Kafka broker (KRaft) and an S3 server (s3proxy) on loopback...");
        try (DevStack stack = DevStack.start(work)) {
            Topics topics = Topics.defaults();
            stack.createTopics(topics, 3);
            stack.s3().createBucket(UPLOADS);
            stack.s3().createBucket(CUTOUTS);
            System.out.printf("  Kafka %s, S3 %s%n", stack.kafka().bootstrapServers(), stack.s3().endpoint());

            // A free monitoring port: the demo must not clash with a worker on 8080.
            WorkerConfig config = stack.workerConfig(topics, "autohair-workers", "demo-worker",
                    Map.of(WorkerConfig.HTTP_PORT, "0"));
            System.out.println("loading models...");
            try (Assembly.Running running = Assembly.worker(config);
                    JobClient client = stack.jobClient(topics);
                    KafkaConsumer<String, byte[]> events = stack.follow(topics.status(), topics.results())) {
                Thread worker = new Thread(running.worker()::run, "demo-worker");
                worker.start();

                Map<String, String> names = submitSamples(client, samples);
                Map<String, JobResult> results = printProgress(events, topics, names);

                running.worker().stop();
                worker.join(TIMEOUT.toMillis());
                download(results, names, running.store(), out);
            }
        }
        System.out.println("stopped the worker, the broker and the S3 server");
    }

    private static Map<String, String> submitSamples(JobClient client, Path samples) throws IOException {
        JobRequest request = JobRequest.of(UPLOADS, OutputTarget.of(CUTOUTS))
                .withOptions(JobOptions.defaults().withOutputs(OutputKind.CUTOUT, OutputKind.MATTE));
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : List.of("astronaut.png", "coffee.png", "lemur.png", "cat.png")) {
            names.put(client.submit(samples.resolve(name), request), name);
        }
        // Shows the failure path: a clear FAILED status, and the stream keeps flowing.
        names.put(client.submit("this is not an image".getBytes(), "notes.png", request), "notes.png (not an image)");
        System.out.printf("submitted %d jobs to %s%n", names.size(), Topics.DEFAULT_JOBS);
        return names;
    }

    private static Map<String, JobResult> printProgress(KafkaConsumer<String, byte[]> events, Topics topics,
            Map<String, String> names) {
        MessageCodec codec = new MessageCodec();
        Map<String, JobResult> results = new HashMap<>();
        java.util.Set<String> ended = new java.util.HashSet<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (results.size() < names.size() || ended.size() < names.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("jobs did not finish within " + TIMEOUT.toMinutes() + " minutes");
            }
            for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(100))) {
                if (record.topic().equals(topics.status())) {
                    StatusEvent e = codec.decodeStatus(record.value());
                    if (e.state().terminal()) {
                        ended.add(e.jobId());
                    }
                    System.out.printf("  %-26s %-10s %3.0f%%%s%n", names.getOrDefault(e.jobId(), e.jobId()), e.state(),
                            e.progress() * 100, e.error() == null ? "" : "  " + e.error().code() + ": " + e.error().message());
                } else {
                    JobResult result = codec.decodeResult(record.value());
                    results.put(result.jobId(), result);
                }
            }
        }
        return results;
    }

    private static void download(Map<String, JobResult> results, Map<String, String> names, ObjectStore store, Path out)
            throws IOException {
        int written = 0;
        for (JobResult result : results.values()) {
            String base = names.get(result.jobId()).replaceAll("\\..*", "");
            for (OutputRef ref : result.outputs()) {
                String suffix = ref.kind() == OutputKind.CUTOUT ? "" : "." + ref.kind().wireName();
                Path file = out.resolve(base + suffix + "." + ref.key().substring(ref.key().lastIndexOf('.') + 1));
                Files.write(file, store.fetch(ref.bucket(), ref.key(), Integer.MAX_VALUE / 2).bytes());
                written++;
            }
            System.out.printf(Locale.ROOT, "  %-26s %s%s%n", names.get(result.jobId()), result.outcome(),
                    result.error() == null ? " " + result.timingsMs() : " (" + result.error().code() + ")");
        }
        System.out.printf("wrote %d files to %s%n", written, out);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
