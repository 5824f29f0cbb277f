package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.Trimap;

/**
 * The pixels the flows work on: the trimap's unknown pixels (ascending pixel order, the order
 * {@code MattingSystem} numbers them in) and the known pixels within {@code margin} pixels
 * (Chebyshev distance) of one, split into foreground and background. Everything after this is
 * sized by these lists, so memory follows the band, not the image.
 */
record Band(int width, int height, int[] unknownPixel, int[] foregroundPixel, int[] backgroundPixel) {

    int unknowns() {
        return unknownPixel.length;
    }

    int knownCount() {
        return foregroundPixel.length + backgroundPixel.length;
    }

    static Band of(Trimap trimap, int margin) {
        if (margin < 1) {
            throw new IllegalArgumentException("margin must be at least 1 pixel, got " + margin);
        }
        int w = trimap.width();
        int h = trimap.height();
        boolean[] near = nearUnknown(trimap, margin);
        int unknowns = 0;
        int foreground = 0;
        int background = 0;
        for (int p = 0; p < near.length; p++) {
            if (trimap.isUnknown(p)) {
                unknowns++;
            } else if (near[p]) {
                if (trimap.isForeground(p)) {
                    foreground++;
                } else {
                    background++;
                }
            }
        }
        int[] u = new int[unknowns];
        int[] f = new int[foreground];
        int[] b = new int[background];
        unknowns = foreground = background = 0;
        for (int p = 0; p < near.length; p++) {
            if (trimap.isUnknown(p)) {
                u[unknowns++] = p;
            } else if (near[p]) {
                if (trimap.isForeground(p)) {
                    f[foreground++] = p;
                } else {
                    b[background++] = p;
                }
            }
        }
        return new Band(w, h, u, f, b);
    }

    /** Unknown pixels dilated by a (2 margin + 1)² square: a row pass then a column pass of running counts. */
    private static boolean[] nearUnknown(Trimap trimap, int margin) {
        int w = trimap.width();
        int h = trimap.height();
        boolean[] rows = new boolean[w * h];
        int[] prefix = new int[Math.max(w, h) + 1];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                prefix[x + 1] = prefix[x] + (trimap.isUnknown(y * w + x) ? 1 : 0);
            }
            for (int x = 0; x < w; x++) {
                rows[y * w + x] = prefix[Math.min(w, x + margin + 1)] > prefix[Math.max(0, x - margin)];
            }
        }
        boolean[] out = new boolean[w * h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                prefix[y + 1] = prefix[y] + (rows[y * w + x] ? 1 : 0);
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = prefix[Math.min(h, y + margin + 1)] > prefix[Math.max(0, y - margin)];
            }
        }
        return out;
    }
}
