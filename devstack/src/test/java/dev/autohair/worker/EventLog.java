package dev.autohair.worker;

import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the worker's output topics from the beginning, as an upload system would, into lists. */
final class EventLog implements AutoCloseable {

    final List<JobResult> results = new CopyOnWriteArrayList<>();
    final List<StatusEvent> statuses = new CopyOnWriteArrayList<>();
    final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();

    private final Topics topics;
    private final MessageCodec codec = new MessageCodec();
    private final Thread thread;
    private volatile boolean running = true;

    EventLog(String bootstrapServers, Topics topics) {
        this.topics = topics;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "event-log-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topics.results(), topics.status(), topics.deadLetters()));
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        if (r.topic().equals(topics.results())) {
                            results.add(codec.decodeResult(r.value()));
                        } else if (r.topic().equals(topics.status())) {
                            statuses.add(codec.decodeStatus(r.value()));
                        } else {
                            deadLetters.add(r);
                        }
                    }
                }
            }
        }, "event-log");
        thread.start();
    }

    List<JobResult> resultsFor(String jobId) {
        return results.stream().filter(r -> r.jobId().equals(jobId)).toList();
    }

    List<StatusEvent> statusesFor(String jobId) {
        return statuses.stream().filter(s -> s.jobId().equals(jobId)).toList();
    }

    /** Waits until {@code condition} holds; fails the test with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
