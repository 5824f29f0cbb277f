package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.Trimap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the tiles go: a grid of {@code size} x {@code size} windows, {@code stride} apart, over the
 * bounding box of the trimap's unknown pixels, keeping only windows that hold an unknown pixel.
 * Every unknown pixel lies in at least one tile. A side shorter than a tile gets one tile that
 * hangs over the border (its pixels beyond the image repeat the edge).
 */
final class TilePlan {

    /** A tile's top-left corner in image coordinates. */
    record Tile(int x, int y) {
    }

    private TilePlan() {
    }

    static List<Tile> cover(Trimap trimap, int size, int stride) {
        int w = trimap.width();
        int h = trimap.height();
        int minX = w, minY = h, maxX = -1, maxY = -1;
        // counts[y+1][x+1]: unknown pixels above and left of (x, y), to test each window in O(1)
        int[] counts = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int row = 0;
            for (int x = 0; x < w; x++) {
                if (trimap.isUnknown(y * w + x)) {
                    row++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
                counts[(y + 1) * (w + 1) + x + 1] = counts[y * (w + 1) + x + 1] + row;
            }
        }
        List<Tile> tiles = new ArrayList<>();
        if (maxX < 0) {
            return tiles;
        }
        for (int y : origins(minY, maxY, h, size, stride)) {
            for (int x : origins(minX, maxX, w, size, stride)) {
                int x1 = Math.min(w, x + size);
                int y1 = Math.min(h, y + size);
                int unknown = counts[y1 * (w + 1) + x1] - counts[y * (w + 1) + x1] - counts[y1 * (w + 1) + x]
                        + counts[y * (w + 1) + x];
                if (unknown > 0) {
                    tiles.add(new Tile(x, y));
                }
            }
        }
        return tiles;
    }

    /** Window starts along one axis covering [first, last] of a side of {@code length} pixels. */
    static TreeSet<Integer> origins(int first, int last, int length, int size, int stride) {
        TreeSet<Integer> starts = new TreeSet<>();
        if (length <= size) {
            starts.add(0);
            return starts;
        }
        int end = last + 1;
        for (int p = first; p + size < end; p += stride) {
            starts.add(Math.min(p, length - size));
        }
        starts.add(Math.max(0, Math.min(end - size, length - size)));
        return starts;
    }
}
