package dev.autohair.common.client;

/** A job could not be submitted: its image was not stored, or Kafka did not confirm the job. */
public class JobSubmissionException extends RuntimeException {

    private final String jobId;

    public JobSubmissionException(String jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
