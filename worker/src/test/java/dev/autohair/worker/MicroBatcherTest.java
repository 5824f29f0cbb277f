package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

    @Test
    void closesABatchAtMaxSize() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch twoBatches = new CountDownLatch(2);
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 3, Duration.ofSeconds(30), b -> {
            batches.add(List.copyOf(b));
            twoBatches.countDown();
        })) {
            for (int i = 0; i < 6; i++) {
                batcher.submit(i);
            }
            assertThat(twoBatches.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(batches).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5));
    }

    @Test
    void closesAPartialBatchAfterMaxDelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        try (MicroBatcher<String> batcher = new MicroBatcher<>("test", 8, Duration.ofMillis(50), b -> {
            batches.add(List.copyOf(b));
            ran.countDown();
        })) {
            batcher.submit("only");
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("a lone item must not wait for a full batch").isTrue();
        }
        assertThat(batches).containsExactly(List.of("only"));
    }

    @Test
    void keepsRunningAfterAFailingBatchAndDrainsOnClose() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 1, Duration.ZERO, b -> {
            if (b.get(0) == 0) {
                throw new IllegalStateException("boom");
            }
            seen.addAll(b);
        });
        batcher.submit(0);
        batcher.submit(1);
        batcher.submit(2);
        batcher.close();

        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void closesABatchBeforeItWouldExceedThePixelBudget() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch four = new CountDownLatch(4);
        // Items weigh what they say (think megapixels); at most 64 per batch, at most 8 items.
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 8, Duration.ofMillis(300), item -> item, 64,
                b -> {
                    batches.add(List.copyOf(b));
                    four.countDown();
                })) {
            for (int item : new int[] {30, 30, 30, 100, 50, 10}) {
                batcher.submit(item);
            }
            assertThat(four.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // 30+30+30 > 64 closes the first; 100 is over the budget on its own and runs alone.
        assertThat(batches).containsExactly(List.of(30, 30), List.of(30), List.of(100), List.of(50, 10));
    }
}
