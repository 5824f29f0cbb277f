package dev.autohair.models.tfjs;

/** The files do not form a valid TF.js graph model (bad JSON, missing weights, short shards). */
public class InvalidTfjsModelException extends RuntimeException {

    public InvalidTfjsModelException(String message) {
        super(message);
    }

    public InvalidTfjsModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
