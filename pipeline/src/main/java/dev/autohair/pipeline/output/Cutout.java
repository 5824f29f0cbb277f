package dev.autohair.pipeline.output;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;

/**
 * The pipeline's product: the subject's estimated foreground colours and its alpha matte, at the
 * same size. Composition (flattening, cropping) derives new cutouts; encoding happens elsewhere.
 */
public record Cutout(RgbImage foreground, Matte alpha) {

    /** Alpha at or below this is treated as empty when finding the subject (half an 8-bit step). */
    private static final float VISIBLE = 0.5f / 255f;

    public Cutout {
        if (!alpha.sameSizeAs(foreground)) {
            throw new IllegalArgumentException("alpha " + alpha.width() + "x" + alpha.height()
                    + " does not match foreground " + foreground.width() + "x" + foreground.height());
        }
    }

    public int width() {
        return alpha.width();
    }

    public int height() {
        return alpha.height();
    }

    /** The opaque image F·α + colour·(1−α). */
    public RgbImage flattenOnto(BackgroundColour colour) {
        float[] f = foreground.rgb();
        float[] a = alpha.alpha();
        float[] out = new float[f.length];
        float[] bg = {colour.red(), colour.green(), colour.blue()};
        for (int p = 0; p < a.length; p++) {
            for (int c = 0; c < 3; c++) {
                out[3 * p + c] = f[3 * p + c] * a[p] + bg[c] * (1f - a[p]);
            }
        }
        return new RgbImage(width(), height(), out);
    }

    /**
     * The smallest rectangle holding every visible pixel, grown by {@code margin} pixels on each
     * side and kept inside the image; the whole image when nothing is visible.
     */
    public Region subjectBounds(int margin) {
        if (margin < 0) {
            throw new IllegalArgumentException("crop margin must be zero or positive, got " + margin);
        }
        int minX = width();
        int minY = height();
        int maxX = -1;
        int maxY = -1;
        float[] a = alpha.alpha();
        for (int y = 0; y < height(); y++) {
            int row = y * width();
            for (int x = 0; x < width(); x++) {
                if (a[row + x] > VISIBLE) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return new Region(0, 0, width(), height());
        }
        int x0 = Math.max(0, minX - margin);
        int y0 = Math.max(0, minY - margin);
        int x1 = Math.min(width() - 1, maxX + margin);
        int y1 = Math.min(height() - 1, maxY + margin);
        return new Region(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    public Cutout crop(Region region) {
        RgbImage f = RgbImage.blank(region.width(), region.height());
        for (int y = 0; y < region.height(); y++) {
            int src = (region.y() + y) * width() + region.x();
            System.arraycopy(foreground.rgb(), 3 * src, f.rgb(), 3 * y * region.width(), 3 * region.width());
        }
        return new Cutout(f, crop(alpha, region));
    }

    /** The part of any map of this cutout's size (its trimap, its mask) inside {@code region}. */
    public static Matte crop(Matte map, Region region) {
        if (region.x() + region.width() > map.width() || region.y() + region.height() > map.height()) {
            throw new IllegalArgumentException("region " + region + " is outside the " + map.width() + "x" + map.height() + " map");
        }
        Matte m = Matte.blank(region.width(), region.height());
        for (int y = 0; y < region.height(); y++) {
            System.arraycopy(map.alpha(), (region.y() + y) * map.width() + region.x(), m.alpha(), y * region.width(), region.width());
        }
        return m;
    }
}
