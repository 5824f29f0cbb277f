package dev.autohair.worker;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.InvalidJobException;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.pipeline.CutoutTask;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One job record on its way through the worker: where it came from, what it asks for, and the
 * state of its current attempt. Handed from stage to stage; one stage touches it at a time.
 */
final class InFlightJob {

    private final ConsumerRecord<String, byte[]> record;
    private final OffsetTracker.Ticket ticket;
    private ImageJob job;
    private String jobId;
    private int attempt = 1;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<JobStage, Long> timingsMs = new EnumMap<>(JobStage.class);
    private CutoutTask task;
    private List<OutputRef> outputs = List.of();
    private volatile JobStage stage = JobStage.FETCH;
    /** System.nanoTime when the job first waited for object storage; 0 if it never did. */
    private volatile long waitingSince;

    InFlightJob(ConsumerRecord<String, byte[]> record, OffsetTracker.Ticket ticket) {
        this.record = record;
        this.ticket = ticket;
        // Until the record is parsed its key is untrusted; events need a valid id meanwhile.
        this.jobId = InvalidJobException.unknownJobId(record.topic(), record.partition(), record.offset());
    }

    ConsumerRecord<String, byte[]> record() {
        return record;
    }

    OffsetTracker.Ticket ticket() {
        return ticket;
    }

    /** The parsed job, or null while (or because) the record could not be read. */
    ImageJob job() {
        return job;
    }

    void parsed(ImageJob parsed) {
        this.job = parsed;
        this.jobId = parsed.jobId();
    }

    /** The job id for events: the parsed one, or {@code unknown-<topic>-<partition>-<offset>}. */
    String jobId() {
        return jobId;
    }

    /** A record that failed validation may still name its job; its events then carry that id. */
    void named(String id) {
        this.jobId = id;
    }

    int attempt() {
        return attempt;
    }

    /** Starts the next attempt: events count again from 0, timings and pixels start over. */
    void nextAttempt() {
        attempt++;
        sequence.set(0);
        synchronized (timingsMs) {
            timingsMs.clear();
        }
        task = null;
        outputs = List.of();
        stage = JobStage.FETCH;
    }

    /** The job is held for unavailable storage; the first hold starts the clock of its outage budget. */
    void waiting(long nanoTime) {
        if (waitingSince == 0) {
            waitingSince = nanoTime;
        }
    }

    /** How long since the job first waited for storage; zero if it never did. */
    java.time.Duration waitedOnStorage() {
        long since = waitingSince;
        return since == 0 ? java.time.Duration.ZERO : java.time.Duration.ofNanos(System.nanoTime() - since);
    }

    /** Storage answers again: the same attempt starts over (events keep counting up). */
    void resume() {
        synchronized (timingsMs) {
            timingsMs.clear();
        }
        task = null;
        outputs = List.of();
        stage = JobStage.FETCH;
    }

    long nextSequence() {
        return sequence.getAndIncrement();
    }

    void time(JobStage stage, long nanos) {
        synchronized (timingsMs) {
            timingsMs.merge(stage, Math.round(nanos / 1e6), Long::sum);
        }
    }

    Map<JobStage, Long> timingsMs() {
        synchronized (timingsMs) {
            return Map.copyOf(timingsMs);
        }
    }

    /** The stage the job is in now, so a failure can say where it happened. */
    JobStage stage() {
        return stage;
    }

    void stage(JobStage current) {
        this.stage = current;
    }

    /** The current attempt's way through the pipeline; null before it starts and once it ended. */
    CutoutTask task() {
        return task;
    }

    void task(CutoutTask current) {
        this.task = current;
    }

    /** Where the current attempt stored its outputs. */
    List<OutputRef> outputs() {
        return outputs;
    }

    void outputs(List<OutputRef> stored) {
        this.outputs = List.copyOf(stored);
    }

    @Override
    public String toString() {
        return "job " + jobId + " (" + record.topic() + "-" + record.partition() + "@" + record.offset()
                + ", attempt " + attempt + ")";
    }
}
