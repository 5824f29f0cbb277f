package dev.autohair.pipeline.matting;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs one task per block on the common fork-join pool; the blocks are chosen so they never write the same data. */
final class RowBlocks {

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private RowBlocks() {}

    static void forEach(int blocks, IntConsumer task) {
        if (blocks == 1) {
            task.accept(0);
        } else {
            IntStream.range(0, blocks).parallel().forEach(task);
        }
    }

    /** Splits [0, size) into {@code blocks} near-equal contiguous ranges: bounds[b]..bounds[b+1]. */
    static int[] split(int size, int blocks) {
        int[] bounds = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) {
            bounds[b] = (int) ((long) size * b / blocks);
        }
        return bounds;
    }
}
