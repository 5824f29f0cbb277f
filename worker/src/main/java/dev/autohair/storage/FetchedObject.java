package dev.autohair.storage;

import java.util.Map;

/**
 * An object read from the store. {@code bytes} is owned by the caller (not copied again);
 * {@code userMetadata} keys are lower case, without the {@code x-amz-meta-} prefix.
 */
public record FetchedObject(String bucket, String key, byte[] bytes, String contentType,
                            Map<String, String> userMetadata, String etag) {

    public FetchedObject {
        userMetadata = Map.copyOf(userMetadata);
    }

    public int size() {
        return bytes.length;
    }
}
