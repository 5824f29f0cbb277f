package dev.autohair.quality;

import java.util.Arrays;

/** A solid region in continuous pixel coordinates (pixel (x, y) spans [x, x+1) × [y, y+1)). */
@FunctionalInterface
interface Shape {

    boolean contains(double x, double y);

    default Shape union(Shape other) {
        return (x, y) -> contains(x, y) || other.contains(x, y);
    }

    static Shape ellipse(double cx, double cy, double rx, double ry) {
        return (x, y) -> {
            double dx = (x - cx) / rx;
            double dy = (y - cy) / ry;
            return dx * dx + dy * dy <= 1;
        };
    }

    static Shape roundedRectangle(double cx, double cy, double halfWidth, double halfHeight, double cornerRadius) {
        double innerX = halfWidth - cornerRadius;
        double innerY = halfHeight - cornerRadius;
        return (x, y) -> {
            double qx = Math.max(Math.abs(x - cx) - innerX, 0);
            double qy = Math.max(Math.abs(y - cy) - innerY, 0);
            return Math.abs(x - cx) <= halfWidth && Math.abs(y - cy) <= halfHeight
                    && qx * qx + qy * qy <= cornerRadius * cornerRadius;
        };
    }

    /** Supersampled coverage over the whole canvas. */
    default Coverage rasterize(int width, int height) {
        int[] pixels = new int[width * height];
        float[] amounts = new float[width * height];
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int hits = 0;
                for (int sy = 0; sy < Supersampling.GRID; sy++) {
                    for (int sx = 0; sx < Supersampling.GRID; sx++) {
                        if (contains(x + Supersampling.offset(sx), y + Supersampling.offset(sy))) {
                            hits++;
                        }
                    }
                }
                if (hits > 0) {
                    pixels[n] = y * width + x;
                    amounts[n] = hits / (float) Supersampling.SAMPLES;
                    n++;
                }
            }
        }
        return new Coverage(Arrays.copyOf(pixels, n), Arrays.copyOf(amounts, n));
    }
}
