package dev.autohair.pipeline;

/** Reads one cutout's encoded input: an object from storage, a file from disk. */
@FunctionalInterface
public interface InputSource {

    byte[] read();
}
