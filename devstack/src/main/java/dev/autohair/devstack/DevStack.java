package dev.autohair.devstack;

import dev.autohair.devstack.kafka.EmbeddedKafka;
import dev.autohair.devstack.kafka.KafkaBrokerConfig;
import dev.autohair.devstack.s3.EmbeddedS3;
import dev.autohair.devstack.s3.S3ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Kafka broker and an S3 server on loopback: everything the worker talks to, for the one-command
 * demo and for integration tests. Close it to stop both.
 */
public final class DevStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedS3 s3;

    private DevStack(EmbeddedKafka kafka, EmbeddedS3 s3) {
        this.kafka = kafka;
        this.s3 = s3;
    }

    /** Both servers in temporary folders, deleted on close. */
    public static DevStack start() {
        return start(KafkaBrokerConfig.defaults(), S3ServerConfig.defaults());
    }

    /** Both servers with their data under {@code dir} ({@code dir/kafka}, {@code dir/s3}), kept on close. */
    public static DevStack start(Path dir) {
        return start(KafkaBrokerConfig.defaults().withDataDir(dir.resolve("kafka")),
                S3ServerConfig.defaults().withBaseDir(dir.resolve("s3")));
    }

    public static DevStack start(KafkaBrokerConfig kafkaConfig, S3ServerConfig s3Config) {
        // The broker's JVM boots (~3 s) while s3proxy starts here (~1 s).
        CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(() -> EmbeddedKafka.start(kafkaConfig));
        EmbeddedS3 s3;
        try {
            s3 = EmbeddedS3.start(s3Config);
        } catch (RuntimeException e) {
            kafka.thenAccept(EmbeddedKafka::close);
            throw e;
        }
        try {
            return new DevStack(kafka.join(), s3);
        } catch (CompletionException e) {
            s3.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedS3 s3() {
        return s3;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            s3.close();
        }
    }
}
