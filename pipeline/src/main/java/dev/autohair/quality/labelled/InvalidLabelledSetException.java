package dev.autohair.quality.labelled;

/** A labelled folder that cannot be scored: no pairs, a photo without its mask, sizes that differ. */
public final class InvalidLabelledSetException extends RuntimeException {

    public InvalidLabelledSetException(String message) {
        super(message);
    }
}
