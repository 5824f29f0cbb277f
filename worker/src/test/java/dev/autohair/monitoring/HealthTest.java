package dev.autohair.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.Assembly;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.storage.ObjectStore;
import dev.autohair.worker.KafkaClients;
import dev.autohair.worker.Worker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Health of a real worker whose broker cannot be reached: its poll loop turns, yet it is not ready. */
class HealthTest {

    @Test
    void aWorkerThatCannotJoinItsGroupIsAliveButNotReady() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        WorkerConfig config = WorkerConfig.load(Map.of(
                WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:" + port,
                WorkerConfig.S3_ENDPOINT, "http://127.0.0.1:" + port,
                WorkerConfig.S3_ACCESS_KEY, "k",
                WorkerConfig.S3_SECRET_KEY, "s",
                WorkerConfig.DRAIN_TIMEOUT_MS, "0",
                // Exactly-once would first wait to register its transactional producer with the absent broker.
                WorkerConfig.DELIVERY, "at-least-once"), Optional.empty());
        Health health = new Health();
        health.modelsWarm();
        try (CutoutPipeline pipeline = Assembly.cutoutPipelineWithoutModel();
                ObjectStore store = new ObjectStore(config.storage());
                KafkaProducer<String, byte[]> producer = KafkaClients.producer(config);
                Worker worker = new Worker(config, pipeline, store, KafkaClients.consumer(config), producer, new MessageCodec())) {
            health.watch(worker);
            Thread loop = new Thread(worker::run, "unreachable-worker");
            loop.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (worker.sinceLastPoll().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(worker.sinceLastPoll()).as("the poll loop turns").isPresent();
            Thread.sleep(1_000); // several more polls, none of which reaches a broker

            assertThat(health.liveness().up()).isTrue();
            assertThat(health.readiness().up()).isFalse();
            assertThat(health.readiness().detail()).contains("not consuming");

            worker.stop();
            loop.join(30_000);
            assertThat(loop.isAlive()).isFalse();
        }
    }
}
