package dev.autohair.storage;

/** Where {@link ObjectStorage#put} wrote an object, with its size and the store's ETag. */
public record StoredObject(String bucket, String key, long sizeBytes, String etag) {
}
