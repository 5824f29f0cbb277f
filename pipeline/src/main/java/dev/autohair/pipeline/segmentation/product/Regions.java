package dev.autohair.pipeline.segmentation.product;

import java.util.ArrayDeque;

/** Connected-component clean-up of a binary mask (4-connected). */
final class Regions {

    private Regions() {
    }

    /**
     * Keeps the regions of at least {@code minShare} of the largest region's area (a product of
     * several parts keeps its parts; specks of noise go).
     */
    static boolean[] keepLarge(boolean[] mask, int width, int height, double minShare) {
        int[] label = new int[mask.length];
        int[] sizes = new int[mask.length + 1];
        int next = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            label[start] = next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                sizes[next]++;
                int x = p % width;
                int y = p / width;
                if (x > 0) visit(mask, label, queue, p - 1, next);
                if (x < width - 1) visit(mask, label, queue, p + 1, next);
                if (y > 0) visit(mask, label, queue, p - width, next);
                if (y < height - 1) visit(mask, label, queue, p + width, next);
            }
        }
        int largest = 0;
        for (int l = 1; l <= next; l++) {
            largest = Math.max(largest, sizes[l]);
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = label[i] != 0 && sizes[label[i]] >= minShare * largest;
        }
        return out;
    }

    private static void visit(boolean[] mask, int[] label, ArrayDeque<Integer> queue, int p, int id) {
        if (mask[p] && label[p] == 0) {
            label[p] = id;
            queue.add(p);
        }
    }
}
