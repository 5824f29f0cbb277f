package dev.autohair.common.client;

import dev.autohair.common.contract.Topics;

/** Everything {@link JobClient#connect(JobClientConfig)} needs; topics default to {@link Topics#defaults()}. */
public record JobClientConfig(KafkaSettings kafka, S3Settings s3, Topics topics) {

    public JobClientConfig {
        if (kafka == null || s3 == null) {
            throw new IllegalArgumentException("the job client needs both Kafka and S3 settings");
        }
        topics = topics == null ? Topics.defaults() : topics;
    }
}
