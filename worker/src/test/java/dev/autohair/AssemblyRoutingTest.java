package dev.autohair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.ModelInfo;
import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.model.ModelNotInstalledException;
import dev.autohair.pipeline.segmentation.Segmentation;
import dev.autohair.storage.InMemoryObjectStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's segmentation: the portrait model plus a general model or the product segmenter. */
class AssemblyRoutingTest {

    @TempDir
    Path cache;

    private WorkerConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1",
                WorkerConfig.S3_ENDPOINT, "http://127.0.0.1:1",
                WorkerConfig.S3_ACCESS_KEY, "test",
                WorkerConfig.S3_SECRET_KEY, "test-secret",
                WorkerConfig.MODEL_CACHE, cache.toString()));
        env.putAll(extra);
        return WorkerConfig.load(env, Optional.empty());
    }

    @Test
    void withoutAGeneralModelTheProductSegmenterTakesItsPlace() {
        try (Segmentation segmentation = Assembly.segmentation(config(Map.of()), new InMemoryObjectStore())) {
            assertThat(segmentation.models()).extracting(ModelInfo::name)
                    .containsExactly("mediapipe-selfie-segmentation", "product");
        }
    }

    @Test
    void aGeneralModelNamedButNotInstalledStopsStartUpWithTheCommandThatInstallsIt() {
        WorkerConfig config = config(Map.of(WorkerConfig.OBJECT_MODEL, "isnet-general-use"));
        assertThatThrownBy(() -> Assembly.segmentation(config, new InMemoryObjectStore()))
                .isInstanceOf(ModelNotInstalledException.class)
                .hasMessageContaining("./autohair models install isnet-general-use");
    }
}
