package dev.autohair.pipeline.trimap;

/**
 * Band widths proportional to the image diagonal, so a 512 px and a 4000 px photo of the same
 * scene get bands covering the same part of the subject. The diagonal rather than one side so
 * that portrait, landscape and square crops of similar content are treated alike.
 *
 * <p>size = max(minSize, round(sizeFraction · diagonal)), erosion = max(minErosion,
 * round(erosionFraction · diagonal)). The floors keep a usable band on thumbnails, where a
 * proportional band would round to nothing.
 */
public record ScaledBand(double sizeFraction, double erosionFraction, int minSize, int minErosion)
        implements BandSizing {

    /** 2 % of the diagonal outside, 1 % inside: 14 / 7 px at 512², 100 / 50 px at 4000×3000. */
    public static final ScaledBand DEFAULT = new ScaledBand(0.02, 0.01, 3, 1);

    public ScaledBand {
        if (!(sizeFraction > 0 && sizeFraction < 0.5)) {
            throw new IllegalArgumentException(
                    "band size fraction must be in (0, 0.5) of the image diagonal, got " + sizeFraction);
        }
        if (!(erosionFraction >= 0 && erosionFraction < 0.5)) {
            throw new IllegalArgumentException(
                    "erosion fraction must be in [0, 0.5) of the image diagonal, got " + erosionFraction);
        }
        if (minSize < 1) {
            throw new IllegalArgumentException("minimum band size must be at least 1 pixel, got " + minSize);
        }
        if (minErosion < 0) {
            throw new IllegalArgumentException("minimum erosion must be 0 or more pixels, got " + minErosion);
        }
    }

    @Override
    public TrimapBand bandFor(int width, int height) {
        double diagonal = Math.hypot(width, height);
        int size = Math.max(minSize, (int) Math.round(sizeFraction * diagonal));
        int erosion = Math.max(minErosion, (int) Math.round(erosionFraction * diagonal));
        return new TrimapBand(size, erosion);
    }
}
