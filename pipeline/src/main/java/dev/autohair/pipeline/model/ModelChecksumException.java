package dev.autohair.pipeline.model;

/** The model file on disk is not the one the configuration's sha256 names. */
public class ModelChecksumException extends RuntimeException {

    public ModelChecksumException(String message) {
        super(message);
    }
}
