package dev.autohair.pipeline.trimap;

import java.util.Objects;

/**
 * Everything the automatic trimap needs to know.
 *
 * @param mode          binary (threshold at 0.5) or confidence (two thresholds)
 * @param band          band widths, fixed or scaled to the image
 * @param lowThreshold  CONFIDENCE only: mask values below it are sure background
 * @param highThreshold CONFIDENCE only: mask values above it are sure foreground
 */
public record TrimapSettings(TrimapMode mode, BandSizing band, float lowThreshold, float highThreshold) {

    public static final float DEFAULT_LOW = 0.05f;
    public static final float DEFAULT_HIGH = 0.95f;

    public TrimapSettings {
        Objects.requireNonNull(mode, "trimap mode");
        Objects.requireNonNull(band, "trimap band sizing");
        if (!(lowThreshold >= 0 && lowThreshold < highThreshold && highThreshold <= 1)) {
            throw new IllegalArgumentException("trimap thresholds must satisfy 0 <= low < high <= 1, got low="
                    + lowThreshold + " high=" + highThreshold);
        }
    }

    /** The seed's band ({@code --band scaled}): binary, the band scaled to the image ({@link ScaledBand#DEFAULT}). */
    public static TrimapSettings scaledToImage() {
        return new TrimapSettings(TrimapMode.BINARY, ScaledBand.DEFAULT, DEFAULT_LOW, DEFAULT_HIGH);
    }

    public static TrimapSettings binary(BandSizing band) {
        return new TrimapSettings(TrimapMode.BINARY, band, DEFAULT_LOW, DEFAULT_HIGH);
    }

    public static TrimapSettings confidence(BandSizing band, float lowThreshold, float highThreshold) {
        return new TrimapSettings(TrimapMode.CONFIDENCE, band, lowThreshold, highThreshold);
    }
}
