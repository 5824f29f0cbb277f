package dev.autohair.cli;

import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobClientConfig;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.client.KafkaSettings;
import dev.autohair.common.client.S3Settings;
import dev.autohair.common.config.Namespace;
import dev.autohair.common.config.Settings;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.kafka.KafkaSecurity;
import dev.autohair.config.WorkerConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code autohair submit}: upload images and produce their jobs, as an upload system would. */
final class SubmitCommand {

    static final String USAGE = """
            autohair submit IMAGE_OR_DIR... [options]
                uploads each image to the input bucket and produces its job on the jobs topic;
                prints one job id per image. Endpoints and topics default to the worker's
                environment variables (AUTOHAIR_KAFKA_BOOTSTRAP_SERVERS, AUTOHAIR_S3_ENDPOINT, ...),
                and so do Kafka TLS/SASL (AUTOHAIR_KAFKA_SECURITY_PROTOCOL, ...) and AUTOHAIR_S3_CA_FILE
              --kafka SERVERS      bootstrap servers
              --s3 URL             S3 endpoint; credentials from AUTOHAIR_S3_ACCESS_KEY / _SECRET_KEY
              --bucket NAME        input bucket (default uploads)
              --out-bucket NAME    output bucket (default cutouts)
              --prefix PREFIX      output key prefix (default none)
            """ + JobOptionFlags.USAGE;

    private final PrintStream out;
    private final Settings environment;

    SubmitCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        // Borrows the worker's keys; the environment may hold anything else (it is not a worker's).
        this.environment = Settings.load(environment, Optional.empty(), WorkerConfig.KEYS, Namespace.NONE);
    }

    int run(List<String> args) {
        Set<String> valued = new HashSet<>(Set.of("--kafka", "--s3", "--bucket", "--out-bucket", "--prefix"));
        valued.addAll(JobOptionFlags.VALUED);
        Arguments a = Arguments.parse(args, Set.of(), valued);
        List<Path> images = CutoutCommand.expand(a.positionals());
        if (images.isEmpty()) {
            throw new UsageException("give at least one image or folder of images");
        }
        String kafka = a.option("--kafka").orElseGet(() -> env(WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "--kafka"));
        String s3 = a.option("--s3").orElseGet(() -> env(WorkerConfig.S3_ENDPOINT, "--s3"));
        Topics topics = Topics.defaults();
        topics = new Topics(environment.string(WorkerConfig.TOPIC_JOBS, topics.jobs()), topics.status(),
                topics.results(), topics.deadLetters());
        JobOptions options = JobOptionFlags.parse(a, JobOptions.defaults());
        JobRequest request = JobRequest.of(a.option("--bucket").orElse("uploads"),
                new OutputTarget(a.option("--out-bucket").orElse("cutouts"), a.option("--prefix").orElse("")))
                .withOptions(options);
        JobClientConfig config = new JobClientConfig(
                KafkaSettings.of(kafka, KafkaSecurity.read(environment, WorkerConfig.KAFKA_SECURITY)),
                new S3Settings(URI.create(s3), env(WorkerConfig.S3_ACCESS_KEY, "AUTOHAIR_S3_ACCESS_KEY"),
                        env(WorkerConfig.S3_SECRET_KEY, "AUTOHAIR_S3_SECRET_KEY"),
                        environment.optional(WorkerConfig.S3_REGION).orElse(null),
                        environment.readableFile(WorkerConfig.S3_CA_FILE)), topics);
        int failures = 0;
        try (JobClient client = JobClient.connect(config)) {
            for (Path image : images) {
                try {
                    out.println(client.submit(image, request) + "  " + image);
                } catch (RuntimeException e) {
                    failures++;
                    out.println("FAILED  " + image + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private String env(String key, String option) {
        return environment.optional(key).orElseThrow(
                () -> new UsageException("set " + key + (option.startsWith("--") ? " or give " + option : "")));
    }
}
