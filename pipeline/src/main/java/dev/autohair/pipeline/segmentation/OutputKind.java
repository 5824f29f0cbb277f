package dev.autohair.pipeline.segmentation;

/** What a segmentation model's output tensor holds. */
public enum OutputKind {
    /** One channel per class, each already a probability in [0, 1]. */
    PROBABILITY,
    /** One channel per class, independent logits: sigmoid gives each class's probability. */
    SIGMOID_LOGITS,
    /** One channel per class, mutually exclusive logits: softmax over the channels. */
    SOFTMAX_LOGITS,
    /** One integer class index per pixel ([N, H, W] or with a single channel axis). */
    CLASS_MAP
}
