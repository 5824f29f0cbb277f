package dev.autohair.pipeline.trimap;

/**
 * The mask cannot give a trimap: nothing was found, the subject fills the whole frame, or erosion
 * removed every sure pixel. The job cannot go on without a different mask or band.
 */
public final class DegenerateMaskException extends RuntimeException {

    public DegenerateMaskException(String message) {
        super(message);
    }
}
