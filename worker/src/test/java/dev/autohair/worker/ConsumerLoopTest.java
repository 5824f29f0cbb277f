package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poll loop against Kafka's MockConsumer: back-pressure and which offsets it commits. */
class ConsumerLoopTest {

    private static final String TOPIC = "autohair.jobs";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final List<Map<TopicPartition, OffsetAndMetadata>> syncCommits = new ArrayList<>();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            syncCommits.add(Map.copyOf(offsets)); // MockConsumer forgets commits of a partition it revokes
            super.commitSync(offsets);
        }
    };
    private final OffsetTracker tracker = new OffsetTracker();
    private final List<OffsetTracker.Ticket> handed = new ArrayList<>();
    private ConsumerLoop loop;
    private volatile boolean storageAvailable = true;

    @BeforeEach
    void assign() {
        loop = new ConsumerLoop(consumer, TOPIC, new ConsumerLoop.Limits(4, 2, Duration.ofSeconds(1), Duration.ofMillis(50)), tracker,
                (record, ticket) -> handed.add(ticket), () -> null, () -> storageAvailable,
                new AtLeastOnceDelivery(tracker));
        loop.subscribe();
        consumer.rebalance(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    private void add(TopicPartition partition, long offset) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, partition.partition(), offset, "job-" + offset, new byte[0]));
    }

    private OffsetTracker.Ticket ticket(TopicPartition partition, long offset) {
        return handed.stream().filter(t -> t.partition().equals(partition) && t.offset() == offset).findFirst().orElseThrow();
    }

    @Test
    void pausesAtTheInFlightLimitAndResumesBelowHalfOfIt() {
        for (long offset = 0; offset < 5; offset++) {
            add(P0, offset);
        }
        loop.pollOnce();
        assertThat(handed).hasSize(5);
        assertThat(loop.paused()).isTrue();
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);

        add(P0, 5); // arrives while paused: not handed on
        tracker.finished(ticket(P0, 0));
        tracker.finished(ticket(P0, 1));
        tracker.finished(ticket(P0, 2)); // 2 in flight: not below half of 4
        loop.pollOnce();
        assertThat(loop.paused()).isTrue();
        assertThat(handed).hasSize(5);

        tracker.finished(ticket(P0, 3)); // 1 in flight: resume
        loop.pollOnce();
        assertThat(loop.paused()).isFalse();
        assertThat(consumer.paused()).isEmpty();
        loop.pollOnce();
        assertThat(handed).hasSize(6);
    }

    @Test
    void takesNoJobsWhileObjectStorageIsUnavailableAndResumesWhenItAnswers() {
        add(P0, 0);
        loop.pollOnce();
        assertThat(handed).hasSize(1);

        storageAvailable = false;
        loop.pollOnce();
        assertThat(loop.paused()).isTrue();
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
        add(P0, 1);
        add(P1, 0);
        loop.pollOnce();
        loop.pollOnce();
        assertThat(handed).as("nothing taken during the outage, though well under the in-flight limit").hasSize(1);

        storageAvailable = true;
        loop.pollOnce(); // resumes
        loop.pollOnce();
        assertThat(loop.paused()).isFalse();
        assertThat(handed).hasSize(3);
    }

    @Test
    void anAbortedTransactionRewindsToTheCommittedOffsetsAndForgetsEveryJobTaken() throws Exception {
        var producer = new org.apache.kafka.clients.producer.MockProducer<String, byte[]>(true, null,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        ExactlyOnceDelivery delivery = new ExactlyOnceDelivery(producer, tracker);
        delivery.start();
        ConsumerLoop eos = new ConsumerLoop(consumer, TOPIC, new ConsumerLoop.Limits(4, 2, Duration.ofSeconds(1),
                Duration.ofMillis(50)), tracker, (record, ticket) -> handed.add(ticket), () -> null, () -> true, delivery);
        eos.subscribe();
        consumer.rebalance(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        add(P0, 0);
        add(P0, 1);
        eos.pollOnce();
        assertThat(handed).hasSize(2);
        delivery.settle(ticket(P0, 0), () -> List.of(send(producer, "job-0")));

        // The group's generation moved under the transaction (a broker restart, a rebalance).
        producer.sendOffsetsToTransactionException = new org.apache.kafka.clients.consumer.CommitFailedException("generation");
        Thread.sleep(ExactlyOnceDelivery.WINDOW.toMillis() + 10);
        eos.pollOnce();
        assertThat(eos.failure()).as("recoverable: no need to stop").isNull();
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).as("nothing of it visible").isEmpty();
        assertThat(tracker.inFlight()).as("every job taken is forgotten").isZero();
        assertThat(delivery.settle(ticket(P0, 1), () -> List.of(send(producer, "job-1")))).isCompleted();
        assertThat(producer.uncommittedRecords()).as("a forgotten job publishes nothing").isEmpty();

        producer.sendOffsetsToTransactionException = null;
        eos.pollOnce(); // rewinds before polling
        assertThat(consumer.position(P0)).as("back at the committed offset (none: the beginning)").isZero();
    }

    private static java.util.concurrent.CompletableFuture<Void> send(
            org.apache.kafka.clients.producer.MockProducer<String, byte[]> producer, String key) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("autohair.results", key, new byte[0]));
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Test
    void commitsEachPartitionOnlyUpToItsLowestUnfinishedJob() {
        for (long offset = 0; offset < 3; offset++) {
            add(P0, offset);
            add(P1, offset);
        }
        loop.pollOnce();
        tracker.finished(ticket(P0, 0));
        tracker.finished(ticket(P0, 2)); // 1 still running
        tracker.finished(ticket(P1, 0));
        tracker.finished(ticket(P1, 1));
        tracker.finished(ticket(P1, 2));
        loop.pollOnce();

        var committed = consumer.committed(Set.of(P0, P1));
        assertThat(committed.get(P0).offset()).isEqualTo(1); // the next record to read: the unfinished one
        assertThat(committed.get(P1).offset()).isEqualTo(3);
    }

    @Test
    void aRevokedPartitionsFinishedJobsAreCommittedAndItsTicketsForgotten() {
        add(P0, 0);
        add(P0, 1);
        loop.pollOnce();
        tracker.finished(ticket(P0, 0));
        consumer.rebalance(List.of(P1)); // P0 revoked while offset 1 runs; the grace runs out
        assertThat(syncCommits).containsExactly(Map.of(P0, new OffsetAndMetadata(1)));
        assertThat(tracker.inFlight()).isZero();
        assertThat(loop.assignedPartitions()).isEqualTo(1);
    }
}
