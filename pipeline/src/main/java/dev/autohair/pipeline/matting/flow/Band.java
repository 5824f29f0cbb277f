package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.Trimap;

/**
 * The pixels the flows work on: the trimap's unknown pixels (ascending pixel order, the order
 * {@code MattingSystem} numbers them in) and the known pixels within {@code margin} pixels
 * (Chebyshev distance) of one, split into foreground and background, each with that distance.
 * Everything after this is sized by these lists, so memory follows the band, not the image.
 */
record Band(int width, int height, int[] unknownPixel, int[] foregroundPixel, int[] backgroundPixel,
        int[] foregroundDistance, int[] backgroundDistance) {

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
        int[] distance = distanceToUnknown(trimap, margin);
        int unknowns = 0;
        int foreground = 0;
        int background = 0;
        for (int p = 0; p < distance.length; p++) {
            if (trimap.isUnknown(p)) {
                unknowns++;
            } else if (distance[p] <= margin) {
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
        int[] fd = new int[foreground];
        int[] bd = new int[background];
        unknowns = foreground = background = 0;
        for (int p = 0; p < distance.length; p++) {
            if (trimap.isUnknown(p)) {
                u[unknowns++] = p;
            } else if (distance[p] <= margin) {
                if (trimap.isForeground(p)) {
                    fd[foreground] = distance[p];
                    f[foreground++] = p;
                } else {
                    bd[background] = distance[p];
                    b[background++] = p;
                }
            }
        }
        return new Band(w, h, u, f, b, fd, bd);
    }

    /**
     * Chebyshev distance from each pixel to the nearest unknown pixel, margin + 1 where it is
     * farther: distances along each row, then the minimum over the column window.
     */
    private static int[] distanceToUnknown(Trimap trimap, int margin) {
        int w = trimap.width();
        int h = trimap.height();
        int far = margin + 1;
        int[] rows = new int[w * h];
        for (int y = 0; y < h; y++) {
            int last = -far;
            for (int x = 0; x < w; x++) {
                if (trimap.isUnknown(y * w + x)) {
                    last = x;
                }
                rows[y * w + x] = Math.min(far, x - last);
            }
            last = w - 1 + far;
            for (int x = w - 1; x >= 0; x--) {
                if (trimap.isUnknown(y * w + x)) {
                    last = x;
                }
                rows[y * w + x] = Math.min(rows[y * w + x], Math.min(far, last - x));
            }
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - margin);
            int y1 = Math.min(h - 1, y + margin);
            for (int x = 0; x < w; x++) {
                int best = far;
                for (int yy = y0; yy <= y1; yy++) {
                    best = Math.min(best, Math.max(Math.abs(yy - y), rows[yy * w + x]));
                }
                out[y * w + x] = best;
            }
        }
        return out;
    }
}
