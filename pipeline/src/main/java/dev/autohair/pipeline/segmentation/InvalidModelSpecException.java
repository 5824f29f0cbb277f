package dev.autohair.pipeline.segmentation;

/** A segmentation model description breaks a rule; the message names the field and what is allowed. */
public class InvalidModelSpecException extends RuntimeException {

    public InvalidModelSpecException(String message) {
        super(message);
    }
}
