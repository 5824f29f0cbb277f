package dev.autohair.pipeline.model;

import dev.autohair.common.hash.Sha256;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What every model loader does with its weights file, whatever the engine: digest it, check it
 * against the configured sha256, and name the weights that ran by the digest's first 12 hex digits.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** Full SHA-256 of the file in hex, streamed. */
    public static String sha256(Path file) {
        try {
            return Sha256.hex(file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + " to check its sha256: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a file whose digest is not {@code expected}.
     *
     * @param actual the file's digest, from {@link #sha256}
     * @param whose  whose configuration names {@code expected}, for the message
     */
    public static void verify(Path file, String actual, String expected, String whose) {
        if (!expected.equals(actual)) {
            throw new ModelChecksumException(file + " has sha256 " + actual + " but " + whose + " expects " + expected
                    + "; restore the right file or update sha256");
        }
    }

    /** {@code sha256:} and the digest's first 12 hex digits: which weights ran, whatever the file is called. */
    public static String version(String sha256) {
        return "sha256:" + sha256.substring(0, 12);
    }
}
