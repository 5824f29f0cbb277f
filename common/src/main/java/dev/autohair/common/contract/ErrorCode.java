package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Why a job failed, as results and status events name it. Each code says whether the worker retries
 * it: permanent codes fail fast, because the same input would fail the same way again.
 */
public enum ErrorCode {
    /** The record is not JSON at all (or not UTF-8). */
    MALFORMED_JOB(false, "the job message is not parseable JSON"),
    /** Parseable JSON that breaks the image-job schema or one of its rules. */
    INVALID_JOB(false, "the job message breaks schemas/image-job.schema.json"),
    /** An image job of another major version than the worker understands. */
    UNSUPPORTED_VERSION(false, "the job's schema version is not supported by this worker"),
    BUCKET_NOT_FOUND(false, "the input or output bucket does not exist"),
    OBJECT_NOT_FOUND(false, "the input object does not exist"),
    /** The worker's credentials may not read the input or write the output. */
    ACCESS_DENIED(false, "object storage refused access"),
    /** The input object is bigger than the worker's byte limit. */
    OBJECT_TOO_LARGE(false, "the input object exceeds the size limit"),
    /** Neither JPEG, PNG nor WebP. */
    NOT_AN_IMAGE(false, "the input is not a supported image format"),
    /** A supported format whose data is truncated or broken. */
    CORRUPT_IMAGE(false, "the image data cannot be decoded"),
    /** More pixels than the worker's limit (guards against decompression bombs). */
    IMAGE_TOO_LARGE(false, "the image has more pixels than allowed"),
    /** Segmentation found no subject pixels, so there is nothing to cut out. */
    NOTHING_FOUND(false, "no subject was found in the image"),
    /** The trimap leaves alpha undetermined (an image smaller than a matting window, no sure pixel). */
    CANNOT_MATTE(false, "alpha cannot be determined for this image"),
    /** The requested output cannot be encoded (e.g. WebP is limited to 16383 px a side). */
    CANNOT_ENCODE(false, "the requested output format cannot encode this image"),
    /** Timeouts, connection failures and 5xx answers from object storage. */
    STORAGE_UNAVAILABLE(true, "object storage did not answer"),
    /**
     * Anything else (a bug, an exhausted GPU): retried a bounded number of times. Readers also map codes
     * added after them to this one.
     */
    @JsonEnumDefaultValue
    INTERNAL_ERROR(true, "unexpected worker error");

    private final boolean retryable;
    private final String summary;

    ErrorCode(boolean retryable, String summary) {
        this.retryable = retryable;
        this.summary = summary;
    }

    /** Whether another attempt may succeed with the same input. */
    public boolean retryable() {
        return retryable;
    }

    public String summary() {
        return summary;
    }
}
