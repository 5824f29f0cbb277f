package dev.autohair.pipeline.trimap;

/** How a mask is split into sure foreground, sure background and the unknown band between. */
public enum TrimapMode {
    /** Binarise at 0.5; the band straddles the mask's edge (for hard or nearly hard masks). */
    BINARY,
    /**
     * Only confident mask values count as sure: above the high threshold foreground, below the
     * low threshold background; everything in between is unknown (for soft masks whose blur
     * already marks where the model was unsure, e.g. around hair).
     */
    CONFIDENCE
}
