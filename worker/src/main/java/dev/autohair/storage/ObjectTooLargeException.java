package dev.autohair.storage;

/** The object is bigger than the caller's cap; it was not (fully) downloaded. Permanent. */
public final class ObjectTooLargeException extends StorageException {

    /** {@link #sizeBytes()} when the store under-reported the size and the stream ran past the cap. */
    public static final long SIZE_UNKNOWN = -1;

    private final String bucket;
    private final String key;
    private final long sizeBytes;
    private final long maxBytes;

    public ObjectTooLargeException(String bucket, String key, long sizeBytes, long maxBytes) {
        super("object s3://" + bucket + "/" + key + " is "
                + (sizeBytes == SIZE_UNKNOWN ? "more than " + maxBytes + " bytes" : sizeBytes + " bytes")
                + ", over the cap of " + maxBytes + " bytes: shrink the image before upload, or raise the"
                + " worker's input size cap if such images are expected", null);
        this.bucket = bucket;
        this.key = key;
        this.sizeBytes = sizeBytes;
        this.maxBytes = maxBytes;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    /** The size the store reported, or {@link #SIZE_UNKNOWN}. */
    public long sizeBytes() {
        return sizeBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
