package dev.autohair.worker;

import dev.autohair.common.contract.ContractMessage;
import dev.autohair.common.contract.DeadLetterHeaders;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.StatusEvent;
import dev.autohair.common.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What the worker tells the world: status events, results and dead letters, each keyed by job id.
 * Every send returns a future completed when the broker acknowledged it. Sends go through the
 * {@link Delivery}: a job's final events only inside {@link #settle}, which releases its offset
 * once they are safe (acknowledged, or in the same transaction as the offset).
 */
final class Events {

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final MessageCodec codec;
    private final String workerId;
    private final Delivery delivery;

    Events(Producer<String, byte[]> producer, Topics topics, MessageCodec codec, String workerId, Delivery delivery) {
        this.producer = producer;
        this.delivery = delivery;
        this.topics = topics;
        this.codec = codec;
        this.workerId = workerId;
    }

    String workerId() {
        return workerId;
    }

    CompletableFuture<Void> status(InFlightJob job, JobState state, JobStage stage, double progress, JobError error) {
        StatusEvent event = new StatusEvent(job.jobId(), state, stage, progress, workerId, job.attempt(),
                job.nextSequence(), Instant.now(), error, job.timingsMs());
        return delivery.progress(job.ticket(), () -> send(topics.status(), job.jobId(), event));
    }

    /** Sends a job's final events ({@link #result}, {@link #finalStatus}, {@link #deadLetter}) and releases its offset. */
    CompletableFuture<Void> settle(InFlightJob job, Supplier<List<CompletableFuture<Void>>> finalEvents) {
        return delivery.settle(job.ticket(), finalEvents);
    }

    /** A terminal status event: only inside {@link #settle}. */
    CompletableFuture<Void> finalStatus(InFlightJob job, JobState state, JobStage stage, double progress, JobError error) {
        StatusEvent event = new StatusEvent(job.jobId(), state, stage, progress, workerId, job.attempt(),
                job.nextSequence(), Instant.now(), error, job.timingsMs());
        return send(topics.status(), job.jobId(), event);
    }

    /** Only inside {@link #settle}. */
    CompletableFuture<Void> result(JobResult result) {
        return send(topics.results(), result.jobId(), result);
    }

    /** The record exactly as it came, with headers saying why and from where; only inside {@link #settle}. */
    CompletableFuture<Void> deadLetter(InFlightJob job, JobError error) {
        ConsumerRecord<String, byte[]> source = job.record();
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topics.deadLetters(), null, source.key(), source.value());
        for (Header header : source.headers()) {
            copy.headers().add(header);
        }
        copy.headers()
                .add(DeadLetterHeaders.ERROR_CODE, utf8(error.code().name()))
                .add(DeadLetterHeaders.ERROR_MESSAGE, utf8(error.message()))
                .add(DeadLetterHeaders.SOURCE_TOPIC, utf8(source.topic()))
                .add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(source.partition())))
                .add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(source.offset())))
                .add(DeadLetterHeaders.ATTEMPTS, utf8(Integer.toString(job.attempt())))
                .add(DeadLetterHeaders.WORKER_ID, utf8(workerId));
        return send(copy);
    }

    private CompletableFuture<Void> send(String topic, String key, ContractMessage message) {
        return send(new ProducerRecord<>(topic, key, codec.encode(message)));
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    acked.completeExceptionally(exception);
                } else {
                    acked.complete(null);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
