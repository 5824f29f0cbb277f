package dev.autohair.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.config.ConfigException;
import dev.autohair.pipeline.matting.network.InferenceMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MattingConfigTest {

    private static MattingConfig load(Map<String, String> env) {
        return WorkerConfig.load(env, Optional.empty()).matting();
    }

    @Test
    void closedFormIsTheDefault() {
        assertThat(load(WorkerConfigTest.minimal())).isEqualTo(MattingConfig.DEFAULT);
    }

    @Test
    void aNetworkNeedsItsModelAndTakesAnInferenceMode() {
        Map<String, String> env = WorkerConfigTest.minimal();
        env.put(WorkerConfig.MATTING_MODE, "network");
        assertThatThrownBy(() -> load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_MATTING_MODEL is required when AUTOHAIR_MATTING_MODE=network");
        env.put(WorkerConfig.MATTING_MODEL, "/models/dim.pt");
        env.put(WorkerConfig.MATTING_INFERENCE, "tiles:320:32");
        MattingConfig config = load(env);
        assertThat(config.mode()).isEqualTo(MattingConfig.Mode.NETWORK);
        assertThat(config.model()).contains(Path.of("/models/dim.pt"));
        assertThat(config.inference()).isEqualTo(new InferenceMode.Tiles(320, 32));
    }

    @Test
    void mistakesNameTheKey() {
        Map<String, String> env = WorkerConfigTest.minimal();
        env.put(WorkerConfig.MATTING_MODE, "dim");
        assertThatThrownBy(() -> load(env)).hasMessageContaining("AUTOHAIR_MATTING_MODE=dim is not a matting mode");

        env.put(WorkerConfig.MATTING_MODE, "closed-form");
        env.put(WorkerConfig.MATTING_MODEL, "/models/dim.pt");
        assertThatThrownBy(() -> load(env)).hasMessageContaining("closed-form, which uses no model");

        env.put(WorkerConfig.MATTING_MODE, "network");
        env.put(WorkerConfig.MATTING_INFERENCE, "tiles:33:40");
        assertThatThrownBy(() -> load(env)).hasMessageStartingWith("AUTOHAIR_MATTING_INFERENCE: ");

        env.put(WorkerConfig.MATTING_MODE, "trimap-free");
        env.put(WorkerConfig.MATTING_INFERENCE, "tiles");
        assertThatThrownBy(() -> load(env)).hasMessageContaining("trimap-free models run on the whole image");

        env.put(WorkerConfig.MATTING_INFERENCE, "whole:1024");
        env.put(WorkerConfig.SEGMENTATION_MODEL, "/models/selfie");
        assertThatThrownBy(() -> load(env)).hasMessageContaining("the matting model replaces segmentation");
    }
}
