package dev.autohair.worker;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.InvalidJobException;
import dev.autohair.common.contract.JobError;
import dev.autohair.pipeline.MismatchedGuideException;
import dev.autohair.pipeline.StageFailedException;
import dev.autohair.pipeline.decode.CorruptImageException;
import dev.autohair.pipeline.decode.ImageTooLargeException;
import dev.autohair.pipeline.decode.UnsupportedImageException;
import dev.autohair.pipeline.matting.UnconstrainedMatteException;
import dev.autohair.pipeline.matting.network.MattingModelException;
import dev.autohair.pipeline.output.ImageEncodingException;
import dev.autohair.pipeline.segmentation.SegmentationFailedException;
import dev.autohair.pipeline.segmentation.UnknownSubjectClassException;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import dev.autohair.storage.BucketNotFoundException;
import dev.autohair.storage.ObjectNotFoundException;
import dev.autohair.storage.ObjectTooLargeException;
import dev.autohair.storage.StorageRejectedException;
import dev.autohair.storage.StorageUnavailableException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps what went wrong to the contract's error codes, which decide retry or fail-fast. */
final class Failures {

    private static final int MAX_MESSAGE = 1000;

    /** Each failure type a job's stages throw, with the code a job gets for it. */
    static final Map<Class<? extends Throwable>, ErrorCode> CODES = Map.ofEntries(
            Map.entry(ObjectNotFoundException.class, ErrorCode.OBJECT_NOT_FOUND),
            Map.entry(BucketNotFoundException.class, ErrorCode.BUCKET_NOT_FOUND),
            Map.entry(ObjectTooLargeException.class, ErrorCode.OBJECT_TOO_LARGE),
            Map.entry(StorageRejectedException.class, ErrorCode.ACCESS_DENIED),
            Map.entry(StorageUnavailableException.class, ErrorCode.STORAGE_UNAVAILABLE),
            Map.entry(UnsupportedImageException.class, ErrorCode.NOT_AN_IMAGE),
            Map.entry(CorruptImageException.class, ErrorCode.CORRUPT_IMAGE),
            Map.entry(ImageTooLargeException.class, ErrorCode.IMAGE_TOO_LARGE),
            // A mask or trimap that does not fit the image: the request itself is wrong.
            Map.entry(MismatchedGuideException.class, ErrorCode.INVALID_JOB),
            // The job names a class this deployment's model does not segment: the job is invalid here.
            Map.entry(UnknownSubjectClassException.class, ErrorCode.INVALID_JOB),
            Map.entry(DegenerateMaskException.class, ErrorCode.NOTHING_FOUND),
            Map.entry(UnconstrainedMatteException.class, ErrorCode.CANNOT_MATTE),
            Map.entry(ImageEncodingException.class, ErrorCode.CANNOT_ENCODE),
            // A model call that failed (engine error, exhausted GPU memory) may pass on another attempt.
            Map.entry(SegmentationFailedException.class, ErrorCode.INTERNAL_ERROR),
            Map.entry(MattingModelException.class, ErrorCode.INTERNAL_ERROR));

    private Failures() {
    }

    static JobError classify(Throwable failure) {
        Throwable e = unwrap(failure);
        ErrorCode code = e instanceof InvalidJobException invalid
                ? invalid.errorCode()
                : CODES.entrySet().stream().filter(known -> known.getKey().isInstance(e)).map(Map.Entry::getValue)
                        .findFirst().orElse(ErrorCode.INTERNAL_ERROR);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!CODES.containsKey(e.getClass()) && !(e instanceof InvalidJobException)) {
            message = e.getClass().getSimpleName() + ": " + message; // unexpected: name the type for the operator
        }
        return new JobError(code, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
    }

    /** The exception that says what happened, under the wrappers that say where or on which thread. */
    static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof StageFailedException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
