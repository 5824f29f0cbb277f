package dev.autohair.pipeline;

import dev.autohair.pipeline.output.RenderedOutput;
import java.util.List;

/** Keeps one cutout's rendered outputs: objects in storage, files on disk. */
@FunctionalInterface
public interface OutputSink {

    void store(List<RenderedOutput> outputs);
}
