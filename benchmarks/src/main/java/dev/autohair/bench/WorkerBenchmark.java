package dev.autohair.bench;

import dev.autohair.Assembly;
import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.image.RgbImage;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutTask;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.StageListener;
import dev.autohair.storage.ObjectStore;
import dev.autohair.worker.KafkaClients;
import dev.autohair.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Jobs per second end to end (upload → Kafka → worker → S3 → result event) at micro-batch sizes
 * 1, 4 and 8, against the same images run straight through the pipeline in the same process and
 * run (decode, pipeline, encode): the ratio is the worker's overhead or gain. Then, at batch size
 * 4, exactly-once delivery (the default: results, events and offsets in transactions) against
 * at-least-once, alternating, {@link #DELIVERY_ROUNDS} rounds each: the cost of transactions.
 * With the argument {@code delivery} after the samples folder only that comparison runs.
 *
 * <p>Run in its own JVM (the broker's child JVM takes this JVM's class path, which under
 * {@code exec:java} would be Maven's): {@code mvn -q -B -Pbench install -DskipTests && mvn -q -B
 * -Pbench -pl benchmarks exec:exec -Dexec.executable=java "-Dexec.args=-Xmx8g -Dai.djl.offline=true
 * -cp %classpath dev.autohair.bench.WorkerBenchmark ../samples"}
 */
public final class WorkerBenchmark {

    private static final int JOBS = 24;
    private static final int[] BATCH_SIZES = {1, 4, 8};
    private static final int DELIVERY_ROUNDS = 2;

    private WorkerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        List<byte[]> images = new ArrayList<>();
        for (String name : List.of("astronaut.png", "coffee.png", "lemur.png", "cat.png")) {
            images.add(Files.readAllBytes(samples.resolve(name)));
        }
        boolean deliveryOnly = args.length > 1 && args[1].equals("delivery");
        Path dir = Files.createTempDirectory("autohair-bench");
        try (DevStack stack = DevStack.start(dir); CutoutPipeline pipeline = Assembly.cutoutPipeline(null)) {
            stack.s3().createBucket("uploads");
            stack.s3().createBucket("cutouts");
            System.out.printf(Locale.ROOT, "%s; %d jobs over 4 sample photos (0.14-0.30 MP)%n",
                    Machine.describe(), JOBS);
            if (!deliveryOnly) {
                batchSizes(stack, pipeline, images);
            }
            compareDelivery(stack, pipeline, images);
        }
    }

    private static void batchSizes(DevStack stack, CutoutPipeline pipeline, List<byte[]> images) throws Exception {
        {
            double direct = inProcess(pipeline, images);
            System.out.println("| path | batch size | jobs/s | ratio to in-process |");
            System.out.println("|---|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| in-process pipeline (decode, pipeline, encode) | 1 | %.2f | 1.00 |%n", direct);
            for (int batch : BATCH_SIZES) {
                double rate = throughWorker(stack, pipeline, images, batch, WorkerConfig.Delivery.EXACTLY_ONCE);
                System.out.printf(Locale.ROOT, "| Kafka → worker → S3 | %d | %.2f | %.2f |%n", batch, rate, rate / direct);
            }
        }
    }

    /** Exactly-once against at-least-once, alternating so that a busy spell on the machine hits both. */
    private static void compareDelivery(DevStack stack, CutoutPipeline pipeline, List<byte[]> images) throws Exception {
        throughWorker(stack, pipeline, images, 4, WorkerConfig.Delivery.AT_LEAST_ONCE); // warm-up
        double[] sums = new double[2];
        System.out.println("| delivery | round | jobs/s |");
        System.out.println("|---|---:|---:|");
        for (int round = 1; round <= DELIVERY_ROUNDS; round++) {
            for (WorkerConfig.Delivery delivery : List.of(WorkerConfig.Delivery.AT_LEAST_ONCE, WorkerConfig.Delivery.EXACTLY_ONCE)) {
                double rate = throughWorker(stack, pipeline, images, 4, delivery);
                sums[delivery.ordinal()] += rate;
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f |%n", delivery.wireName(), round, rate);
            }
        }
        double exactly = sums[WorkerConfig.Delivery.EXACTLY_ONCE.ordinal()] / DELIVERY_ROUNDS;
        double atLeast = sums[WorkerConfig.Delivery.AT_LEAST_ONCE.ordinal()] / DELIVERY_ROUNDS;
        System.out.printf(Locale.ROOT, "mean: exactly-once %.2f jobs/s, at-least-once %.2f jobs/s, cost %.1f %%%n",
                exactly, atLeast, 100 * (1 - exactly / atLeast));
    }

    private static double inProcess(CutoutPipeline pipeline, List<byte[]> images) {
        Runnable one = () -> {
            for (byte[] bytes : images) { // every stage but storage: decode, pipeline, encode
                CutoutTask task = pipeline.task(() -> bytes, Guide.segment(), JobOptions.defaults(), outputs -> { },
                        StageListener.NONE);
                pipeline.runAll(List.of(task));
                if (task.failed()) {
                    throw task.failure().get();
                }
            }
        };
        one.run(); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < JOBS / images.size(); i++) {
            one.run();
        }
        return JOBS / ((System.nanoTime() - start) / 1e9);
    }

    private static double throughWorker(DevStack stack, CutoutPipeline pipeline, List<byte[]> images, int batch,
            WorkerConfig.Delivery delivery) throws Exception {
        String run = "b" + batch + "-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("jobs-" + run, "status-" + run, "results-" + run, "dlq-" + run);
        stack.createTopics(topics, 3);
        WorkerConfig config = stack.workerConfig(topics, "bench-" + run, "bench", Map.of(
                WorkerConfig.DELIVERY, delivery.wireName(),
                WorkerConfig.BATCH_MAX_SIZE, Integer.toString(batch),
                WorkerConfig.MAX_IN_FLIGHT, Integer.toString(Math.max(16, 2 * batch))));

        try (JobClient client = stack.jobClient(topics);
                KafkaProducer<String, byte[]> producer = KafkaClients.producer(config);
                ObjectStore store = new ObjectStore(config.storage());
                KafkaConsumer<String, byte[]> results = stack.follow(topics.results())) {
            Worker worker = new Worker(config, pipeline, store, KafkaClients.consumer(config), producer, new MessageCodec());
            Thread thread = new Thread(worker::run, "bench-worker");
            thread.start();
            JobRequest request = JobRequest.of("uploads", OutputTarget.of("cutouts"));
            long start = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                client.submit(images.get(i % images.size()), "image-" + i + ".png", request);
            }
            int done = 0;
            MessageCodec codec = new MessageCodec();
            while (done < JOBS) {
                for (ConsumerRecord<String, byte[]> record : results.poll(Duration.ofMillis(50))) {
                    JobResult result = codec.decodeResult(record.value());
                    if (result.error() != null) {
                        throw new IllegalStateException("job failed in the benchmark: " + result.error());
                    }
                    done++;
                }
            }
            double rate = JOBS / ((System.nanoTime() - start) / 1e9);
            worker.stop();
            thread.join();
            worker.close();
            return rate;
        }
    }
}
