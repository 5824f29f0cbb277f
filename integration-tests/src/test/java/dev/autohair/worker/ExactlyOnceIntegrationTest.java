package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.Assembly;
import dev.autohair.common.client.JobClient;
import dev.autohair.common.client.JobRequest;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.devstack.harness.EventLog;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import dev.autohair.devstack.harness.ScaledPhoto;
import dev.autohair.testing.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once delivery through a broker crash: the broker (a child JVM) is killed with SIGKILL in
 * the middle of a stream and restarted on the same port with its data. The worker rides it out,
 * and a read_committed reader sees exactly one result for every job.
 */
class ExactlyOnceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int JOBS = 16;

    @TempDir
    Path dir;

    @Test
    void aBrokerKilledAndRestartedMidStreamLosesNoJobAndDoublesNone() throws Exception {
        try (DevStack stack = DevStack.start(dir); CutoutPipeline pipeline = Assembly.cutoutPipeline(null)) {
            stack.s3().createBucket("uploads");
            stack.s3().createBucket("cutouts");
            Topics topics = new Topics("eos.jobs", "eos.status", "eos.results", "eos.dlq");
            stack.createTopics(topics, 3);
            WorkerConfig config = stack.workerConfig(topics, "autohair-workers", "steady", Map.of(
                    WorkerConfig.MAX_IN_FLIGHT, "4", WorkerConfig.BATCH_MAX_DELAY_MS, "20"));
            try (ObjectStore store = new ObjectStore(StorageConfig.of(stack.s3().endpoint(), stack.s3().accessKey(),
                    stack.s3().secretKey()))) {
                store.put("uploads", "eos/portrait.png", portrait(), "image/png", Map.of());
            }
            List<String> ids = new ArrayList<>();
            try (JobClient client = stack.jobClient(topics)) {
                for (int i = 0; i < JOBS; i++) {
                    ids.add(client.submit(client.prepare("eos-" + i, new ObjectRef("uploads", "eos/portrait.png"),
                            JobRequest.of("uploads", OutputTarget.of("cutouts")))));
                }
            }

            try (EventLog log = new EventLog(stack, topics);
                    KafkaProducer<String, byte[]> producer = KafkaClients.producer(config);
                    ObjectStore store = new ObjectStore(config.storage())) {
                Worker worker = new Worker(config, pipeline, store, KafkaClients.consumer(config), producer, new MessageCodec());
                Thread loop = new Thread(worker::run, "eos-worker");
                loop.start();
                EventLog.await("a few results", WAIT, () -> log.results.size() >= 3);

                stack.kafka().kill();
                int before = log.results.size();
                Thread.sleep(2_000);
                stack.kafka().restart();
                System.out.printf("broker killed after %d of %d results, back after %d ms%n", before, JOBS,
                        stack.kafka().startupTime().toMillis() + 2_000);

                EventLog.await("every job to end", WAIT, () -> log.allEnded(ids));
                Thread.sleep(1_000); // a duplicate would arrive now
                System.out.printf("records read again by the follower after the restart: %d%n", log.rereads.get());
                for (String id : ids) {
                    List<JobResult> results = log.resultsFor(id);
                    assertThat(results).as("results of " + id + ": none lost, none doubled").hasSize(1);
                    assertThat(results.get(0).outcome()).isEqualTo(Outcome.SUCCEEDED);
                }
                assertThat(worker.consuming()).as("the worker rode the broker crash out").isTrue();
                worker.stop();
                loop.join(WAIT.toMillis());
                worker.close();
            }
        }
    }

    /** The sample astronaut at a quarter of its size: a real portrait, quick on two cores. */
    private static byte[] portrait() {
        return ScaledPhoto.png(Samples.bytes("astronaut.png"), 4);
    }
}
