package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobState;
import dev.autohair.config.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private final FailurePolicy policy = new FailurePolicy(new WorkerConfig.Retries(4, Duration.ofMillis(100)));

    @Test
    void aTransientErrorIsRetriedWithDoublingBackOffUntilTheAttemptsAreUsedUp() {
        JobError internal = new JobError(ErrorCode.INTERNAL_ERROR, "engine error");
        List<Duration> delays = new ArrayList<>();
        int attempt = 1;
        FailurePolicy.Decision decision;
        while ((decision = policy.decide(internal, attempt)) instanceof FailurePolicy.Retry retry) {
            assertThat(retry.attempt()).isEqualTo(attempt + 1);
            delays.add(retry.delay());
            attempt = retry.attempt();
        }
        assertThat(delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(attempt).isEqualTo(4);
        assertThat(decision).isEqualTo(new FailurePolicy.GiveUp(JobState.DEAD_LETTERED));
    }

    @Test
    void unavailableStorageIsWaitedForWithoutUsingAttemptsUntilTheOutageBudgetIsSpent() {
        FailurePolicy budgeted = new FailurePolicy(new WorkerConfig.Retries(2, Duration.ofMillis(100), Duration.ofSeconds(60)));
        JobError unavailable = new JobError(ErrorCode.STORAGE_UNAVAILABLE, "connection refused");
        assertThat(budgeted.decide(unavailable, 1, Duration.ZERO)).isEqualTo(new FailurePolicy.Wait());
        assertThat(budgeted.decide(unavailable, 2, Duration.ofSeconds(59))).as("attempts are not what ends a wait")
                .isEqualTo(new FailurePolicy.Wait());
        assertThat(budgeted.decide(unavailable, 1, Duration.ofSeconds(60)))
                .isEqualTo(new FailurePolicy.GiveUp(JobState.DEAD_LETTERED));
        assertThat(new WorkerConfig.Retries(3, Duration.ofSeconds(1)).storageOutageBudget()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everyPermanentErrorFailsAtOnce() {
        for (ErrorCode code : ErrorCode.values()) {
            if (!code.retryable()) {
                assertThat(policy.decide(new JobError(code, "bad input"), 1)).as(code.name())
                        .isEqualTo(new FailurePolicy.GiveUp(JobState.FAILED));
            }
        }
    }

    @Test
    void oneAttemptInAllMeansNoRetry() {
        FailurePolicy once = new FailurePolicy(new WorkerConfig.Retries(1, Duration.ofMillis(100)));
        assertThat(once.decide(new JobError(ErrorCode.INTERNAL_ERROR, "bug"), 1))
                .isEqualTo(new FailurePolicy.GiveUp(JobState.DEAD_LETTERED));
    }
}
