package dev.autohair.storage;

/** The bucket does not exist. Permanent until an operator creates it or fixes the name. */
public final class BucketNotFoundException extends StorageException {

    private final String bucket;

    public BucketNotFoundException(String bucket, String endpoint, Throwable cause) {
        super("bucket '" + bucket + "' does not exist at " + endpoint + ": create it (e.g. mc mb) or correct the"
                + " bucket name in the job or the worker configuration", cause);
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
