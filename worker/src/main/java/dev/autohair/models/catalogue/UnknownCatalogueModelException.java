package dev.autohair.models.catalogue;

/** A name that is not in the model catalogue. */
public class UnknownCatalogueModelException extends RuntimeException {

    public UnknownCatalogueModelException(String message) {
        super(message);
    }
}
