package dev.autohair.worker;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.InvalidJobException;
import dev.autohair.common.contract.JobError;
import dev.autohair.pipeline.decode.CorruptImageException;
import dev.autohair.pipeline.decode.ImageTooLargeException;
import dev.autohair.pipeline.decode.UnsupportedImageException;
import dev.autohair.pipeline.segmentation.UnknownSubjectClassException;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import dev.autohair.storage.BucketNotFoundException;
import dev.autohair.storage.ObjectNotFoundException;
import dev.autohair.storage.ObjectTooLargeException;
import dev.autohair.storage.StorageRejectedException;
import dev.autohair.storage.StorageUnavailableException;

/** Maps what went wrong to the contract's error codes, which decide retry or fail-fast. */
final class Failures {

    private static final int MAX_MESSAGE = 1000;

    private Failures() {
    }

    static JobError classify(Throwable failure) {
        Throwable e = unwrap(failure);
        ErrorCode code;
        if (e instanceof InvalidJobException invalid) {
            code = invalid.errorCode();
        } else if (e instanceof ObjectNotFoundException) {
            code = ErrorCode.OBJECT_NOT_FOUND;
        } else if (e instanceof BucketNotFoundException) {
            code = ErrorCode.BUCKET_NOT_FOUND;
        } else if (e instanceof ObjectTooLargeException) {
            code = ErrorCode.OBJECT_TOO_LARGE;
        } else if (e instanceof StorageRejectedException) {
            code = ErrorCode.ACCESS_DENIED;
        } else if (e instanceof StorageUnavailableException) {
            code = ErrorCode.STORAGE_UNAVAILABLE;
        } else if (e instanceof UnsupportedImageException) {
            code = ErrorCode.NOT_AN_IMAGE;
        } else if (e instanceof CorruptImageException) {
            code = ErrorCode.CORRUPT_IMAGE;
        } else if (e instanceof ImageTooLargeException) {
            code = ErrorCode.IMAGE_TOO_LARGE;
        } else if (e instanceof UnknownSubjectClassException) {
            // The job names a class this deployment's model does not segment: the job is invalid here.
            code = ErrorCode.INVALID_JOB;
        } else if (e instanceof DegenerateMaskException) {
            code = ErrorCode.NOTHING_FOUND;
        } else {
            code = ErrorCode.INTERNAL_ERROR;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (code == ErrorCode.INTERNAL_ERROR) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        return new JobError(code, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
