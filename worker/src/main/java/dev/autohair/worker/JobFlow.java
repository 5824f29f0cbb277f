package dev.autohair.worker;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.InvalidJobException;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutTask;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.Phase;
import dev.autohair.pipeline.StageFailedException;
import dev.autohair.pipeline.StageListener;
import dev.autohair.storage.ObjectStorage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each job through the pipeline's phases on their own threads — input on the fetch pool,
 * the model phase per micro-batch, the CPU phase on the CPU pool, output on the store pool — and
 * tells the world: status events as the pipeline reports its stages, then the result. A job's
 * offset is released only once its last events are acknowledged; failures go to the
 * {@link FailurePolicy}. A job that finds object storage unavailable is held by the
 * {@link StorageOutage} (not failed) and starts over when storage answers.
 */
final class JobFlow implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobFlow.class);

    private final WorkerConfig config;
    private final CutoutPipeline pipeline;
    private final ObjectStorage store;
    private final Events events;
    private final MessageCodec codec;
    private final OffsetTracker tracker;
    private final WorkerMetrics metrics;
    private final FailurePolicy policy;
    private final JobOutputs outputs;
    private final List<ModelInfo> configuredModels;

    private final ExecutorService fetchPool;
    private final ExecutorService cpuPool;
    private final ExecutorService storePool;
    private final ScheduledExecutorService retries;
    private final MicroBatcher<InFlightJob> batcher;
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final StorageOutage outage;

    JobFlow(WorkerConfig config, CutoutPipeline pipeline, ObjectStorage store, Events events, MessageCodec codec,
            OffsetTracker tracker, WorkerMetrics metrics, StorageOutage outage) {
        this.config = config;
        this.pipeline = pipeline;
        this.store = store;
        this.events = events;
        this.codec = codec;
        this.tracker = tracker;
        this.metrics = metrics;
        this.outage = outage;
        this.policy = new FailurePolicy(config.retries());
        this.outputs = new JobOutputs(store);
        this.configuredModels = pipeline.models();
        this.fetchPool = Executors.newFixedThreadPool(config.flow().fetchThreads(), named("fetch"));
        this.cpuPool = Executors.newFixedThreadPool(config.flow().cpuThreads(), named("cpu"));
        this.storePool = Executors.newFixedThreadPool(config.flow().fetchThreads(), named("store"));
        this.retries = Executors.newSingleThreadScheduledExecutor(named("retry"));
        this.batcher = new MicroBatcher<>("model", config.batching().maxSize(), config.batching().maxDelay(),
                job -> (long) job.task().image().width() * job.task().image().height(), config.batching().maxPixels(),
                this::model);
    }

    /** Takes one record from the consumer loop; returns at once. */
    void accept(ConsumerRecord<String, byte[]> record, OffsetTracker.Ticket ticket) {
        InFlightJob job = new InFlightJob(record, ticket);
        fetchPool.execute(() -> start(job));
    }

    /** A failure the worker cannot report (so cannot settle a job): the consumer loop stops on it. */
    Throwable fatal() {
        return fatal.get();
    }

    // ---- phases ----

    /** Fetch pool: parse the record, then the input phase (fetch, decode); then the micro-batcher. */
    private void start(InFlightJob job) {
        try {
            if (job.job() == null) {
                job.parsed(codec.decodeJob(job.record().value()));
            }
            events.status(job, JobState.RECEIVED, null, 0.0, null);
            job.task(task(job));
            if (ran(job, Phase.INPUT)) {
                batcher.submit(job);
            }
        } catch (InvalidJobException | RuntimeException e) {
            fail(job, e);
        }
    }

    private CutoutTask task(InFlightJob job) {
        ImageJob request = job.job();
        return pipeline.task(
                () -> store.fetch(request.input().bucket(), request.input().key(), config.imageLimits().maxBytes()).bytes(),
                Guide.segment(), request.options(),
                rendered -> job.outputs(outputs.store(request, rendered, objectMetadata(job))),
                new StageEvents(job));
    }

    /** Model thread: the model phase over the whole micro-batch, then each job to the CPU pool. */
    private void model(List<InFlightJob> jobs) {
        try {
            long start = System.nanoTime();
            pipeline.run(Phase.MODEL, jobs.stream().map(InFlightJob::task).toList());
            metrics.batch(jobs.size(), System.nanoTime() - start);
        } catch (RuntimeException e) { // a bug outside any stage: every job of the batch fails alike
            jobs.forEach(job -> fail(job, e));
            return;
        }
        for (InFlightJob job : jobs) {
            if (succeeded(job)) {
                cpuPool.execute(() -> {
                    if (ran(job, Phase.CPU)) {
                        storePool.execute(() -> finish(job));
                    }
                });
            }
        }
    }

    /** Store pool: the output phase (encode, store), then the result; the offset is done once both are acked. */
    private void finish(InFlightJob job) {
        if (!ran(job, Phase.OUTPUT)) {
            return;
        }
        try {
            JobResult done = JobResult.succeeded(job.job(), job.outputs(), job.timingsMs(), job.task().models(),
                    job.attempt(), config.workerId(), Instant.now());
            job.task(null); // the pixels and encoded bytes are no longer needed
            settle(job, () -> List.of(events.result(done),
                    events.finalStatus(job, JobState.SUCCEEDED, JobStage.STORE, 1.0, null)));
            metrics.jobEnded(JobState.SUCCEEDED, null, job.timingsMs());
            LOG.info("{} succeeded: {}", job, job.timingsMs());
        } catch (RuntimeException e) {
            fail(job, e);
        }
    }

    /** Runs one phase for this job alone; false (and the job failed) when a stage failed. */
    private boolean ran(InFlightJob job, Phase phase) {
        try {
            pipeline.run(phase, List.of(job.task()));
        } catch (RuntimeException e) {
            fail(job, e);
            return false;
        }
        return succeeded(job);
    }

    private boolean succeeded(InFlightJob job) {
        CutoutTask task = job.task();
        if (task.failed()) {
            fail(job, task.failure().get());
            return false;
        }
        return true;
    }

    /** Object metadata: which job and which models made it. */
    private static Map<String, String> objectMetadata(InFlightJob job) {
        Map<String, String> metadata = new TreeMap<>();
        metadata.put("job-id", job.jobId());
        for (ModelInfo model : job.task().models()) {
            metadata.put(model.role().wireName() + "-model", model.name() + "@" + model.version());
        }
        return metadata;
    }

    // ---- failures ----

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
        if (failure instanceof StageFailedException stageFailure) {
            job.stage(stageFailure.stage());
        }
        if (failure instanceof InvalidJobException invalid) {
            invalid.jobId().ifPresent(job::named);
        }
        job.task(null);
        JobError error = Failures.classify(failure);
        FailurePolicy.Decision decision = policy.decide(error, job.attempt(), job.waitedOnStorage());
        if (decision instanceof FailurePolicy.Wait) {
            hold(job, error);
            return;
        }
        if (decision instanceof FailurePolicy.Retry retry) {
            LOG.warn("{} failed at {} ({}: {}); attempt {} in {} ms", job, job.stage(), error.code(), error.message(),
                    retry.attempt(), retry.delay().toMillis());
            events.status(job, JobState.RETRYING, job.stage(), 0.0, error);
            metrics.jobRetried(error.code());
            job.nextAttempt();
            retries.schedule(() -> fetchPool.execute(() -> start(job)), retry.delay().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        giveUp(job, error, ((FailurePolicy.GiveUp) decision).state());
    }

    /** A failed result, the record on the dead-letter topic, a terminal status. */
    private void giveUp(InFlightJob job, JobError error, JobState terminal) {
        LOG.warn("{} failed for good at {} ({}: {})", job, job.stage(), error.code(), error.message());
        Map<String, String> metadata = job.job() == null ? Map.of() : job.job().metadata();
        JobResult result = JobResult.failed(job.jobId(), error, job.timingsMs(), configuredModels, job.attempt(),
                config.workerId(), metadata, Instant.now());
        settle(job, () -> List.of(events.result(result), events.deadLetter(job, error),
                events.finalStatus(job, terminal, job.stage(), 1.0, error)));
        metrics.jobEnded(terminal, error.code(), job.timingsMs());
    }

    /** Object storage is down: the job waits, in the same attempt, for the outage to end. */
    private void hold(InFlightJob job, JobError error) {
        job.waiting(System.nanoTime());
        LOG.warn("{} waits for object storage at {} ({})", job, job.stage(), error.message());
        events.status(job, JobState.WAITING, job.stage(), 0.0, error);
        outage.hold(job.job() == null ? "" : job.job().input().bucket(), new StorageOutage.Waiter() {
            @Override
            public void storageBack() {
                if (tracker.holds(job.ticket())) { // else the partition went to another worker, which redoes the job
                    job.resume();
                    fetchPool.execute(() -> start(job));
                }
            }

            @Override
            public boolean keepWaiting() {
                if (!tracker.holds(job.ticket())) {
                    return false;
                }
                if (policy.decide(error, job.attempt(), job.waitedOnStorage()) instanceof FailurePolicy.GiveUp giveUp) {
                    try {
                        giveUp(job, error, giveUp.state());
                    } catch (RuntimeException e) {
                        fatal.compareAndSet(null, e);
                    }
                    return false;
                }
                return true;
            }
        });
    }

    /** Sends the job's final events; once they are safe its offset may be committed, if not it must be redelivered. */
    private void settle(InFlightJob job, Supplier<List<CompletableFuture<Void>>> finalEvents) {
        events.settle(job, finalEvents).whenComplete((ok, error) -> {
            if (error != null && fatal.compareAndSet(null, error)) {
                LOG.error("could not publish the events of {}; stopping so it is redelivered", job, error);
            }
        });
    }

    /** The pipeline's stages as the job's timings and its milestone status events. */
    private final class StageEvents implements StageListener {
        private final InFlightJob job;

        StageEvents(InFlightJob job) {
            this.job = job;
        }

        @Override
        public void started(JobStage stage) {
            job.stage(stage);
        }

        @Override
        public void finished(JobStage stage, long elapsedNanos, double progress) {
            job.time(stage, elapsedNanos);
            stage.milestone().ifPresent(state -> events.status(job, state, stage, progress, null));
        }
    }

    @Override
    public void close() {
        batcher.close();
        for (ExecutorService pool : List.of(fetchPool, cpuPool, storePool, retries)) {
            pool.shutdownNow();
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
