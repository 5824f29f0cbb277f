package dev.autohair.common.contract;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An incoming image job cannot be accepted. The worker turns it into a FAILED result with
 * {@link #errorCode()} and dead-letters the record; retrying cannot help, so the producer must fix it.
 */
public class InvalidJobException extends Exception {

    private static final int LISTED = 5;

    private final ErrorCode errorCode;
    private final List<Violation> violations;
    private final String jobId;

    public InvalidJobException(ErrorCode errorCode, String jobId, List<Violation> violations, Throwable cause) {
        super(describe(errorCode, violations), cause);
        this.errorCode = errorCode;
        this.jobId = jobId;
        this.violations = List.copyOf(violations);
    }

    /** MALFORMED_JOB, INVALID_JOB or UNSUPPORTED_VERSION. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The job id, when the message carried a usable one; results and status events are keyed by it. */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /**
     * The job id, or {@code unknown-<topic>-<partition>-<offset>} for a record too broken to carry one,
     * so its FAILED result and status can still be keyed and found.
     */
    public String jobIdOr(String topic, int partition, long offset) {
        return jobId != null ? jobId : unknownJobId(topic, partition, offset);
    }

    /** The id events use for a record too broken to name its job: {@code unknown-<topic>-<partition>-<offset>}. */
    public static String unknownJobId(String topic, int partition, long offset) {
        String tail = "-" + partition + "-" + offset;
        String safeTopic = topic.replaceAll("[^A-Za-z0-9._-]", "_");
        int room = 128 - "unknown-".length() - tail.length();
        return "unknown-" + (safeTopic.length() > room ? safeTopic.substring(0, room) : safeTopic) + tail;
    }

    private static String describe(ErrorCode code, List<Violation> violations) {
        String listed = violations.stream().limit(LISTED).map(Violation::toString).collect(Collectors.joining("; "));
        String more = violations.size() > LISTED ? " (and " + (violations.size() - LISTED) + " more)" : "";
        String advice = switch (code) {
            case UNSUPPORTED_VERSION -> "deploy workers that understand this version, or produce version "
                    + MessageType.IMAGE_JOB.version();
            case MALFORMED_JOB -> "the producer must write UTF-8 JSON as in schemas/examples/image-job/valid";
            default -> "fix the producer; the schema is schemas/image-job.schema.json";
        };
        return code + ": " + listed + more + " - " + advice;
    }
}
