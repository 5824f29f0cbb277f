package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.trimap.TrimapGenerator;

/**
 * rembg's trimap rule (its alpha-matting path), for comparison only — not a product option. On
 * the 8-bit mask: foreground = mask &gt; 240, background = mask &lt; 10, each eroded with a 10×10
 * square of ones, unknown elsewhere. As scipy's {@code binary_erosion} with an even structuring
 * element, the window at x covers x − 5 … x + 4 (per axis); the foreground is eroded with the
 * frame counting as unset (scipy's default border 0), the background with it counting as set
 * (rembg passes border 1).
 */
public final class RembgTrimapRule implements TrimapGenerator {

    public static final int FOREGROUND_ABOVE = 240;
    public static final int BACKGROUND_BELOW = 10;
    public static final int ERODE_SIZE = 10;

    @Override
    public Trimap generate(Matte mask) {
        int w = mask.width();
        int h = mask.height();
        boolean[] fg = new boolean[w * h];
        boolean[] bg = new boolean[w * h];
        for (int i = 0; i < fg.length; i++) {
            int v = Math.round(Math.min(1f, Math.max(0f, mask.alpha()[i])) * 255);
            fg[i] = v > FOREGROUND_ABOVE;
            bg[i] = v < BACKGROUND_BELOW;
        }
        boolean[] sureFg = erode(fg, w, h, false);
        boolean[] sureBg = erode(bg, w, h, true);
        byte[] labels = new byte[w * h];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (sureFg[i] ? Trimap.FOREGROUND : sureBg[i] ? Trimap.BACKGROUND : Trimap.UNKNOWN);
        }
        return new Trimap(w, h, labels);
    }

    /** Every pixel of the window x−5 … x+4 (both axes) set; outside the frame counts as {@code border}. */
    static boolean[] erode(boolean[] set, int w, int h, boolean border) {
        int stride = w + 1;
        long[] table = new long[stride * (h + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0;
            for (int x = 0; x < w; x++) {
                row += set[y * w + x] ? 1 : 0;
                table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + row;
            }
        }
        int before = ERODE_SIZE / 2;
        int after = ERODE_SIZE - 1 - before;
        boolean[] out = new boolean[set.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int x0 = x - before;
                int y0 = y - before;
                int x1 = x + after;
                int y1 = y + after;
                boolean clipped = x0 < 0 || y0 < 0 || x1 >= w || y1 >= h;
                if (clipped && !border) {
                    continue;
                }
                x0 = Math.max(0, x0);
                y0 = Math.max(0, y0);
                x1 = Math.min(w - 1, x1);
                y1 = Math.min(h - 1, y1);
                long count = table[(y1 + 1) * stride + x1 + 1] - table[y0 * stride + x1 + 1]
                        - table[(y1 + 1) * stride + x0] + table[y0 * stride + x0];
                out[y * w + x] = count == (long) (x1 - x0 + 1) * (y1 - y0 + 1);
            }
        }
        return out;
    }
}
