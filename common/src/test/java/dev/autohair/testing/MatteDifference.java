package dev.autohair.testing;

import dev.autohair.common.image.Matte;

/** How far two mattes of the same size are apart, in alpha units, for assertions. */
public final class MatteDifference {

    private MatteDifference() {
    }

    /** Sum of absolute differences over all pixels. */
    public static double sad(Matte a, Matte b) {
        requireSameSize(a, b);
        double s = 0;
        for (int i = 0; i < a.alpha().length; i++) {
            s += Math.abs(a.alpha()[i] - b.alpha()[i]);
        }
        return s;
    }

    /** Mean squared difference per pixel. */
    public static double mse(Matte a, Matte b) {
        requireSameSize(a, b);
        double s = 0;
        for (int i = 0; i < a.alpha().length; i++) {
            double d = a.alpha()[i] - b.alpha()[i];
            s += d * d;
        }
        return s / a.alpha().length;
    }

    /** The largest difference at any pixel. */
    public static float max(Matte a, Matte b) {
        requireSameSize(a, b);
        float max = 0;
        for (int i = 0; i < a.alpha().length; i++) {
            max = Math.max(max, Math.abs(a.alpha()[i] - b.alpha()[i]));
        }
        return max;
    }

    private static void requireSameSize(Matte a, Matte b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("mattes differ in size: " + a.width() + "x" + a.height() + " and "
                    + b.width() + "x" + b.height());
        }
    }
}
