package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;

/** Halving and doubling for coarse-to-fine solving. */
final class Pyramid {

    private Pyramid() {}

    /** 2x2 box average; an odd last row or column is averaged with itself. */
    static RgbImage halve(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        float[] src = image.rgb();
        float[] dst = new float[3 * cw * ch];
        for (int y = 0; y < ch; y++) {
            int row0 = 3 * (2 * y) * w;
            int row1 = 3 * Math.min(h - 1, 2 * y + 1) * w;
            int out = 3 * y * cw;
            for (int x = 0; x < cw; x++) {
                int c0 = 6 * x;
                int c1 = 3 * Math.min(w - 1, 2 * x + 1);
                for (int c = 0; c < 3; c++) {
                    dst[out++] = 0.25f * (src[row0 + c0 + c] + src[row0 + c1 + c] + src[row1 + c0 + c] + src[row1 + c1 + c]);
                }
            }
        }
        return new RgbImage(cw, ch, dst);
    }

    /** 2x2 box average of a matte (a prior mask), like the image. */
    static Matte halve(Matte matte) {
        int w = matte.width();
        int h = matte.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        float[] src = matte.alpha();
        float[] dst = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            int y0 = 2 * y;
            int y1 = Math.min(h - 1, y0 + 1);
            for (int x = 0; x < cw; x++) {
                int x0 = 2 * x;
                int x1 = Math.min(w - 1, x0 + 1);
                dst[y * cw + x] = 0.25f * (src[y0 * w + x0] + src[y0 * w + x1] + src[y1 * w + x0] + src[y1 * w + x1]);
            }
        }
        return new Matte(cw, ch, dst);
    }

    /** A coarse pixel stays known only when all four fine pixels agree; otherwise it is unknown. */
    static Trimap halve(Trimap trimap) {
        int w = trimap.width();
        int h = trimap.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        byte[] src = trimap.labels();
        byte[] dst = new byte[cw * ch];
        byte foreground = (byte) Trimap.FOREGROUND;
        byte background = (byte) Trimap.BACKGROUND;
        for (int y = 0; y < ch; y++) {
            int row0 = 2 * y * w;
            int row1 = Math.min(h - 1, 2 * y + 1) * w;
            for (int x = 0; x < cw; x++) {
                int x0 = 2 * x;
                int x1 = Math.min(w - 1, x0 + 1);
                byte a = src[row0 + x0];
                boolean same = src[row0 + x1] == a && src[row1 + x0] == a && src[row1 + x1] == a;
                dst[y * cw + x] = same && (a == foreground || a == background) ? a : (byte) Trimap.UNKNOWN;
            }
        }
        return new Trimap(cw, ch, dst);
    }

    /**
     * The half-size matte upsampled bilinearly (pixel centres aligned) at each unknown of the
     * full-size system, as its starting vector: only the band is interpolated, no full-size copy.
     */
    static double[] doubledOnto(Matte coarse, MattingSystem system) {
        int cw = coarse.width();
        int ch = coarse.height();
        float[] a = coarse.alpha();
        double[] x = system.newVector();
        for (int i = 0; i < system.unknowns; i++) {
            int p = system.unknownPixel[i];
            Tap tx = tap(p % system.width, cw);
            Tap ty = tap(p / system.width, ch);
            float top = a[ty.low() * cw + tx.low()] * (1 - tx.weight()) + a[ty.low() * cw + tx.high()] * tx.weight();
            float bottom = a[ty.high() * cw + tx.low()] * (1 - tx.weight()) + a[ty.high() * cw + tx.high()] * tx.weight();
            x[system.unknownExt[i]] = top * (1 - ty.weight()) + bottom * ty.weight();
        }
        return x;
    }

    /**
     * Along one axis, the two coarse pixels whose centres a fine pixel's centre lies between
     * (clamped at the edges), and the weight of the higher one.
     */
    record Tap(int low, int high, float weight) {}

    static Tap tap(int fine, int coarseSize) {
        float position = Math.max(0, Math.min(coarseSize - 1, (fine + 0.5f) / 2 - 0.5f));
        int low = (int) position;
        return new Tap(low, Math.min(coarseSize - 1, low + 1), position - low);
    }

    /** Coarse alpha this close to 0 or 1 is what 8-bit output writes as 0 or 255. */
    static final float SETTLED = 1f / 255;

    /**
     * The trimap with every unknown pixel made known where the half-size matte is settled around
     * it: background where all nine coarse pixels about its own are within {@link #SETTLED} of 0,
     * foreground where all are within it of 1. Nine, not the one beneath it, so that an unsettled
     * coarse pixel keeps its fine neighbourhood unknown two to three pixels out.
     */
    static Trimap settledBy(Matte coarse, Trimap trimap) {
        int w = trimap.width();
        int h = trimap.height();
        int cw = coarse.width();
        int ch = coarse.height();
        float[] a = coarse.alpha();
        byte[] labels = trimap.labels().clone();
        byte unknown = (byte) Trimap.UNKNOWN;
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y / 2 - 1);
            int y1 = Math.min(ch - 1, y / 2 + 1);
            for (int x = 0; x < w; x++) {
                if (labels[y * w + x] != unknown) {
                    continue;
                }
                int x0 = Math.max(0, x / 2 - 1);
                int x1 = Math.min(cw - 1, x / 2 + 1);
                float low = 1;
                float high = 0;
                for (int cy = y0; cy <= y1; cy++) {
                    for (int cx = x0; cx <= x1; cx++) {
                        float v = a[cy * cw + cx];
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
                if (high <= SETTLED) {
                    labels[y * w + x] = (byte) Trimap.BACKGROUND;
                } else if (low >= 1 - SETTLED) {
                    labels[y * w + x] = (byte) Trimap.FOREGROUND;
                }
            }
        }
        return new Trimap(w, h, labels);
    }
}
