package dev.autohair.pipeline.parallel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs one task per block, the blocks being chosen (by the caller) so they never write the same
 * data: the matting solvers' row blocks and foreground estimation's half-sweeps.
 *
 * <p>A conjugate-gradient iteration on a small photo's band is two parallel steps of 0.1-0.2 ms
 * each, and handing a step to the common fork-join pool cost 30-70 µs of it (waking a parked
 * worker): on 2 cores two threads were only 1.3x one. So steps go to a {@link Team} of threads
 * that spin briefly between steps, and park when none comes. One caller at a time has the team;
 * a concurrent caller (another job's solve) uses the common pool as before.
 */
public final class RowBlocks {

    public static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final Team TEAM = THREADS > 1 ? new Team(THREADS - 1) : null;

    private RowBlocks() {}

    public static void forEach(int blocks, IntConsumer task) {
        if (blocks == 1) {
            task.accept(0);
        } else if (TEAM == null || !TEAM.run(blocks, task)) {
            IntStream.range(0, blocks).parallel().forEach(task);
        }
    }

    /** Splits [0, size) into {@code blocks} near-equal contiguous ranges: bounds[b]..bounds[b+1]. */
    public static int[] split(int size, int blocks) {
        int[] bounds = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) {
            bounds[b] = (int) ((long) size * b / blocks);
        }
        return bounds;
    }

    /**
     * The caller plus daemon helpers. Each step is its own object with its own block counter, so
     * a helper that comes late to a step finds its blocks taken and can never run one of the
     * next step's blocks with the old task.
     */
    static final class Team {
        /** How long a helper spins for the next step before parking: longer than a step, shorter than a wake-up is worth. */
        private static final long SPIN_NANOS = 200_000;

        private final AtomicBoolean taken = new AtomicBoolean();
        private final Thread[] helpers;
        private volatile Step current;

        Team(int size) {
            helpers = new Thread[size];
            for (int h = 0; h < size; h++) {
                helpers[h] = new Thread(this::help, "autohair-row-blocks-" + h);
                helpers[h].setDaemon(true);
                helpers[h].start();
            }
        }

        /** Runs every block, the caller taking part; false, doing nothing, when another caller has the team. */
        boolean run(int count, IntConsumer work) {
            if (!taken.compareAndSet(false, true)) {
                return false;
            }
            try {
                Step step = new Step(work, count);
                current = step;
                for (Thread helper : helpers) {
                    LockSupport.unpark(helper); // cheap when it is spinning, and no lost wake-up when parking
                }
                step.work();
                while (step.done.get() < count) {
                    Thread.onSpinWait();
                }
                step.rethrow();
                return true;
            } finally {
                current = null;
                taken.set(false);
            }
        }

        private void help() {
            Step last = null;
            while (true) {
                long spinStart = System.nanoTime();
                Step step;
                while ((step = current) == null || step == last) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                        spinStart = System.nanoTime();
                    }
                }
                last = step;
                step.work();
            }
        }
    }

    /** One parallel step: its task, and the blocks claimed and finished so far. */
    private static final class Step {
        final IntConsumer task;
        final int blocks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Step(IntConsumer task, int blocks) {
            this.task = task;
            this.blocks = blocks;
        }

        void work() {
            for (int block = next.getAndIncrement(); block < blocks; block = next.getAndIncrement()) {
                try {
                    task.accept(block);
                } catch (Throwable t) {
                    failure = t;
                }
                done.incrementAndGet();
            }
        }

        void rethrow() {
            Throwable thrown = failure;
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
            if (thrown != null) { // a checked exception thrown sneakily
                throw new IllegalStateException(thrown);
            }
        }
    }
}
