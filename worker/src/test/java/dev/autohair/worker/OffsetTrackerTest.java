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
        OffsetTracker.Ticket t10 = tracker.started(p0, 10);
        OffsetTracker.Ticket t11 = tracker.started(p0, 11);
        OffsetTracker.Ticket t12 = tracker.started(p0, 12);

        tracker.finished(t11);
        tracker.finished(t12);
        assertThat(tracker.advance(p0)).isEmpty();

        tracker.finished(t10);
        assertThat(tracker.advance(p0)).contains(13L);
        assertThat(tracker.advance(p0)).as("nothing new to commit").isEmpty();
    }

    @Test
    void partitionsAdvanceIndependently() {
        tracker.started(p0, 0);
        tracker.finished(tracker.started(p1, 5));

        assertThat(tracker.advance(p0)).isEmpty();
        assertThat(tracker.advance(p1)).contains(6L);
        assertThat(tracker.inFlight()).isEqualTo(1);
        assertThat(tracker.inFlight(p0)).isEqualTo(1);
    }

    @Test
    void countsInFlightAndForgetsRevokedPartitions() {
        OffsetTracker.Ticket old = tracker.started(p0, 1);
        tracker.started(p0, 2);
        tracker.started(p1, 1);
        assertThat(tracker.inFlight()).isEqualTo(3);

        tracker.forget(p0);
        assertThat(tracker.inFlight()).isEqualTo(1);

        // The partition comes back and offset 1 is redelivered; the old attempt finishing late
        // must not mark the new one done.
        tracker.started(p0, 1);
        tracker.finished(old);
        assertThat(tracker.advance(p0)).isEmpty();
        assertThat(tracker.inFlight(p0)).isEqualTo(1);
    }
}
