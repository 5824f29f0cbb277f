package dev.autohair.pipeline.trimap;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;

/** Trimaps to and from grey pictures, for users who draw them and for debugging output. */
public final class TrimapImages {

    /** Near-white and near-black count as sure, so JPEG-saved or softly drawn trimaps still work. */
    private static final float SURE_FOREGROUND = 0.9f;
    private static final float SURE_BACKGROUND = 0.1f;

    private TrimapImages() {
    }

    public static Trimap fromGrey(Matte grey) {
        float[] v = grey.alpha();
        byte[] labels = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            int label = v[i] >= SURE_FOREGROUND ? Trimap.FOREGROUND : v[i] <= SURE_BACKGROUND ? Trimap.BACKGROUND : Trimap.UNKNOWN;
            labels[i] = (byte) label;
        }
        return new Trimap(grey.width(), grey.height(), labels);
    }

    public static Matte toGrey(Trimap trimap) {
        float[] v = new float[trimap.width() * trimap.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = trimap.label(i) / 255f;
        }
        return new Matte(trimap.width(), trimap.height(), v);
    }
}
