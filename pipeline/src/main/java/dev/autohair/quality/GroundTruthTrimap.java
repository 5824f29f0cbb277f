package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;

/**
 * The best trimap one could hand-draw: every pixel with 0 &lt; alpha &lt; 1, grown by
 * {@link #DILATION} px so matting sees some sure pixels beside each fractional one, is unknown;
 * the rest is labelled by its true alpha.
 */
public final class GroundTruthTrimap {

    public static final int DILATION = 2;

    private GroundTruthTrimap() {
    }

    public static Trimap of(Matte truth) {
        boolean[] unknown = unknownRegion(truth);
        byte[] labels = new byte[unknown.length];
        for (int i = 0; i < labels.length; i++) {
            int label = unknown[i] ? Trimap.UNKNOWN : truth.alpha()[i] >= 1f ? Trimap.FOREGROUND : Trimap.BACKGROUND;
            labels[i] = (byte) label;
        }
        return new Trimap(truth.width(), truth.height(), labels);
    }

    /** Fractional pixels dilated by a (2·DILATION+1)² square. */
    public static boolean[] unknownRegion(Matte truth) {
        int w = truth.width();
        int h = truth.height();
        boolean[] fractional = new boolean[truth.pixelCount()];
        for (int i = 0; i < fractional.length; i++) {
            float a = truth.alpha()[i];
            fractional[i] = a > 0f && a < 1f;
        }
        boolean[] out = new boolean[fractional.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (fractional[y * w + x]) {
                    for (int yy = Math.max(0, y - DILATION); yy <= Math.min(h - 1, y + DILATION); yy++) {
                        for (int xx = Math.max(0, x - DILATION); xx <= Math.min(w - 1, x + DILATION); xx++) {
                            out[yy * w + xx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }
}
