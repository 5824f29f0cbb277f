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
import java.util.Map;

/** Maps what went wrong to the contract's error codes, which decide retry or fail-fast. */
final class Failures {

    private static final int MAX_MESSAGE = 1000;

    /** Each failure type the pipeline and storage throw, with the code a job gets for it. */
    private static final Map<Class<? extends Throwable>, ErrorCode> CODES = Map.ofEntries(
            Map.entry(ObjectNotFoundException.class, ErrorCode.OBJECT_NOT_FOUND),
            Map.entry(BucketNotFoundException.class, ErrorCode.BUCKET_NOT_FOUND),
            Map.entry(ObjectTooLargeException.class, ErrorCode.OBJECT_TOO_LARGE),
            Map.entry(StorageRejectedException.class, ErrorCode.ACCESS_DENIED),
            Map.entry(StorageUnavailableException.class, ErrorCode.STORAGE_UNAVAILABLE),
            Map.entry(UnsupportedImageException.class, ErrorCode.NOT_AN_IMAGE),
            Map.entry(CorruptImageException.class, ErrorCode.CORRUPT_IMAGE),
            Map.entry(ImageTooLargeException.class, ErrorCode.IMAGE_TOO_LARGE),
            // The job names a class this deployment's model does not segment: the job is invalid here.
            Map.entry(UnknownSubjectClassException.class, ErrorCode.INVALID_JOB),
            Map.entry(DegenerateMaskException.class, ErrorCode.NOTHING_FOUND));

    private Failures() {
    }

    static JobError classify(Throwable failure) {
        Throwable e = unwrap(failure);
        ErrorCode code = e instanceof InvalidJobException invalid
                ? invalid.errorCode()
                : CODES.entrySet().stream().filter(known -> known.getKey().isInstance(e)).map(Map.Entry::getValue)
                        .findFirst().orElse(ErrorCode.INTERNAL_ERROR);
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
