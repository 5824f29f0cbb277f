package dev.autohair.bench;

import dev.autohair.common.image.Trimap;

/** Nearest-neighbour scaling of trimaps, so labels stay labels (images go through Resampler). */
final class NearestNeighbour {

    private NearestNeighbour() {}

    static Trimap resize(Trimap trimap, int width, int height) {
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int sy = Math.min(trimap.height() - 1, (int) ((long) y * trimap.height() / height));
            for (int x = 0; x < width; x++) {
                int sx = Math.min(trimap.width() - 1, (int) ((long) x * trimap.width() / width));
                out[y * width + x] = trimap.labels()[sy * trimap.width() + sx];
            }
        }
        return new Trimap(width, height, out);
    }
}
