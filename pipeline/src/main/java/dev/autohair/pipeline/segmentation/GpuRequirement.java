package dev.autohair.pipeline.segmentation;

import ai.djl.engine.Engine;

/**
 * Checks that a model's engine can use a GPU. A worker configured for a GPU must fail loudly at
 * start-up rather than fall back to the CPU, where it would silently run ~10-50× slower.
 */
public final class GpuRequirement {

    private GpuRequirement() {
    }

    /** The GPUs the engine sees; throws {@link GpuUnavailableException} when there are none. */
    public static int require(ModelEngine engine, String setting) {
        DjlOffline.enforce();
        int gpus;
        try {
            gpus = Engine.getEngine(engine.djlName()).getGpuCount();
        } catch (RuntimeException e) {
            throw new GpuUnavailableException(setting + " but DJL's " + engine.djlName() + " engine did not load ("
                    + e.getMessage() + "); install the GPU build (mvn -Pgpu) on a machine with a CUDA driver");
        }
        if (gpus < 1) {
            throw new GpuUnavailableException(setting + " but DJL's " + engine.djlName() + " engine sees no GPU"
                    + " (CUDA driver missing or too old, CUDA_VISIBLE_DEVICES empty, or CPU-only natives);"
                    + " run on a GPU node with the -Pgpu build, or set it to false to run on the CPU");
        }
        return gpus;
    }
}
