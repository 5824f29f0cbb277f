package dev.autohair.storage;

/**
 * The store answered but refused the request (access denied, bad signature, invalid name...).
 * Permanent: the configuration or the request must change first.
 */
public final class StorageRejectedException extends StorageException {

    private final String errorCode;

    public StorageRejectedException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The S3 error code (e.g. {@code AccessDenied}), or the HTTP status when the store sent none. */
    public String errorCode() {
        return errorCode;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
