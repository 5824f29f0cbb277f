package dev.autohair.pipeline.matting.flow;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Splits [0, size) into a few contiguous chunks and runs them on the common fork-join pool. */
final class Chunks {

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Below this many items per chunk, threads cost more than they save. */
    private static final int MIN_CHUNK = 512;

    private Chunks() {}

    /** Chunk bounds for {@code size} items: bounds[c]..bounds[c+1]. */
    static int[] split(int size) {
        int chunks = Math.max(1, Math.min(4 * THREADS, size / MIN_CHUNK));
        int[] bounds = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            bounds[c] = (int) ((long) size * c / chunks);
        }
        return bounds;
    }

    /** Runs {@code task} once per chunk index of {@code bounds}. */
    static void forEach(int[] bounds, IntConsumer task) {
        int chunks = bounds.length - 1;
        if (chunks == 1) {
            task.accept(0);
        } else {
            IntStream.range(0, chunks).parallel().forEach(task);
        }
    }

    /** Runs {@code body} over [from, to) of each chunk of [0, size). */
    static void range(int size, RangeTask body) {
        int[] bounds = split(size);
        forEach(bounds, c -> body.run(bounds[c], bounds[c + 1]));
    }

    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }
}
