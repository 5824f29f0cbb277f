package dev.autohair.pipeline.model;

/** The configuration demands a GPU and the engine sees none: the worker must not start on the CPU. */
public class GpuUnavailableException extends RuntimeException {

    public GpuUnavailableException(String message) {
        super(message);
    }
}
