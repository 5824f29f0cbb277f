package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * One step of a job's progress: the Java form of schemas/status-event.schema.json. Consumers order
 * and de-duplicate a job's events by ({@code attempt}, {@code sequence}).
 *
 * @param stage     the stage that just finished or failed; null when none applies
 * @param progress  0 to 1; 1 on terminal states
 * @param sequence  counts up from 0 within one job attempt
 * @param error     required on RETRYING, WAITING, FAILED and DEAD_LETTERED; null otherwise
 * @param timingsMs stage timings so far (may be empty)
 */
@JsonIgnoreProperties(value = {"schema", "version"}, allowGetters = true)
@JsonPropertyOrder({"schema", "version", "jobId", "state", "stage", "progress", "workerId", "attempt", "sequence",
        "timestamp", "error", "timingsMs"})
public record StatusEvent(
        String jobId,
        JobState state,
        JobStage stage,
        double progress,
        String workerId,
        int attempt,
        long sequence,
        Instant timestamp,
        JobError error,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<JobStage, Long> timingsMs) implements ContractMessage {

    /** The order of one job's events: by attempt, then sequence. */
    public static final Comparator<StatusEvent> JOB_ORDER =
            Comparator.comparingInt(StatusEvent::attempt).thenComparingLong(StatusEvent::sequence);

    public StatusEvent {
        Checks.jobId(jobId);
        Checks.present(state, "state");
        if (!(progress >= 0 && progress <= 1)) {
            throw new ConstraintException("maximum", "progress must lie in [0, 1], got " + progress);
        }
        if (state.terminal() && progress != 1) {
            throw new ConstraintException("const", state + " is terminal: progress must be 1, got " + progress);
        }
        if (workerId == null || workerId.isBlank()) {
            throw new ConstraintException("required", "workerId is required");
        }
        Checks.atLeast(attempt, 1, "attempt");
        if (sequence < 0) {
            throw new ConstraintException("minimum", "sequence must be 0 or more, got " + sequence);
        }
        Checks.present(timestamp, "timestamp");
        if (state.failure() != (error != null)) {
            throw new ConstraintException("required", state.failure()
                    ? state + " needs an error naming the cause" : state + " must not carry an error");
        }
        timingsMs = Checks.timings(timingsMs);
    }

    /**
     * Whether this event is newer than {@code latest} for the same job; a consumer that keeps the latest
     * event drops any that is not, which also removes duplicates.
     */
    public boolean supersedes(StatusEvent latest) {
        return latest == null || JOB_ORDER.compare(this, latest) > 0;
    }

    @Override
    public MessageType type() {
        return MessageType.STATUS_EVENT;
    }
}
