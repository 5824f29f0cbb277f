package dev.autohair.status;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.contract.OutputTarget;
import dev.autohair.common.contract.StatusEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Contract messages as a worker and an upload system write them, for the tests. */
public final class Messages {

    /** Recent, so that no view made from these messages is past a service's retention; whole seconds. */
    public static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    private static final List<JobState> HAPPY = List.of(JobState.RECEIVED, JobState.FETCHED, JobState.SEGMENTED,
            JobState.MATTED, JobState.STORED, JobState.SUCCEEDED);
    private static final List<JobStage> STAGE_OF = List.of(JobStage.FETCH, JobStage.FETCH, JobStage.SEGMENT,
            JobStage.MATTE, JobStage.STORE, JobStage.STORE);

    private Messages() {
    }

    public static ImageJob job(String id, String bucket, String key) {
        return new ImageJob(id, new ObjectRef(bucket, key), OutputTarget.of("cutouts"), null, Map.of(), T0);
    }

    /** The {@code n}th event (0-5) of a successful attempt. */
    public static StatusEvent step(String id, int attempt, int n, String worker) {
        JobState state = HAPPY.get(n);
        double progress = state.terminal() ? 1 : n / 5.0;
        Map<JobStage, Long> timings = n == 0 ? Map.of() : Map.of(JobStage.FETCH, 10L + n);
        return new StatusEvent(id, state, n == 0 ? null : STAGE_OF.get(n), progress, worker, attempt, n,
                T0.plusSeconds(attempt * 10L + n), null, timings);
    }

    public static StatusEvent retrying(String id, int attempt, long sequence) {
        return new StatusEvent(id, JobState.RETRYING, JobStage.STORE, 0.8, "w1", attempt, sequence,
                T0.plusSeconds(attempt * 10L + sequence), new JobError(ErrorCode.STORAGE_UNAVAILABLE, "storage down"), Map.of());
    }

    public static StatusEvent terminalFailure(String id, JobState state, int attempt, long sequence, ErrorCode code) {
        return new StatusEvent(id, state, null, 1, "w1", attempt, sequence, T0.plusSeconds(attempt * 10L + sequence),
                new JobError(code, "it failed"), Map.of());
    }

    /** A terminal failure that names the stage it failed in, as the worker sends it. */
    public static StatusEvent terminalFailure(String id, JobState state, int attempt, long sequence, ErrorCode code,
                                              JobStage stage) {
        return new StatusEvent(id, state, stage, 1, "w1", attempt, sequence, T0.plusSeconds(attempt * 10L + sequence),
                new JobError(code, "it failed"), Map.of());
    }

    /** The same result, finished at {@code at} (e.g. recently, for the last hour's chart). */
    public static JobResult finishedAt(JobResult r, Instant at) {
        return new JobResult(r.jobId(), r.outcome(), r.outputs(), r.timingsMs(), r.models(), r.error(), r.attempt(),
                r.workerId(), r.metadata(), at);
    }

    public static JobResult succeeded(String id, int attempt, String worker, String bucket, String key) {
        OutputRef cutout = new OutputRef(OutputKind.CUTOUT, bucket, key, "image/png", 100, 8, 8, "a".repeat(64));
        return new JobResult(id, Outcome.SUCCEEDED, List.of(cutout), Map.of(JobStage.FETCH, 15L, JobStage.MATTE, 120L),
                List.of(), null, attempt, worker, Map.of(), T0.plusSeconds(attempt * 10L + 6));
    }

    public static JobResult failed(String id, int attempt, ErrorCode code) {
        return new JobResult(id, Outcome.FAILED, List.of(), Map.of(JobStage.FETCH, 3L), List.of(),
                new JobError(code, "it failed"), attempt, "w1", Map.of(), T0.plusSeconds(attempt * 10L + 7));
    }
}
