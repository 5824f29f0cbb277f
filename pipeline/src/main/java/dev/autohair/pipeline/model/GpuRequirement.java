package dev.autohair.pipeline.model;

import ai.djl.engine.Engine;

/**
 * Checks that a model's engine can use a GPU. A worker configured for a GPU must fail loudly at
 * start-up rather than fall back to the CPU, where it would silently run ~10-50× slower.
 */
public final class GpuRequirement {

    private GpuRequirement() {
    }

    /**
     * The GPUs the engine sees; throws {@link GpuUnavailableException} when there are none.
     *
     * @param engine DJL's name of the engine, e.g. {@code TensorFlow} or {@code PyTorch}
     */
    public static int require(String engine, String setting) {
        DjlOffline.enforce();
        int gpus;
        try {
            gpus = Engine.getEngine(engine).getGpuCount();
        } catch (RuntimeException e) {
            throw new GpuUnavailableException(setting + " but DJL's " + engine + " engine did not load ("
                    + e.getMessage() + "); install the GPU build (mvn -Pgpu) on a machine with a CUDA driver");
        }
        if (gpus < 1) {
            throw new GpuUnavailableException(setting + " but DJL's " + engine + " engine sees no GPU"
                    + " (CUDA driver missing or too old, CUDA_VISIBLE_DEVICES empty, or CPU-only natives);"
                    + " run on a GPU node with the -Pgpu build, or set it to false to run on the CPU");
        }
        return gpus;
    }
}
