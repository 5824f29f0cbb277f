package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusEventTest {

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    private static StatusEvent event(JobState state, int attempt, long sequence) {
        JobError error = state.failure() ? new JobError(ErrorCode.STORAGE_UNAVAILABLE, "timeout") : null;
        double progress = state.terminal() ? 1 : 0.5;
        return new StatusEvent("j1", state, null, progress, "w", attempt, sequence, T, error, null);
    }

    @Test
    void laterAttemptsAndSequencesSupersedeEarlierOnesButDuplicatesDoNot() {
        StatusEvent retrying = event(JobState.RETRYING, 1, 4);
        StatusEvent secondAttemptStart = event(JobState.RECEIVED, 2, 0);

        assertThat(secondAttemptStart.supersedes(retrying)).isTrue();
        assertThat(retrying.supersedes(secondAttemptStart)).isFalse();
        assertThat(event(JobState.FETCHED, 1, 1).supersedes(event(JobState.RECEIVED, 1, 0))).isTrue();
        assertThat(event(JobState.FETCHED, 1, 1).supersedes(event(JobState.FETCHED, 1, 1))).isFalse();
        assertThat(retrying.supersedes(null)).isTrue();
    }

    @Test
    void failuresNeedAnErrorAndTerminalStatesAreComplete() {
        assertThatThrownBy(() -> new StatusEvent("j1", JobState.FAILED, null, 1, "w", 1, 3, T, null, null))
                .hasMessageContaining("FAILED needs an error");
        assertThatThrownBy(() -> new StatusEvent("j1", JobState.FETCHED, JobStage.FETCH, 0.2, "w", 1, 1, T,
                new JobError(ErrorCode.INTERNAL_ERROR, "x"), null))
                .hasMessageContaining("must not carry an error");
        assertThatThrownBy(() -> new StatusEvent("j1", JobState.SUCCEEDED, null, 0.9, "w", 1, 6, T, null, null))
                .hasMessageContaining("progress must be 1");
    }
}
