package dev.autohair.storage;

/** The bucket exists but the key does not. Permanent: retrying will not make the object appear. */
public final class ObjectNotFoundException extends StorageException {

    private final String bucket;
    private final String key;

    public ObjectNotFoundException(String bucket, String key, Throwable cause) {
        super("object s3://" + bucket + "/" + key + " does not exist: check that the uploader stored it before"
                + " producing the job and that the job names the right bucket and key", cause);
        this.bucket = bucket;
        this.key = key;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
