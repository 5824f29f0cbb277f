package dev.autohair.pipeline.segmentation;

/** The model ran but failed, or returned something that breaks its contract. */
public class SegmentationFailedException extends RuntimeException {

    public SegmentationFailedException(String message) {
        super(message);
    }

    public SegmentationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
