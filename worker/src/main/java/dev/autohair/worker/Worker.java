package dev.autohair.worker;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.InvalidJobException;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutRequest;
import dev.autohair.pipeline.CutoutResult;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.storage.FetchedObject;
import dev.autohair.storage.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: consumes image jobs and runs them through
 * fetch/decode pool → micro-batched segmentation → CPU pool (trimap, matting, colours) → store
 * pool → result and status events, committing each partition's offsets only up to its lowest
 * unfinished job. The poll thread never runs pipeline work, so long batches cannot push the
 * consumer out of its group.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a revoked partition's running jobs may finish before their offsets are given up. */
    private static final Duration REVOKE_GRACE = Duration.ofSeconds(10);

    private final WorkerConfig config;
    private final CutoutPipeline pipeline;
    private final ObjectStore store;
    private final Consumer<String, byte[]> consumer;
    private final Events events;
    private final MessageCodec codec;
    private final ImageDecoder decoder;
    private final JobOutputs outputs;
    private final List<ModelInfo> models;
    private final WorkerMetrics metrics;
    private final OffsetTracker tracker = new OffsetTracker();

    private final ExecutorService fetchPool;
    private final ExecutorService cpuPool;
    private final ExecutorService storePool;
    private final ScheduledExecutorService retries;
    private final MicroBatcher<InFlightJob> batcher;

    private volatile boolean stopping;
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private boolean paused;
    private final AtomicInteger assigned = new AtomicInteger();
    /** When the last poll returned (System.nanoTime), 0 before the first: what health checks read. */
    private volatile long lastPoll;
    /** In the group: an assignment (possibly empty) arrived and was not lost since. */
    private volatile boolean joined;

    public Worker(WorkerConfig config, CutoutPipeline pipeline, ObjectStore store, Consumer<String, byte[]> consumer,
            Producer<String, byte[]> producer, MessageCodec codec) {
        this(config, pipeline, store, consumer, producer, codec, WorkerMetrics.NONE);
    }

    public Worker(WorkerConfig config, CutoutPipeline pipeline, ObjectStore store, Consumer<String, byte[]> consumer,
            Producer<String, byte[]> producer, MessageCodec codec, WorkerMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.pipeline = pipeline;
        this.store = store;
        this.consumer = consumer;
        this.codec = codec;
        this.events = new Events(producer, config.kafka().topics(), codec, config.workerId());
        this.decoder = new ImageDecoder(config.imageLimits());
        this.outputs = new JobOutputs(store);
        this.models = List.of(
                new ModelInfo(ModelRole.SEGMENTATION, pipeline.segmentationModel(), pipeline.segmentationModelVersion()),
                new ModelInfo(ModelRole.MATTING, pipeline.mattingMethod(), pipeline.mattingVersion()));
        this.fetchPool = Executors.newFixedThreadPool(config.flow().fetchThreads(), named("fetch"));
        this.cpuPool = Executors.newFixedThreadPool(config.flow().cpuThreads(), named("cpu"));
        this.storePool = Executors.newFixedThreadPool(config.flow().fetchThreads(), named("store"));
        this.retries = Executors.newSingleThreadScheduledExecutor(named("retry"));
        this.batcher = new MicroBatcher<>("model", config.batching().maxSize(), config.batching().maxDelay(),
                job -> (long) job.image().width() * job.image().height(), config.batching().maxPixels(), this::segment);
    }

    /** Polls until {@link #stop()} (or a fatal error), then drains within the configured deadline. */
    public void run() {
        consumer.subscribe(List.of(config.kafka().topics().jobs()), new Rebalance());
        LOG.info("worker {} consuming {} (batch {} / {} ms, in flight {})", config.workerId(),
                config.kafka().topics().jobs(), config.batching().maxSize(), config.batching().maxDelay().toMillis(),
                config.flow().maxInFlight());
        try {
            while (!stopping && fatal.get() == null) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                lastPoll = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    InFlightJob job = new InFlightJob(record, tracker.started(partition, record.offset()));
                    fetchPool.execute(() -> start(job));
                }
                applyBackPressure();
                commitFinished(false);
            }
            drain();
        } catch (WakeupException e) {
            drain();
        } finally {
            if (fatal.get() != null) {
                LOG.error("worker stopped on a fatal error; unfinished jobs will be redelivered", fatal.get());
            }
        }
    }

    /** Asks the poll loop to stop taking jobs and drain; safe from any thread (a shutdown hook). */
    public void stop() {
        stopping = true;
    }

    public int inFlight() {
        return tracker.inFlight();
    }

    /**
     * Whether the worker takes jobs: it is not stopping and has joined the consumer group. A poll
     * that returns is not enough (it returns empty while the broker is unreachable); an empty
     * assignment is (a group with more workers than partitions leaves some idle but healthy).
     */
    public boolean consuming() {
        return !stopping && fatal.get() == null && joined;
    }

    /** How long ago the poll loop last came back from the broker; empty before its first poll. */
    public Optional<Duration> sinceLastPoll() {
        long last = lastPoll;
        return last == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - last));
    }

    /** How many partitions this worker holds now (readable from any thread). */
    public int assignedPartitions() {
        return assigned.get();
    }

    @Override
    public void close() {
        stop();
        batcher.close();
        for (ExecutorService pool : List.of(fetchPool, cpuPool, storePool, retries)) {
            pool.shutdownNow();
        }
        consumer.close(Duration.ofSeconds(5));
    }

    // ---- stages ----

    /** Fetch pool: read the record, fetch and decode the image, queue it for the model. */
    private void start(InFlightJob job) {
        try {
            if (job.job() == null) {
                job.parsed(codec.decodeJob(job.record().value()));
            }
            events.status(job, JobState.RECEIVED, null, 0.0, null);
            ImageJob request = job.job();
            long t = System.nanoTime();
            FetchedObject object = store.fetch(request.input().bucket(), request.input().key(),
                    config.imageLimits().maxBytes());
            job.time(JobStage.FETCH, System.nanoTime() - t);
            job.stage(JobStage.DECODE);
            t = System.nanoTime();
            job.image(decoder.decode(object.bytes()));
            job.time(JobStage.DECODE, System.nanoTime() - t);
            job.stage(JobStage.SEGMENT);
            events.status(job, JobState.FETCHED, JobStage.DECODE, 0.25, null);
            batcher.submit(job);
        } catch (InvalidJobException | RuntimeException e) {
            fail(job, e);
        }
    }

    /** Model thread: one forward pass for the whole micro-batch, then each job to the CPU pool. */
    private void segment(List<InFlightJob> jobs) {
        List<CutoutRequest> requests = new ArrayList<>(jobs.size());
        for (InFlightJob job : jobs) {
            requests.add(new CutoutRequest(job.image(),
                    new Guide.Segment(JobTrimaps.forSpec(job.job().options().trimap()),
                            job.job().options().subjectClasses())));
        }
        List<CutoutPipeline.Segmented> segmented;
        try {
            long t = System.nanoTime();
            segmented = pipeline.segment(requests);
            metrics.batch(jobs.size(), System.nanoTime() - t);
            if (pipeline.mattesInBatches()) { // a matting network: one device call for the whole batch too
                segmented = pipeline.matteBatch(segmented);
            }
        } catch (RuntimeException e) {
            jobs.forEach(job -> fail(job, e));
            return;
        }
        for (int i = 0; i < jobs.size(); i++) {
            InFlightJob job = jobs.get(i);
            CutoutPipeline.Segmented result = segmented.get(i);
            job.stage(JobStage.TRIMAP);
            events.status(job, JobState.SEGMENTED, JobStage.SEGMENT, 0.5, null);
            cpuPool.execute(() -> finish(job, result));
        }
    }

    /** CPU pool: trimap, matting, colours; then the store pool. */
    private void finish(InFlightJob job, CutoutPipeline.Segmented segmented) {
        try {
            CutoutResult result = pipeline.finish(segmented);
            result.timings().asNanos().forEach(job::time);
            job.image(null); // the pixels are no longer needed; free them before storing
            job.stage(JobStage.ENCODE);
            events.status(job, JobState.MATTED, JobStage.MATTE, 0.75, null);
            storePool.execute(() -> storeAndPublish(job, result));
        } catch (RuntimeException e) {
            fail(job, e);
        }
    }

    /** Store pool: encode and store the outputs, publish the result; the offset is done once both are acked. */
    private void storeAndPublish(InFlightJob job, CutoutResult result) {
        try {
            Map<String, String> metadata = new HashMap<>();
            metadata.put("job-id", job.jobId());
            metadata.put("segmentation-model", pipeline.segmentationModel() + "@" + pipeline.segmentationModelVersion());
            metadata.put("matting", pipeline.mattingMethod());
            var refs = outputs.store(job, result, metadata);
            job.stage(JobStage.STORE);
            events.status(job, JobState.STORED, JobStage.STORE, 0.9, null);
            JobResult done = JobResult.succeeded(job.job(), refs, job.timingsMs(), models, job.attempt(),
                    config.workerId(), Instant.now());
            settle(job, events.result(done), events.status(job, JobState.SUCCEEDED, JobStage.STORE, 1.0, null));
            metrics.jobEnded(JobState.SUCCEEDED, null, job.timingsMs());
            LOG.info("{} succeeded: {}", job, job.timingsMs());
        } catch (RuntimeException e) {
            fail(job, e);
        }
    }

    /**
     * Transient failures retry after a back-off; permanent ones (and retries used up) end the job:
     * a FAILED result, the record on the dead-letter topic, a terminal status.
     */
    private void fail(InFlightJob job, Throwable failure) {
        try {
            handleFailure(job, failure);
        } catch (RuntimeException e) {
            // Reporting itself failed (a bug): stop rather than leave the job neither done nor redelivered.
            if (fatal.compareAndSet(null, e)) {
                LOG.error("could not report the failure of {}; stopping so it is redelivered", job, e);
            }
        }
    }

    private void handleFailure(InFlightJob job, Throwable failure) {
        JobError error = Failures.classify(failure);
        if (failure instanceof InvalidJobException invalid) {
            invalid.jobId().ifPresent(job::named);
        }
        if (error.code().retryable() && job.attempt() < config.retries().maxAttempts()) {
            LOG.warn("{} failed at {} ({}: {}); retrying", job, job.stage(), error.code(), error.message());
            events.status(job, JobState.RETRYING, job.stage(), 0.0, error);
            Duration delay = config.retries().delayBefore(job.attempt() + 1);
            metrics.jobRetried(error.code());
            job.nextAttempt();
            retries.schedule(() -> fetchPool.execute(() -> start(job)), delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        LOG.warn("{} failed for good at {} ({}: {})", job, job.stage(), error.code(), error.message());
        JobState terminal = error.code().retryable() ? JobState.DEAD_LETTERED : JobState.FAILED;
        Map<String, String> metadata = job.job() == null ? Map.of() : job.job().metadata();
        JobResult result = JobResult.failed(job.jobId(), error, job.timingsMs(), models, job.attempt(),
                config.workerId(), metadata, Instant.now());
        settle(job, events.result(result), events.deadLetter(job, error),
                events.status(job, terminal, job.stage(), 1.0, error));
        metrics.jobEnded(terminal, error.code(), job.timingsMs());
    }

    /** When every event is acknowledged, the job's offset may be committed; if not, it must be redelivered. */
    private void settle(InFlightJob job, CompletableFuture<?>... acks) {
        CompletableFuture.allOf(acks).whenComplete((ok, error) -> {
            if (error == null) {
                tracker.finished(job.ticket());
            } else if (fatal.compareAndSet(null, error)) {
                LOG.error("could not publish the events of {}; stopping so it is redelivered", job, error);
            }
        });
    }

    // ---- flow control and offsets (poll thread only) ----

    private void applyBackPressure() {
        int inFlight = tracker.inFlight();
        if (!paused && inFlight >= config.flow().maxInFlight()) {
            consumer.pause(consumer.assignment());
            paused = true;
            LOG.debug("paused at {} jobs in flight", inFlight);
        } else if (paused && inFlight < config.flow().resumeBelow()) {
            consumer.resume(consumer.paused());
            paused = false;
            LOG.debug("resumed at {} jobs in flight", inFlight);
        }
    }

    private void commitFinished(boolean sync) {
        commit(tracker.partitions(), sync);
    }

    private void commit(Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            tracker.advance(partition).ifPresent(next -> offsets.put(partition, new OffsetAndMetadata(next)));
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    LOG.warn("offset commit failed (a later commit covers it): {}", error.toString());
                }
            });
        }
    }

    /** Stop taking jobs, let the running ones finish within the deadline, commit what finished. */
    private void drain() {
        LOG.info("draining {} jobs in flight (deadline {} s)", tracker.inFlight(), config.flow().drainTimeout().toSeconds());
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + config.flow().drainTimeout().toNanos();
        while (tracker.inFlight() > 0 && System.nanoTime() < deadline && fatal.get() == null) {
            consumer.poll(POLL); // keeps the group membership alive; paused partitions return nothing
            lastPoll = System.nanoTime();
            commitFinished(false);
        }
        try {
            commitFinished(true);
        } catch (RuntimeException e) {
            LOG.warn("final commit failed; finished jobs since the last commit will be redelivered: {}", e.toString());
        }
        LOG.info("drained; {} unfinished jobs left for redelivery", tracker.inFlight());
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            long deadline = System.nanoTime() + REVOKE_GRACE.toNanos();
            while (tracker.inFlight(partitions) > 0 && System.nanoTime() < deadline) {
                sleep(20);
            }
            try {
                commit(partitions, true);
            } catch (RuntimeException e) {
                LOG.warn("commit on revocation failed; those jobs will be redelivered: {}", e.toString());
            }
            partitions.forEach(tracker::forget);
            assigned.addAndGet(-partitions.size());
            LOG.info("revoked {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(tracker::forget);
            assigned.addAndGet(-partitions.size());
            joined = false; // out of the group until the next assignment
            LOG.warn("lost {}; their unfinished jobs will be redelivered", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
            assigned.addAndGet(partitions.size());
            joined = true; // called after every rebalance, with an empty collection too
            LOG.info("assigned {}", partitions);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "autohair-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
