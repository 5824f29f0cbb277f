package dev.autohair.common.contract;

import java.util.List;

/**
 * Kafka headers on a dead-letter record. The record's key and value are the job record's, unchanged,
 * so it can be replayed onto the jobs topic once the cause is fixed; the headers (UTF-8 strings) say why.
 */
public final class DeadLetterHeaders {

    /** An {@link ErrorCode} name. */
    public static final String ERROR_CODE = "autohair.error.code";
    /** What went wrong and what to do, for people. */
    public static final String ERROR_MESSAGE = "autohair.error.message";
    public static final String SOURCE_TOPIC = "autohair.source.topic";
    /** Decimal partition number. */
    public static final String SOURCE_PARTITION = "autohair.source.partition";
    /** Decimal offset. */
    public static final String SOURCE_OFFSET = "autohair.source.offset";
    /** Decimal count of attempts made before giving up. */
    public static final String ATTEMPTS = "autohair.attempts";
    /** Id of the worker that gave up. */
    public static final String WORKER_ID = "autohair.worker.id";

    public static final List<String> ALL = List.of(ERROR_CODE, ERROR_MESSAGE, SOURCE_TOPIC, SOURCE_PARTITION,
            SOURCE_OFFSET, ATTEMPTS, WORKER_ID);

    private DeadLetterHeaders() {
    }
}
