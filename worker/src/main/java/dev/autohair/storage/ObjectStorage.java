package dev.autohair.storage;

import java.util.Map;

/**
 * What the worker needs of object storage: whole objects in and out. Failures are
 * {@link StorageException}s that say whether a retry can help. Implementations are thread-safe.
 */
public interface ObjectStorage extends AutoCloseable {

    /**
     * Downloads a whole object if it is at most {@code maxBytes} long.
     *
     * @throws ObjectTooLargeException when it is longer
     */
    FetchedObject fetch(String bucket, String key, long maxBytes);

    /** Whether the key exists; a missing bucket is an error, not "no". */
    boolean exists(String bucket, String key);

    /** Writes a whole object, replacing any object under the same key. */
    StoredObject put(String bucket, String key, byte[] bytes, String contentType, Map<String, String> userMetadata);

    /**
     * Asks the store something cheap about {@code bucket} (does it exist?) to learn whether it
     * answers at all: returns on any answer, "no such bucket" and "access denied" included.
     *
     * @throws StorageUnavailableException when the store cannot be reached or cannot serve now
     */
    default void ping(String bucket) {
        try {
            exists(bucket, ".autohair-ping");
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (StorageException e) {
            // It answered; what it said does not matter here.
        }
    }

    @Override
    void close();
}
