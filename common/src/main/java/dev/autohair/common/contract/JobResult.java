package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one job attempt: the Java form of schemas/job-result.schema.json. A success lists
 * its outputs and has no error; a failure has an error and no outputs.
 *
 * @param timingsMs wall time per stage that ran, in ms
 * @param attempt   1 for the first delivery
 * @param metadata  the job's metadata, echoed
 */
@JsonIgnoreProperties(value = {"schema", "version"}, allowGetters = true)
@JsonPropertyOrder({"schema", "version", "jobId", "outcome", "outputs", "timingsMs", "models", "error",
        "attempt", "workerId", "metadata", "finishedAt"})
public record JobResult(
        String jobId,
        Outcome outcome,
        List<OutputRef> outputs,
        Map<JobStage, Long> timingsMs,
        List<ModelInfo> models,
        JobError error,
        int attempt,
        String workerId,
        Map<String, String> metadata,
        Instant finishedAt) implements ContractMessage {

    public JobResult {
        Checks.jobId(jobId);
        Checks.present(outcome, "outcome");
        outputs = Checks.list(outputs);
        timingsMs = Checks.timings(timingsMs);
        models = Checks.list(models);
        if (outcome == Outcome.FAILED && (error == null || !outputs.isEmpty())) {
            throw new ConstraintException("required", "a FAILED result needs an error and no outputs");
        }
        if (outcome == Outcome.SUCCEEDED && (error != null || outputs.isEmpty())) {
            throw new ConstraintException("required", "a SUCCEEDED result needs outputs and no error");
        }
        Checks.atLeast(attempt, 1, "attempt");
        if (workerId == null || workerId.isBlank()) {
            throw new ConstraintException("required", "workerId is required");
        }
        metadata = Checks.map(metadata);
        Checks.present(finishedAt, "finishedAt");
    }

    public static JobResult succeeded(ImageJob job, List<OutputRef> outputs, Map<JobStage, Long> timingsMs,
                                      List<ModelInfo> models, int attempt, String workerId, Instant finishedAt) {
        return new JobResult(job.jobId(), Outcome.SUCCEEDED, outputs, timingsMs, models, null, attempt, workerId,
                job.metadata(), finishedAt);
    }

    /** A failure of a job whose message could be read; metadata is echoed when there is any. */
    public static JobResult failed(String jobId, JobError error, Map<JobStage, Long> timingsMs,
                                   List<ModelInfo> models, int attempt, String workerId,
                                   Map<String, String> metadata, Instant finishedAt) {
        return new JobResult(jobId, Outcome.FAILED, List.of(), timingsMs, models, error, attempt, workerId,
                metadata, finishedAt);
    }

    @Override
    public MessageType type() {
        return MessageType.JOB_RESULT;
    }
}
