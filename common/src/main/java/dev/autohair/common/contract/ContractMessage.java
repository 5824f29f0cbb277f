package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message of the contract. Every message names its schema and version on the wire, and is keyed by
 * its job id on Kafka.
 */
public sealed interface ContractMessage permits ImageJob, JobResult, StatusEvent {

    String jobId();

    @JsonIgnore
    MessageType type();

    @JsonProperty(value = "schema", index = 0)
    default String schema() {
        return type().schemaName();
    }

    @JsonProperty(value = "version", index = 1)
    default int version() {
        return type().version();
    }
}
