package dev.autohair.pipeline.segmentation;

/** A job named a subject class the configured model does not know. Permanent: retrying cannot help. */
public class UnknownSubjectClassException extends RuntimeException {

    public UnknownSubjectClassException(String message) {
        super(message);
    }
}
