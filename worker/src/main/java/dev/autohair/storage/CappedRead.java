package dev.autohair.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a download whole but never more than a cap: the size the store reported is checked first,
 * yet a store (or a replaced object) can still send more than it announced.
 */
final class CappedRead {

    private CappedRead() {
    }

    /** All bytes of {@code in}, or {@link ObjectTooLargeException} as soon as it passes {@code maxBytes}. */
    static byte[] readAll(InputStream in, int maxBytes, String bucket, String key) throws IOException {
        // One byte past the cap is enough to know the object is too large; nothing more is buffered.
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new ObjectTooLargeException(bucket, key, ObjectTooLargeException.SIZE_UNKNOWN, maxBytes);
        }
        return bytes;
    }
}
