package dev.autohair.storage;

/**
 * The store could not be reached or could not serve the request right now: connection refused,
 * timeout, broken connection, 5xx, throttling. Transient: retry with back-off.
 */
public final class StorageUnavailableException extends StorageException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
