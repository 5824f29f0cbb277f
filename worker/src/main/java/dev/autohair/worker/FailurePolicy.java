package dev.autohair.worker;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobState;
import dev.autohair.config.WorkerConfig;
import java.time.Duration;

/**
 * What becomes of a failed attempt: permanent errors (bad input) end the job at once; unavailable
 * object storage is an outage, not the job's failure, so the job waits for storage (without using
 * up attempts) until the outage budget is spent; other transient errors are attempted again after
 * an exponential back-off until the attempts are used up. Jobs that give up on a transient cause
 * are dead-lettered.
 */
final class FailurePolicy {

    /** The outcome for one failed attempt. */
    sealed interface Decision {
    }

    /** Start attempt {@code attempt} after {@code delay}. */
    record Retry(int attempt, Duration delay) implements Decision {
    }

    /** Hold the job, in the same attempt, until object storage answers again. */
    record Wait() implements Decision {
    }

    /** End the job in {@code state} (FAILED or DEAD_LETTERED), its record copied to the dead-letter topic. */
    record GiveUp(JobState state) implements Decision {
    }

    private final WorkerConfig.Retries retries;

    FailurePolicy(WorkerConfig.Retries retries) {
        this.retries = retries;
    }

    /** {@link #decide(JobError, int, Duration)} for a job that has not waited on storage. */
    Decision decide(JobError error, int failedAttempt) {
        return decide(error, failedAttempt, Duration.ZERO);
    }

    /**
     * @param waitedOnStorage how long the job has been held for unavailable storage since it first
     *                        waited (zero if never)
     */
    Decision decide(JobError error, int failedAttempt, Duration waitedOnStorage) {
        if (error.code() == ErrorCode.STORAGE_UNAVAILABLE) {
            return waitedOnStorage.compareTo(retries.storageOutageBudget()) < 0 ? new Wait()
                    : new GiveUp(JobState.DEAD_LETTERED);
        }
        if (!error.code().retryable()) {
            return new GiveUp(JobState.FAILED);
        }
        if (failedAttempt < retries.maxAttempts()) {
            return new Retry(failedAttempt + 1, retries.delayBefore(failedAttempt + 1));
        }
        return new GiveUp(JobState.DEAD_LETTERED);
    }
}
