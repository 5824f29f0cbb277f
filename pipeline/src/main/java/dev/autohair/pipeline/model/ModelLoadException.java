package dev.autohair.pipeline.model;

/** A segmentation model directory exists but the engine could not load it. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
