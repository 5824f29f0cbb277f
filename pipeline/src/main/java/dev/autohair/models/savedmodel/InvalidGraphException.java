package dev.autohair.models.savedmodel;

/** A graph cannot become a SavedModel as asked (for example a signature names a tensor the graph lacks). */
public class InvalidGraphException extends RuntimeException {

    public InvalidGraphException(String message) {
        super(message);
    }
}
