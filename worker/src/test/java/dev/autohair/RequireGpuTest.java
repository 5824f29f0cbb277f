package dev.autohair;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.config.WorkerConfig;
import dev.autohair.pipeline.model.GpuUnavailableException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On this CPU-only machine a worker told to require a GPU must refuse to start, loudly. */
class RequireGpuTest {

    @Test
    void aWorkerThatRequiresAGpuRefusesToStartWithoutOne() {
        WorkerConfig config = WorkerConfig.load(Map.of(
                WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:1",
                WorkerConfig.S3_ENDPOINT, "http://127.0.0.1:1",
                WorkerConfig.S3_ACCESS_KEY, "key",
                WorkerConfig.S3_SECRET_KEY, "secret",
                WorkerConfig.REQUIRE_GPU, "true"), Optional.empty());

        assertThatThrownBy(() -> Assembly.worker(config).close())
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessageContaining("AUTOHAIR_REQUIRE_GPU=true but DJL's TensorFlow engine sees no GPU")
                .hasMessageContaining("set it to false to run on the CPU");
    }
}
