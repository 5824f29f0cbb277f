package dev.autohair.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one storage request may wait.
 *
 * @param connect   to open a connection; short, so a store that is down fails fast and is retried
 * @param readWrite for each read or write on an open connection (not the whole transfer)
 */
public record StorageTimeouts(Duration connect, Duration readWrite) {

    public StorageTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(readWrite, "readWrite");
        if (connect.isNegative() || connect.isZero() || readWrite.isNegative() || readWrite.isZero()) {
            throw new IllegalArgumentException("storage timeouts must be positive, were connect=" + connect
                    + ", readWrite=" + readWrite);
        }
    }

    /** 5 s to connect, 60 s per read or write. */
    public static StorageTimeouts defaults() {
        return new StorageTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
}
