package dev.autohair.pipeline.segmentation;

/** Where the channel axis sits in an image tensor. */
public enum TensorLayout {
    /** [N, H, W, C]: TensorFlow's habit. */
    NHWC,
    /** [N, C, H, W]: PyTorch's and most ONNX exports'. */
    NCHW
}
