package dev.autohair.pipeline.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class RowBlocksTest {

    /** Runs {@code steps} steps of {@code blocks} blocks; each block adds its step's number, so a block run twice, skipped or run with another step's task shows. */
    private static void runSteps(int steps, int blocks, AtomicIntegerArray sums) {
        for (int step = 1; step <= steps; step++) {
            int value = step;
            RowBlocks.forEach(blocks, b -> sums.addAndGet(b, value));
        }
    }

    private static long expected(int steps) {
        return (long) steps * (steps + 1) / 2;
    }

    @Test
    void everyBlockOfEveryStepRunsExactlyOnce() {
        AtomicIntegerArray sums = new AtomicIntegerArray(7);
        runSteps(20_000, 7, sums);
        for (int b = 0; b < 7; b++) {
            assertThat((long) sums.get(b)).as("block %d", b).isEqualTo(expected(20_000));
        }
    }

    @Test
    void stepsOfChangingSizeNeverRunABlockTwiceOrWithAnotherStepsTask() {
        AtomicIntegerArray sums = new AtomicIntegerArray(8);
        long[] expected = new long[8];
        for (int step = 1; step <= 50_000; step++) {
            int value = step;
            int blocks = 2 + step % 7;
            RowBlocks.forEach(blocks, b -> sums.addAndGet(b, value));
            for (int b = 0; b < blocks; b++) {
                expected[b] += step;
            }
        }
        for (int b = 0; b < 8; b++) {
            assertThat(sums.get(b)).as("block %d", b).isEqualTo((int) expected[b]);
        }
    }

    @Test
    void aFailingBlockReachesTheCallerAndLaterStepsStillRun() {
        assertThatThrownBy(() -> RowBlocks.forEach(4, b -> {
            if (b == 2) {
                throw new IllegalStateException("block 2 failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("block 2 failed");

        AtomicIntegerArray sums = new AtomicIntegerArray(4);
        runSteps(100, 4, sums);
        assertThat((long) sums.get(3)).isEqualTo(expected(100));
    }

    @Test
    void concurrentCallersEachGetAllTheirBlocks() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<AtomicIntegerArray> sums = new ArrayList<>();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                AtomicIntegerArray own = new AtomicIntegerArray(5);
                sums.add(own);
                done.add(callers.submit(() -> runSteps(3_000, 5, own)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            for (AtomicIntegerArray own : sums) {
                for (int b = 0; b < 5; b++) {
                    assertThat((long) own.get(b)).isEqualTo(expected(3_000));
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void splitCoversTheRangeInNearEqualContiguousParts() {
        assertThat(RowBlocks.split(10, 3)).containsExactly(0, 3, 6, 10);
        assertThat(RowBlocks.split(0, 2)).containsExactly(0, 0, 0);
    }
}
