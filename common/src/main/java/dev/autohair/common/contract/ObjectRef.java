package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An object in S3-compatible storage. On the wire: {@code {"bucket", "key"}} or {@code {"uri": "s3://bucket/key"}}. */
public record ObjectRef(String bucket, String key) {

    private static final String SCHEME = "s3://";
    static final int MAX_KEY_LENGTH = 1024;

    public ObjectRef {
        Checks.bucket(bucket);
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new ConstraintException("objectKey", "object key must be 1-" + MAX_KEY_LENGTH + " characters, got "
                    + (key == null ? "none" : key.length()));
        }
    }

    /**
     * Parses {@code s3://bucket/key}. The key is everything after the bucket's slash, verbatim (no
     * percent-decoding), as S3 keys may hold any character.
     */
    public static ObjectRef parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new ConstraintException("pattern", "'" + uri + "' is not an s3://bucket/key URI");
        }
        int slash = uri.indexOf('/', SCHEME.length());
        if (slash < 0 || slash == uri.length() - 1) {
            throw new ConstraintException("pattern", "'" + uri + "' names no object key: write s3://bucket/key");
        }
        return new ObjectRef(uri.substring(SCHEME.length(), slash), uri.substring(slash + 1));
    }

    /** Reads either wire form; the schema guarantees exactly one is present. */
    @JsonCreator
    static ObjectRef fromJson(@JsonProperty("bucket") String bucket, @JsonProperty("key") String key,
                              @JsonProperty("uri") String uri) {
        return uri != null ? parse(uri) : new ObjectRef(bucket, key);
    }

    public String toUri() {
        return SCHEME + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return toUri();
    }
}
