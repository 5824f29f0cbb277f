package dev.autohair.pipeline.segmentation;

/**
 * What a segmentation SavedModel expects and returns. Input: one float NHWC tensor
 * {@code [N, inputHeight, inputWidth, 3]} of RGB scaled to [{@code inputMin}, {@code inputMax}].
 * Output: float NHWC {@code [N, h, w, outputChannels]} where channel {@code subjectChannel} is the
 * probability that the pixel belongs to the subject.
 */
public record SegmentationModelContract(
        String name, int inputWidth, int inputHeight, float inputMin, float inputMax, int outputChannels,
        int subjectChannel) {

    /** MediaPipe Selfie Segmentation (verified: RGB in [0, 1], one sigmoid channel). */
    public static final SegmentationModelContract SELFIE =
            new SegmentationModelContract("mediapipe-selfie-segmentation", 256, 256, 0f, 1f, 1, 0);

    public SegmentationModelContract {
        if (inputWidth <= 0 || inputHeight <= 0) {
            throw new IllegalArgumentException("model input size must be positive, got " + inputWidth + "x" + inputHeight);
        }
        if (subjectChannel < 0 || subjectChannel >= outputChannels) {
            throw new IllegalArgumentException(
                    "subject channel " + subjectChannel + " is outside the " + outputChannels + " output channels");
        }
    }
}
