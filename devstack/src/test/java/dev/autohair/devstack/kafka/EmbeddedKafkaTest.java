package dev.autohair.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.devstack.Loopback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A real broker in a child JVM: round trip, then failure (kill) and recovery (restart). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
        System.out.println("broker started in " + kafka.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void recordsProducedToATopicAreConsumedBackInOrderPerKey() throws Exception {
        kafka.createTopics(2, "jobs");
        List<String> keys = List.of("job-a", "job-b", "job-a", "job-c", "job-a");
        produce("jobs", keys);

        List<ConsumerRecord<String, String>> records = consume("jobs", "round-trip", keys.size());

        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
        // One key, one partition, so one job's events keep their order.
        assertThat(records).filteredOn(r -> r.key().equals("job-a")).extracting(ConsumerRecord::value)
                .containsExactly("job-a#0", "job-a#2", "job-a#4");
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
    }

    @Test
    @Order(2)
    void creatingAnExistingTopicAgainIsHarmlessAndTopicsAreNotCreatedByAccident() throws Exception {
        kafka.createTopics(2, "jobs");

        try (var admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("jobs").doesNotContain("status");
        }
        try (var producer = producer(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("status", "k", "v")).get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    @Order(3)
    void aKilledBrokerIsGoneAndARestartedOneStillHasTheRecords() throws Exception {
        kafka.kill();

        assertThat(kafka.isRunning()).isFalse();
        assertThat(Loopback.accepts(kafka.port())).isFalse();
        try (var producer = producer(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("jobs", "k", "v")).get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
        }

        kafka.restart();
        System.out.println("broker restarted in " + kafka.startupTime().toMillis() + " ms");

        assertThat(consume("jobs", "after-restart", 5)).hasSize(5);
    }

    @Test
    @Order(4)
    void stopShutsTheBrokerDownCleanly() throws Exception {
        long pid = kafka.pid();

        kafka.stop();

        assertThat(kafka.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(java.nio.file.Files.readString(kafka.logFile()))
                .contains("Transition from SHUTTING_DOWN to SHUTDOWN");
    }

    private static void produce(String topic, List<String> keys) throws Exception {
        try (var producer = producer(Duration.ofSeconds(30))) {
            for (int i = 0; i < keys.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), keys.get(i) + "#" + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static KafkaProducer<String, String> producer(Duration maxBlock) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, String group, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
