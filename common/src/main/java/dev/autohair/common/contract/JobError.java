package dev.autohair.common.contract;

/** Why a job (attempt) failed: a code for machines, a message for people saying what to do. */
public record JobError(ErrorCode code, String message) {

    static final int MAX_MESSAGE = 4096;

    public JobError {
        Checks.present(code, "error code");
        if (message == null || message.isBlank()) {
            message = code.summary();
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
    }
}
