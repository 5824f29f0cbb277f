package dev.autohair.pipeline;

/** The pipeline's stages, in order; timings and status events name them. */
public enum Stage {
    DECODE,
    SEGMENT,
    TRIMAP,
    MATTE,
    COLOUR,
    ENCODE
}
