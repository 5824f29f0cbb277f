package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.RgbImage;

/**
 * Feature vectors [r, g, b, s·x/width, s·y/height] of the paper: colour in [0, 1] and image
 * coordinates normalised by the image size, scaled by s to weigh position against colour.
 */
final class Features {

    static final int DIM = 5;

    private Features() {}

    /** Features of the listed pixels, concatenated in list order. */
    static float[] of(RgbImage image, double spatialScale, int[]... pixelLists) {
        int total = 0;
        for (int[] list : pixelLists) {
            total += list.length;
        }
        float[] out = new float[total * DIM];
        float[] rgb = image.rgb();
        double sx = spatialScale / image.width();
        double sy = spatialScale / image.height();
        int w = image.width();
        int k = 0;
        for (int[] list : pixelLists) {
            for (int p : list) {
                out[k] = rgb[3 * p];
                out[k + 1] = rgb[3 * p + 1];
                out[k + 2] = rgb[3 * p + 2];
                out[k + 3] = (float) (sx * (p % w));
                out[k + 4] = (float) (sy * (p / w));
                k += DIM;
            }
        }
        return out;
    }
}
