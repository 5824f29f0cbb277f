package dev.autohair.pipeline.output;

import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;

/** One encoded output of a cutout, ready to be stored or written. */
public record RenderedOutput(OutputKind kind, OutputFormat format, int width, int height, byte[] bytes) {
}
