package dev.autohair.quality;

/**
 * One measurement.
 *
 * @param wholeImage     error over every pixel
 * @param unknownRegion  error over the true unknown region ({@link GroundTruthTrimap#unknownRegion})
 * @param seconds        wall time of the matting call, 0 where no matting ran
 */
public record QualityRow(CompositeKind kind, MaskSource source, AlphaError wholeImage, AlphaError unknownRegion,
        double seconds) {
}
