package dev.autohair.models.catalogue;

/** A model file could not be downloaded: unreachable, refused, stalled or cut short. Nothing was installed. */
public class ModelDownloadException extends RuntimeException {

    public ModelDownloadException(String message) {
        super(message);
    }

    public ModelDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
