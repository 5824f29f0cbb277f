package dev.autohair.pipeline.matting;

/**
 * The trimap leaves alpha undetermined: there is no known (foreground or background) pixel to
 * anchor it, or the image is too small to hold a single 3x3 matting window. Any constant alpha
 * would fit such a problem equally well, so the matting refuses to guess.
 */
public final class UnconstrainedMatteException extends RuntimeException {

    public UnconstrainedMatteException(String message) {
        super(message);
    }
}
