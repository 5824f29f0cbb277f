package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.pipeline.decode.ImageDecoder;

/** Bytes to pixels, within the size limits; a given mask or trimap must match the picture. */
final class DecodeStep extends PerImageStep {

    private final ImageDecoder decoder;

    DecodeStep(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public JobStage stage() {
        return JobStage.DECODE;
    }

    @Override
    boolean appliesTo(CutoutTask task) {
        return task.encoded() != null;
    }

    @Override
    void apply(CutoutTask task) {
        task.image(decoder.decode(task.encoded()));
    }
}
