package dev.autohair.status.view;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.contract.StatusEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What is known about one job: the fold of its job record, status events and results. Immutable;
 * {@link #apply} returns the next view.
 *
 * @param state        the latest state, {@code SUBMITTED} when only the job record was seen
 * @param stage        the latest event's stage; for a failed job the stage it failed in
 * @param progress     the latest event's progress (1 once finished, whatever the outcome)
 * @param progressReached how far the current attempt got: the progress of its latest step, 1 once it
 *                     succeeded; a failed job keeps where it stopped (terminal events all say 1)
 * @param attempt      attempt of the latest applied status event (0 = none yet)
 * @param sequence     sequence of the latest applied status event (-1 = none yet)
 * @param resultAttempt attempt of the result that completed the view (0 = none yet)
 * @param input        the job's input object, from the jobs topic
 * @param submittedAt  from the job record
 * @param updatedAt    timestamp of the latest applied message
 * @param finishedAt   from the result
 */
public record JobView(
        String jobId,
        String state,
        JobStage stage,
        double progress,
        double progressReached,
        String workerId,
        int attempt,
        long sequence,
        int resultAttempt,
        Map<JobStage, Long> timingsMs,
        JobError error,
        ObjectRef input,
        List<OutputRef> outputs,
        Instant submittedAt,
        Instant updatedAt,
        Instant finishedAt) {

    public static final String SUBMITTED = "SUBMITTED";

    public JobView {
        // In stage order, so that JSON lists the stages as they run.
        timingsMs = timingsMs == null || timingsMs.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(timingsMs));
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public static JobView empty(String jobId) {
        return new JobView(jobId, SUBMITTED, null, 0, 0, null, 0, -1, 0, Map.of(), null, null, List.of(), null, null, null);
    }

    /** Whether no more events are expected: a terminal state or a result. */
    public boolean finished() {
        return (resultAttempt > 0 && resultAttempt >= attempt) || terminalState();
    }

    /** Finished as FAILED or DEAD_LETTERED. */
    public boolean failed() {
        return finished() && (JobState.FAILED.name().equals(state) || JobState.DEAD_LETTERED.name().equals(state));
    }

    public JobView apply(JobUpdate update) {
        if (update instanceof JobUpdate.Status s) {
            return status(s.event());
        } else if (update instanceof JobUpdate.Result r) {
            return result(r.result());
        } else {
            return submitted(((JobUpdate.Submitted) update).job());
        }
    }

    private boolean terminalState() {
        return !SUBMITTED.equals(state) && JobState.valueOf(state).terminal();
    }

    // The job record only fills in what it alone knows; it may arrive after the first events.
    private JobView submitted(ImageJob job) {
        return new JobView(jobId, state, stage, progress, progressReached, workerId, attempt, sequence, resultAttempt,
                timingsMs, error, job.input(), outputs, job.submittedAt(), updatedAt == null ? job.submittedAt() : updatedAt, finishedAt);
    }

    private JobView status(StatusEvent e) {
        // (attempt, sequence) orders a job's events: anything at or below the latest is late or a duplicate.
        if (!(e.attempt() > attempt || (e.attempt() == attempt && e.sequence() > sequence))) {
            return this;
        }
        // A result completes its attempt: later progress events of that attempt are stale, but a terminal
        // event (DEAD_LETTERED after a FAILED result) says more and is taken.
        boolean completed = resultAttempt > 0 && e.attempt() <= resultAttempt;
        if (completed && !e.state().terminal()) {
            // Still, a step that crossed a failure's result on the way says how far the attempt got.
            boolean lateStep = failed() && e.attempt() == resultAttempt && !e.state().failure()
                    && e.progress() > progressReached;
            return new JobView(jobId, state, lateStep && stage == null ? e.stage() : stage, progress,
                    lateStep ? e.progress() : progressReached, workerId, e.attempt(), e.sequence(),
                    resultAttempt, timingsMs, error, input, outputs, submittedAt, updatedAt, finishedAt);
        }
        // The result's timings are the attempt's final ones; a new attempt starts its own.
        Map<JobStage, Long> timings = completed ? merged(e.timingsMs(), timingsMs)
                : e.attempt() > attempt ? e.timingsMs() : merged(timingsMs, e.timingsMs());
        // Failure events say progress 1 (terminal) or 0 (retrying): where the attempt stopped is the step before.
        double reachedBefore = e.attempt() > attempt ? 0 : progressReached;
        double reached = e.state() == JobState.SUCCEEDED ? 1 : e.state().failure() ? reachedBefore : e.progress();
        // A failure event without a stage leaves the one the attempt's steps (or its result) named.
        JobStage atStage = e.stage() == null && e.state().failure() && e.attempt() == attempt ? stage : e.stage();
        return new JobView(jobId, e.state().name(), atStage, e.progress(), reached, e.workerId(), e.attempt(),
                e.sequence(), resultAttempt, timings, e.error(), input, completed ? outputs : List.of(), submittedAt, later(updatedAt, e.timestamp()),
                completed ? finishedAt : null);
    }

    private JobView result(JobResult r) {
        // A result completes the view for its attempt; one older than an attempt already seen is stale.
        if (r.attempt() < Math.max(attempt, resultAttempt)) {
            return this;
        }
        // A terminal status already seen for this attempt names the outcome more precisely (DEAD_LETTERED
        // rather than FAILED) and is kept.
        boolean keepState = attempt == r.attempt() && terminalState();
        String outcomeState = r.outcome() == Outcome.SUCCEEDED ? JobState.SUCCEEDED.name() : JobState.FAILED.name();
        // Status events of this attempt that are still on their way are then only late (see status()).
        long nextSequence = r.attempt() > attempt ? -1 : sequence;
        boolean sameAttempt = r.attempt() == attempt;
        boolean succeeded = r.outcome() == Outcome.SUCCEEDED;
        // A failure keeps the stage and progress its attempt's events reached: the dashboard shows where it stopped.
        JobStage endStage = keepState || (!succeeded && sameAttempt) ? stage : null;
        double reached = succeeded ? 1 : sameAttempt ? progressReached : 0;
        return new JobView(jobId, keepState ? state : outcomeState, endStage, 1, reached, r.workerId(),
                r.attempt(), nextSequence, r.attempt(), merged(timingsMs, r.timingsMs()), r.error(), input,
                r.outputs(), submittedAt, later(updatedAt, r.finishedAt()), r.finishedAt());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Map<JobStage, Long> merged(Map<JobStage, Long> a, Map<JobStage, Long> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<JobStage, Long> m = new EnumMap<>(JobStage.class);
        m.putAll(a);
        m.putAll(b);
        return m;
    }
}
