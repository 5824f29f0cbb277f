package dev.autohair.worker;

import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobState;
import dev.autohair.config.WorkerConfig;
import java.time.Duration;

/**
 * What becomes of a failed attempt: permanent errors (bad input) end the job at once; transient
 * ones are attempted again after an exponential back-off until the attempts are used up, and then
 * dead-lettered.
 */
final class FailurePolicy {

    /** The outcome for one failed attempt. */
    sealed interface Decision {
    }

    /** Start attempt {@code attempt} after {@code delay}. */
    record Retry(int attempt, Duration delay) implements Decision {
    }

    /** End the job in {@code state} (FAILED or DEAD_LETTERED), its record copied to the dead-letter topic. */
    record GiveUp(JobState state) implements Decision {
    }

    private final WorkerConfig.Retries retries;

    FailurePolicy(WorkerConfig.Retries retries) {
        this.retries = retries;
    }

    Decision decide(JobError error, int failedAttempt) {
        if (!error.code().retryable()) {
            return new GiveUp(JobState.FAILED);
        }
        if (failedAttempt < retries.maxAttempts()) {
            return new Retry(failedAttempt + 1, retries.delayBefore(failedAttempt + 1));
        }
        return new GiveUp(JobState.DEAD_LETTERED);
    }
}
