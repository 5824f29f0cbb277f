package dev.autohair.models.tfjs;

/** A valid TF.js graph model uses something this converter does not translate yet. */
public class UnsupportedTfjsFeatureException extends RuntimeException {

    public UnsupportedTfjsFeatureException(String message) {
        super(message);
    }
}
