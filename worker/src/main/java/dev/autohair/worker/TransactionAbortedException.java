package dev.autohair.worker;

/**
 * A commit window's transaction was aborted for a reason the worker can recover from (the group's
 * generation changed under it, e.g. after a broker restart): nothing of it became visible, and the
 * consumer loop rewinds to the committed offsets so that its jobs are done again.
 */
final class TransactionAbortedException extends RuntimeException {

    TransactionAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
