package dev.autohair.common.client;

import dev.autohair.common.contract.ConstraintException;
import dev.autohair.common.contract.ContractMessage;
import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.ObjectKeys;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.common.contract.SchemaViolationException;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.kafka.KafkaAccess;
import dev.autohair.common.kafka.KafkaSecurity;
import dev.autohair.common.kafka.KafkaSecurityKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Submits image jobs the way an upload system would: store the image, then produce the job, keyed by
 * its id, on the jobs topic. Each submit returns only once Kafka has acknowledged the job, so a
 * returned id is a job the workers will see. Thread-safe; one instance per application.
 */
public final class JobClient implements AutoCloseable {

    /** User metadata put on uploaded images, so an object can be traced to its job. */
    public static final String JOB_ID_METADATA = "autohair-job-id";

    private final ObjectUploader uploader;
    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Duration sendTimeout;
    private final MessageCodec codec;
    private final Clock clock;
    private final Supplier<String> jobIds;
    private final KafkaAccess access;

    /** Wires the client from its parts; {@link #connect} is the usual way in. */
    public JobClient(ObjectUploader uploader, Producer<String, byte[]> producer, Topics topics, Duration sendTimeout,
                     MessageCodec codec, Clock clock, Supplier<String> jobIds) {
        this(uploader, producer, topics, sendTimeout, codec, clock, jobIds,
                new KafkaAccess("the configured brokers", KafkaSecurity.plaintext(KafkaSecurityKeys.WORKER)));
    }

    /** As above; {@code access} explains TLS, SASL and time-out failures in terms of the settings to check. */
    public JobClient(ObjectUploader uploader, Producer<String, byte[]> producer, Topics topics, Duration sendTimeout,
                     MessageCodec codec, Clock clock, Supplier<String> jobIds, KafkaAccess access) {
        this.access = access;
        this.uploader = uploader;
        this.producer = producer;
        this.topics = topics;
        this.sendTimeout = sendTimeout;
        this.codec = codec;
        this.clock = clock;
        this.jobIds = jobIds;
    }

    /** A client for real endpoints: MinIO SDK uploads, an idempotent acks=all Kafka producer, random UUID job ids. */
    public static JobClient connect(JobClientConfig config) {
        MinioUploader uploader = new MinioUploader(config.s3());
        try {
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.kafka().producerProperties());
            return new JobClient(uploader, producer, config.topics(), config.kafka().sendTimeout(), new MessageCodec(),
                    Clock.systemUTC(), () -> UUID.randomUUID().toString(),
                    new KafkaAccess(config.kafka().bootstrapServers(), config.kafka().security()));
        } catch (RuntimeException e) {
            uploader.close();
            throw e;
        }
    }

    /** Uploads the image file and submits a job for it; returns the job id. */
    public String submit(Path image, JobRequest request) {
        try (InputStream in = Files.newInputStream(image)) {
            return submit(in, Files.size(image), image.getFileName().toString(), request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + image, e);
        }
    }

    /** Uploads the image bytes under {@code fileName} and submits a job for them; returns the job id. */
    public String submit(byte[] image, String fileName, JobRequest request) {
        return submit(new ByteArrayInputStream(image), image.length, fileName, request);
    }

    /** Submits a job for an object that is already in storage; returns its id. */
    public String submit(ImageJob job) {
        return send(job, encode(job));
    }

    private byte[] encode(ImageJob job) {
        try {
            return codec.encode(job);
        } catch (SchemaViolationException e) {
            throw new IllegalArgumentException("job " + job.jobId() + " was not sent: " + e.getMessage(), e);
        }
    }

    private String send(ImageJob job, byte[] json) {
        try {
            producer.send(new ProducerRecord<>(topics.jobs(), job.jobId(), json))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return job.jobId();
        } catch (ExecutionException e) {
            throw notSent(job, access.explain(e.getCause()), "Kafka refused it: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw notSent(job, Optional.empty(), "Kafka did not confirm it within " + sendTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notSent(job, Optional.empty(), "interrupted while waiting for Kafka", e);
        } catch (KafkaException e) {
            throw notSent(job, access.explain(e), "the producer failed: " + e, e);
        }
    }

    /**
     * The job {@code submit} would send for an image stored at {@code input}, stamped with the
     * current time; for callers that store images themselves and then call {@link #submit(ImageJob)}.
     */
    public ImageJob prepare(String jobId, ObjectRef input, JobRequest request) {
        return new ImageJob(jobId, input, request.output(), request.options(), request.metadata(), Instant.now(clock));
    }

    /** A new job id from the client's generator (random UUIDs for {@link #connect}). */
    public String newJobId() {
        return jobIds.get();
    }

    @Override
    public void close() {
        try {
            producer.close(sendTimeout);
        } finally {
            uploader.close();
        }
    }

    private String submit(InputStream content, long size, String fileName, JobRequest request) {
        String jobId = newJobId();
        ObjectRef input;
        try {
            input = new ObjectRef(request.inputBucket(), ObjectKeys.input(request.inputPrefix(), jobId, fileName));
        } catch (ConstraintException e) {
            throw new IllegalArgumentException("cannot name the upload for job " + jobId + ": " + e.getMessage(), e);
        }
        ImageJob job = prepare(jobId, input, request);
        byte[] json = encode(job); // before the upload, so a bad request leaves no orphan object
        try {
            uploader.put(input, content, size, contentType(fileName), Map.of(JOB_ID_METADATA, jobId));
        } catch (JobSubmissionException e) {
            throw new JobSubmissionException(jobId, "job " + jobId + " was not submitted: " + e.getMessage(), e);
        }
        return send(job, json);
    }

    /** With an {@code explained} access failure, that explanation replaces Kafka's message and the generic advice. */
    private JobSubmissionException notSent(ContractMessage job, Optional<String> explained, String why, Throwable cause) {
        String advice = explained.map(e -> e + "; ").orElse(why + ". Check the bootstrap servers and that the topic exists; ");
        return new JobSubmissionException(job.jobId(), "job " + job.jobId() + " was not submitted to topic '"
                + topics.jobs() + "': " + advice + "resubmitting the same ImageJob is safe (workers overwrite outputs by job id)",
                cause);
    }

    static String contentType(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }
}
