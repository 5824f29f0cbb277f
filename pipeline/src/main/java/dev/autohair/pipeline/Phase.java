package dev.autohair.pipeline;

/**
 * Where a part of the pipeline runs. A worker gives each phase its own threads: input and output
 * wait on storage, the model phase owns the accelerator and sees a whole micro-batch, the CPU phase
 * runs one image per thread. Which stages fall into which phase is the pipeline's decision.
 */
public enum Phase {
    /** Read the input and decode it. */
    INPUT,
    /** The model calls, once per micro-batch: segmentation, and matting when a network does it. */
    MODEL,
    /** Per-image work: trimap and matting when no network does them, foreground colours. */
    CPU,
    /** Render the requested outputs and hand them to the caller's sink. */
    OUTPUT
}
