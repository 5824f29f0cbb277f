package dev.autohair.storage;

/**
 * A failed object storage operation. {@link #isRetriable()} tells the caller whether trying again
 * later can help (the store was unreachable or overloaded) or not (the request itself is wrong).
 */
public abstract sealed class StorageException extends RuntimeException
        permits ObjectNotFoundException, BucketNotFoundException, ObjectTooLargeException,
                StorageRejectedException, StorageUnavailableException {

    protected StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same request may succeed later; false when it never will as it stands. */
    public abstract boolean isRetriable();
}
