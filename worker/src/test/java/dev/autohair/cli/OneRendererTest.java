package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.Assembly;
import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.storage.InMemoryObjectStore;
import dev.autohair.testing.Samples;
import dev.autohair.worker.Worker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and the worker render through one renderer: the same photo with the same
 * options (crop, background, band, debugging maps) gives byte-identical outputs from both.
 */
class OneRendererTest {

    private static final String[] FLAGS = {"--matte", "--debug", "--crop", "6", "--bg", "f0f0f0", "--band", "12"};
    private static final JobOptions SAME_AS_FLAGS = JobOptions.defaults()
            .withOutputs(OutputKind.CUTOUT, OutputKind.MATTE, OutputKind.TRIMAP, OutputKind.MASK)
            .withCropMargin(6).withBackground("F0F0F0").withTrimap(TrimapSpec.Band.withDefaultErosion(12));

    @TempDir
    Path tmp;

    @Test
    void theCommandLineAndTheWorkerWriteTheSameBytes() throws Exception {
        Path photo = Samples.path("astronaut.png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("cutout", photo.toString(), "-o", tmp.toString()));
        args.addAll(List.of(FLAGS));
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();

        InMemoryObjectStore store = new InMemoryObjectStore();
        store.add("uploads", "astronaut.png", Files.readAllBytes(photo));
        JobResult result = runWorker(store, new ImageJob("astronaut-1", ObjectRef.parse("s3://uploads/astronaut.png"),
                OutputTarget.of("cutouts"), SAME_AS_FLAGS, Map.of(), Instant.now()));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.outputs()).hasSize(4);
        for (OutputRef ref : result.outputs()) {
            String file = "astronaut" + (ref.kind() == OutputKind.CUTOUT ? "" : "." + ref.kind().wireName()) + ".png";
            assertThat(store.get(ref.bucket(), ref.key())).as(ref.kind().wireName())
                    .isEqualTo(Files.readAllBytes(tmp.resolve(file)));
        }
    }

    /** One job through a real Worker on Kafka's mock clients; returns its result. */
    private static JobResult runWorker(InMemoryObjectStore store, ImageJob job) throws Exception {
        WorkerConfig config = WorkerConfig.load(Map.of(
                WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1",
                WorkerConfig.S3_ENDPOINT, "http://127.0.0.1:1",
                WorkerConfig.S3_ACCESS_KEY, "test",
                WorkerConfig.S3_SECRET_KEY, "test-secret"), Optional.empty());
        Topics topics = config.kafka().topics();
        TopicPartition jobs = new TopicPartition(topics.jobs(), 0);
        MessageCodec codec = new MessageCodec();
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(jobs));
            consumer.updateBeginningOffsets(Map.of(jobs, 0L));
            consumer.addRecord(new ConsumerRecord<>(jobs.topic(), 0, 0, job.jobId(), codec.encode(job)));
        });
        try (CutoutPipeline pipeline = Assembly.cutoutPipeline(null);
                Worker worker = new Worker(config, pipeline, store, consumer, producer, codec)) {
            Thread thread = new Thread(worker::run);
            thread.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            Optional<JobResult> result = Optional.empty();
            while (result.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                result = producer.history().stream().filter(r -> r.topic().equals(topics.results()))
                        .map(r -> codec.decodeResult(r.value())).findFirst();
            }
            worker.stop();
            thread.join(10_000);
            return result.orElseThrow(() -> new AssertionError("the worker published no result"));
        }
    }
}
