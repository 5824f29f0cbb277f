package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/** A request to cut out one image: the Java form of schemas/image-job.schema.json. */
@JsonIgnoreProperties(value = {"schema", "version"}, allowGetters = true)
@JsonPropertyOrder({"schema", "version", "jobId", "input", "output", "options", "metadata", "submittedAt"})
public record ImageJob(
        String jobId,
        ObjectRef input,
        OutputTarget output,
        JobOptions options,
        Map<String, String> metadata,
        Instant submittedAt) implements ContractMessage {

    static final int MAX_METADATA_ENTRIES = 32;

    public ImageJob {
        Checks.jobId(jobId);
        Checks.present(input, "input");
        Checks.present(output, "output");
        options = options == null ? JobOptions.defaults() : options;
        metadata = Checks.map(metadata);
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw new ConstraintException("maxProperties",
                    "metadata may hold at most " + MAX_METADATA_ENTRIES + " entries, got " + metadata.size());
        }
        Checks.present(submittedAt, "submittedAt");
    }

    @Override
    public MessageType type() {
        return MessageType.IMAGE_JOB;
    }

    /** Where this job's output of {@code kind} will be stored. */
    public ObjectRef outputRef(OutputKind kind) {
        return new ObjectRef(output.bucket(), ObjectKeys.output(output, jobId, kind, options.format()));
    }
}
