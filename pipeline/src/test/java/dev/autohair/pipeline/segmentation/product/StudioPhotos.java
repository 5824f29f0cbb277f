package dev.autohair.pipeline.segmentation.product;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.util.Random;

/**
 * Synthetic e-commerce photos with a known subject: a surface with a lighting gradient and a soft
 * contact shadow, a shaded product on it, a little sensor noise.
 */
public final class StudioPhotos {

    /** A photo and its subject (1 inside the product, 0 elsewhere). */
    public record Photo(RgbImage image, Matte truth) {
    }

    private StudioPhotos() {
    }

    /**
     * A bottle-like shape (rounded body and neck) centred at (cx, cy) with half-width rx and
     * half-height ry (fractions of the frame), on a surface from {@code top} to {@code bottom}
     * colour, with a shadow to its lower right.
     */
    public static Photo bottle(int width, int height, double cx, double cy, double rx, double ry, float[] product,
            float[] top, float[] bottom, long seed) {
        RgbImage image = RgbImage.blank(width, height);
        Matte truth = Matte.blank(width, height);
        Random noise = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) / width;
                double v = (y + 0.5) / height;
                // surface: vertical sweep plus a gentle vignette
                double vignette = 1 - 0.12 * ((u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5));
                // soft contact shadow: an ellipse offset down-right, darkening by up to 30 %
                double sx = (u - cx - 0.4 * rx) / (rx * 1.3);
                double sy = (v - cy - 0.85 * ry) / (ry * 0.35);
                double shadow = 1 - 0.3 * Math.exp(-(sx * sx + sy * sy) * 1.5);
                boolean inside = inBottle((u - cx) / rx, (v - cy) / ry);
                for (int c = 0; c < 3; c++) {
                    double value;
                    if (inside) {
                        // shaded like a cylinder lit from the left
                        double t = (u - cx) / rx;
                        value = product[c] * (0.75 + 0.25 * Math.cos(1.2 * (t + 0.3)));
                    } else {
                        value = (top[c] * (1 - v) + bottom[c] * v) * vignette * shadow;
                    }
                    value += noise.nextGaussian() * 0.006;
                    image.set(x, y, c, (float) Math.max(0, Math.min(1, value)));
                }
                truth.set(x, y, inside ? 1 : 0);
            }
        }
        return new Photo(image, truth);
    }

    /** Body: superellipse for |t| <= 1 below the shoulder; neck: a narrow band above it. */
    private static boolean inBottle(double t, double s) {
        if (s > -0.45) {
            return Math.pow(Math.abs(t), 4) + Math.pow(Math.abs((s - 0.275) / 0.725), 4) <= 1;
        }
        return Math.abs(t) <= 0.3 && s >= -1;
    }

    /** Colourful texture everywhere: random-coloured blocks of random size, no plain surface. */
    public static RgbImage busy(int width, int height, long seed) {
        RgbImage image = RgbImage.blank(width, height);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    image.set(x, y, c, random.nextFloat());
                }
            }
        }
        for (int k = 0; k < 400; k++) {
            int bw = 4 + random.nextInt(30);
            int bh = 4 + random.nextInt(30);
            int bx = random.nextInt(width);
            int by = random.nextInt(height);
            float[] colour = {random.nextFloat(), random.nextFloat(), random.nextFloat()};
            for (int y = by; y < Math.min(height, by + bh); y++) {
                for (int x = bx; x < Math.min(width, bx + bw); x++) {
                    for (int c = 0; c < 3; c++) {
                        image.set(x, y, c, colour[c]);
                    }
                }
            }
        }
        return image;
    }

    public static double iou(Matte mask, Matte truth) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < truth.pixelCount(); i++) {
            boolean a = mask.alpha()[i] >= 0.5f;
            boolean b = truth.alpha()[i] >= 0.5f;
            both += a && b ? 1 : 0;
            either += a || b ? 1 : 0;
        }
        return either == 0 ? 1 : (double) both / either;
    }
}
