package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;
import java.util.List;

/**
 * How the pipeline gets alpha. Each strategy says what it needs and where it runs; the pipeline
 * builds its stage order from that, so no caller asks which strategy it holds.
 */
public interface MattingStrategy extends AutoCloseable {

    /** Where a strategy's work belongs. */
    enum Batching {
        /** One call over the whole micro-batch, on the thread that owns the accelerator (a network). */
        MICRO_BATCH,
        /** One image per call, on CPU threads (an optimisation without weights). */
        PER_IMAGE
    }

    /** The method's name, reported with every result. */
    String method();

    /** Which weights: a model file's digest, "1" for methods without weights. */
    String version();

    /**
     * Whether alpha is solved inside a trimap; if so, segmentation and trimap generation run first.
     * A trimap-free strategy predicts alpha from the photo alone.
     */
    boolean takesTrimap();

    Batching batching();

    /**
     * Alpha for each input, in input order; known trimap regions come out exactly 0 / 1.
     *
     * @throws UnconstrainedMatteException when a trimap leaves alpha undetermined
     */
    List<Matte> matte(List<MattingInput> inputs);

    /** One small call, so the first real image does not pay for lazy initialisation. */
    void warmUp();

    @Override
    void close();
}
