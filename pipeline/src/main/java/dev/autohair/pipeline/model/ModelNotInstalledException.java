package dev.autohair.pipeline.model;

/** No directory holding the wanted SavedModel was found where the models are looked up. */
public class ModelNotInstalledException extends RuntimeException {

    public ModelNotInstalledException(String message) {
        super(message);
    }
}
