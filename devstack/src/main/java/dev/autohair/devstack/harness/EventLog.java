package dev.autohair.devstack.harness;

import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import dev.autohair.devstack.DevStack;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads the worker's output topics from the beginning, as an upload system would, into lists.
 * A record is its (topic, partition, offset): one read again (the follower's group rejoining after a
 * broker restart resumes from its last auto-committed offset) is counted in {@link #rereads}, not
 * listed twice, so that a duplicate in the lists is a duplicate in the topic.
 */
public final class EventLog implements AutoCloseable {

    public final List<JobResult> results = new CopyOnWriteArrayList<>();
    public final List<StatusEvent> statuses = new CopyOnWriteArrayList<>();
    public final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    public final AtomicLong rereads = new AtomicLong();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private final Topics topics;
    private final MessageCodec codec = new MessageCodec();
    private final Thread thread;
    private volatile boolean running = true;

    /** Reads the stack's result, status and dead-letter topics from the beginning, committed records only. */
    public EventLog(DevStack stack, Topics topics) {
        this(stack.follow(topics.results(), topics.status(), topics.deadLetters()), topics);
    }

    /**
     * Reads them read_uncommitted as well: records of aborted transactions too, as a reader that
     * ignores transactions would see them (to count the duplicates exactly-once hides).
     */
    public static EventLog raw(DevStack stack, Topics topics) {
        return new EventLog(stack.followUncommitted(topics.results(), topics.status(), topics.deadLetters()), topics);
    }

    private EventLog(KafkaConsumer<String, byte[]> consumer, Topics topics) {
        this.topics = topics;
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        if (!seen.add(r.topic() + "-" + r.partition() + "@" + r.offset())) {
                            rereads.incrementAndGet();
                        } else if (r.topic().equals(topics.results())) {
                            results.add(codec.decodeResult(r.value()));
                        } else if (r.topic().equals(topics.status())) {
                            statuses.add(codec.decodeStatus(r.value()));
                        } else {
                            deadLetters.add(r);
                        }
                    }
                }
            }
        }, "event-log");
        thread.start();
    }

    public List<JobResult> resultsFor(String jobId) {
        return results.stream().filter(r -> r.jobId().equals(jobId)).toList();
    }

    /** Results and status events travel on different topics: a test waits for both to end. */
    public boolean ended(String jobId) {
        return !resultsFor(jobId).isEmpty() && statusesFor(jobId).stream().anyMatch(s -> s.state().terminal());
    }

    public boolean allEnded(java.util.Collection<String> jobIds) {
        return jobIds.stream().allMatch(this::ended);
    }

    public List<StatusEvent> statusesFor(String jobId) {
        return statuses.stream().filter(s -> s.jobId().equals(jobId)).toList();
    }

    /** Waits until {@code condition} holds; fails the test with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
