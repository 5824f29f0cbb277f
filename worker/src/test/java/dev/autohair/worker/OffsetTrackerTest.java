package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final TopicPartition p0 = new TopicPartition("jobs", 0);
    private final TopicPartition p1 = new TopicPartition("jobs", 1);
    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyUpToTheLowestUnfinishedOffset() {
        tracker.started(p0, 10);
        tracker.started(p0, 11);
        tracker.started(p0, 12);

        tracker.finished(p0, 11);
        tracker.finished(p0, 12);
        assertThat(tracker.advance(p0)).isEmpty();

        tracker.finished(p0, 10);
        assertThat(tracker.advance(p0)).contains(13L);
        assertThat(tracker.advance(p0)).as("nothing new to commit").isEmpty();
    }

    @Test
    void partitionsAdvanceIndependently() {
        tracker.started(p0, 0);
        tracker.started(p1, 5);
        tracker.finished(p1, 5);

        assertThat(tracker.advance(p0)).isEmpty();
        assertThat(tracker.advance(p1)).contains(6L);
        assertThat(tracker.inFlight()).isEqualTo(1);
        assertThat(tracker.inFlight(p0)).isEqualTo(1);
    }

    @Test
    void countsInFlightAndForgetsRevokedPartitions() {
        tracker.started(p0, 1);
        tracker.started(p0, 2);
        tracker.started(p1, 1);
        assertThat(tracker.inFlight()).isEqualTo(3);

        tracker.forget(p0);
        tracker.finished(p0, 1); // a late finish from a revoked partition is ignored

        assertThat(tracker.inFlight()).isEqualTo(1);
        assertThat(tracker.advance(p0)).isEmpty();
    }
}
