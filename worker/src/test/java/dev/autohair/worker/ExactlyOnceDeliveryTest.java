package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once delivery against Kafka's MockProducer (which keeps transactional sends apart until
 * they commit): a job's result and its offset become visible together or not at all.
 */
class ExactlyOnceDeliveryTest {

    private static final TopicPartition JOBS = new TopicPartition("autohair.jobs", 0);

    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final OffsetTracker tracker = new OffsetTracker();
    private final ExactlyOnceDelivery delivery = new ExactlyOnceDelivery(producer, tracker);

    @BeforeEach
    void start() {
        delivery.start();
    }

    private Supplier<List<CompletableFuture<Void>>> result(String jobId) {
        return () -> List.of(send("autohair.results", jobId), send("autohair.status", jobId));
    }

    private CompletableFuture<Void> send(String topic, String key) {
        producer.send(new ProducerRecord<>(topic, key, key.getBytes()));
        return CompletableFuture.completedFuture(null);
    }

    private Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        tracker.advance(JOBS).ifPresent(next -> offsets.put(JOBS, new OffsetAndMetadata(next)));
        return offsets;
    }

    private void commit() {
        delivery.commit(consumer, this::committable, true, () -> { });
    }

    @Test
    void aJobsEventsAndItsOffsetAreCommittedInOneTransaction() {
        OffsetTracker.Ticket first = tracker.started(JOBS, 0);
        OffsetTracker.Ticket second = tracker.started(JOBS, 1);
        assertThat(delivery.settle(first, result("job-0"))).isCompleted();
        delivery.progress(second, () -> send("autohair.status", "job-1"));

        assertThat(producer.history()).as("nothing visible before the commit").isEmpty();
        commit();

        // the progress event went out when sent; the finished job's events with its offset
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("job-1", "job-0", "job-0");
        assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
                .satisfies(byGroup -> assertThat(byGroup.values()).singleElement()
                        .isEqualTo(Map.of(JOBS, new OffsetAndMetadata(1))));
        assertThat(producer.transactionInFlight()).as("the next one opens with the next send, not before").isFalse();
        assertThat(tracker.inFlight()).isEqualTo(1);
    }

    @Test
    void aWindowWithNothingSentOrFinishedCommitsNoTransaction() {
        tracker.started(JOBS, 0);
        commit();
        assertThat(producer.commitCount()).isZero();
        assertThat(delivery.commits()).isZero();
    }

    @Test
    void aJobThatFinishesAfterItsPartitionWasRevokedPublishesNothing() {
        OffsetTracker.Ticket ticket = tracker.started(JOBS, 0);
        // Revocation: commit, then forget under the same lock.
        delivery.commit(consumer, this::committable, true, () -> tracker.forget(JOBS));

        assertThat(delivery.settle(ticket, result("job-0"))).isCompleted();
        delivery.progress(ticket, () -> send("autohair.status", "job-0"));
        commit();
        assertThat(producer.history()).as("the partition's new owner publishes this job").isEmpty();
        assertThat(producer.uncommittedRecords()).isEmpty();
    }

    @Test
    void aFailedCommitAbortsTheEventsWithTheirOffsetsAndStopsFurtherSettling() {
        OffsetTracker.Ticket ticket = tracker.started(JOBS, 0);
        delivery.settle(ticket, result("job-0"));
        producer.commitTransactionException = new ProducerFencedException("a newer worker with this id started");

        assertThatThrownBy(this::commit).isInstanceOf(ProducerFencedException.class);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).as("aborted: a read_committed reader never sees it").isEmpty();
        assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();

        OffsetTracker.Ticket next = tracker.started(JOBS, 1);
        assertThat(delivery.settle(next, result("job-1"))).isCompletedExceptionally();
        assertThatThrownBy(this::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("restart");
    }

    @Test
    void aJobFinishedAheadOfAnEarlierOneIsPublishedOnlyWithItsOffset() {
        OffsetTracker.Ticket first = tracker.started(JOBS, 0);
        OffsetTracker.Ticket second = tracker.started(JOBS, 1);
        assertThat(delivery.settle(second, result("job-1"))).isCompleted();
        commit();
        assertThat(producer.history()).as("offset 1 cannot be committed while job 0 runs: nor can job 1's result").isEmpty();
        assertThat(producer.uncommittedRecords()).as("held back, not in an open transaction a crash could commit").isEmpty();

        assertThat(delivery.settle(first, result("job-0"))).isCompleted();
        commit();
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("job-0", "job-0", "job-1", "job-1");
        assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
                .satisfies(byGroup -> assertThat(byGroup.values()).singleElement()
                        .isEqualTo(Map.of(JOBS, new OffsetAndMetadata(2))));
    }

    @Test
    void theHeldEventsOfARevokedPartitionAreNeverPublished() {
        tracker.started(JOBS, 0);
        OffsetTracker.Ticket second = tracker.started(JOBS, 1);
        delivery.settle(second, result("job-1"));
        delivery.commit(consumer, this::committable, true, () -> tracker.forget(JOBS)); // revocation

        OffsetTracker.Ticket again = tracker.started(JOBS, 0); // the partition back, from the committed offset 0
        delivery.settle(again, result("job-0"));
        commit();
        assertThat(producer.history()).extracting(ProducerRecord::key).as("job 1 is redone, not published from before")
                .containsExactly("job-0", "job-0");
    }

    @Test
    void anEventRefusedAtTheCommitAbortsItAndStopsTheWorker() {
        OffsetTracker.Ticket ticket = tracker.started(JOBS, 0);
        assertThat(delivery.settle(ticket,
                () -> List.of(CompletableFuture.failedFuture(new IllegalArgumentException("record too large")))))
                .isCompleted();

        assertThatThrownBy(this::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("redelivered")
                .hasRootCauseMessage("record too large");
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.consumerGroupOffsetsHistory()).as("its offset is not committed").isEmpty();
    }

    @Test
    void lostPartitionsAbortTheOpenTransactionAndStopTheWorker() {
        OffsetTracker.Ticket ticket = tracker.started(JOBS, 0);
        delivery.progress(ticket, () -> send("autohair.status", "job-0")); // opens the transaction
        delivery.settle(ticket, result("job-0"));
        assertThat(delivery.lost()).isNotNull();
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
        assertThatThrownBy(this::commit).as("held events are dropped with it").isInstanceOf(IllegalStateException.class);
        assertThat(producer.history()).isEmpty();
    }
}
