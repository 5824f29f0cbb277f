package dev.autohair.common.contract;

/** How a job attempt ended. */
public enum Outcome {
    SUCCEEDED,
    FAILED
}
