package dev.autohair.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigTest {

    @TempDir
    Path tmp;

    /** The required keys only (shared with the other config tests). */
    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put(WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092");
        env.put(WorkerConfig.S3_ENDPOINT, "http://minio:9000");
        env.put(WorkerConfig.S3_ACCESS_KEY, "key");
        env.put(WorkerConfig.S3_SECRET_KEY, "secret");
        env.put("PATH", "/usr/bin"); // unrelated variables are ignored
        return env;
    }

    @Test
    void defaultsFillEverythingButTheEndpoints() {
        WorkerConfig config = WorkerConfig.load(minimal(), Optional.empty());

        assertThat(config.kafka().topics().jobs()).isEqualTo("autohair.jobs");
        assertThat(config.kafka().groupId()).isEqualTo("autohair-workers");
        assertThat(config.batching().maxSize()).isEqualTo(4);
        assertThat(config.flow().resumeBelow()).isEqualTo(config.flow().maxInFlight() / 2);
        assertThat(config.retries().maxAttempts()).isEqualTo(3);
        assertThat(config.models().segmentationModel()).isEmpty();
        assertThat(config.workerId()).isNotBlank();
    }

    @Test
    void aMissingEndpointNamesTheKeyAndAnExample() {
        Map<String, String> env = minimal();
        env.remove(WorkerConfig.KAFKA_BOOTSTRAP_SERVERS);
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_KAFKA_BOOTSTRAP_SERVERS is required, e.g.");
    }

    @Test
    void aBadNumberNamesTheKeyAndTheRange() {
        Map<String, String> env = minimal();
        env.put(WorkerConfig.BATCH_MAX_SIZE, "lots");
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty()))
                .hasMessageContaining("AUTOHAIR_BATCH_MAX_SIZE=lots is not a whole number; use one from 1 to 256");
        env.put(WorkerConfig.BATCH_MAX_SIZE, "0");
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty())).hasMessageContaining("out of range");
    }

    @Test
    void aMisspeltKeyFailsInsteadOfBeingIgnored() {
        Map<String, String> env = minimal();
        env.put("AUTOHAIR_BATCH_MAX_SIZ", "8");
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty()))
                .hasMessageContaining("unknown environment variable AUTOHAIR_BATCH_MAX_SIZ");
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("worker.properties"), """
                AUTOHAIR_BATCH_MAX_SIZE=8
                AUTOHAIR_BATCH_MAX_DELAY_MS=250
                AUTOHAIR_TOPIC_JOBS=shop.jobs
                """);
        Map<String, String> env = minimal();
        env.put(WorkerConfig.BATCH_MAX_SIZE, "2");

        WorkerConfig config = WorkerConfig.load(env, Optional.of(file));

        assertThat(config.batching().maxSize()).isEqualTo(2);
        assertThat(config.batching().maxDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.kafka().topics().jobs()).isEqualTo("shop.jobs");
    }

    @Test
    void badTopicNamesAndUnknownFileKeysAreRefused() throws IOException {
        Map<String, String> env = minimal();
        env.put(WorkerConfig.TOPIC_DEAD_LETTERS, "autohair.jobs");
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty())).hasMessageContaining("dead-letter topic");

        Path file = Files.writeString(tmp.resolve("bad.properties"), "batch.size=3\n");
        assertThatThrownBy(() -> WorkerConfig.load(minimal(), Optional.of(file)))
                .hasMessageContaining("unknown key batch.size");
    }

    @Test
    void theVariablesThatNameTheFileTheModelsAndJvmOptionsAreNotUnknown() throws IOException {
        // The launcher and the model lookup read these; a worker whose environment has them must start.
        Path file = Files.writeString(tmp.resolve("worker.properties"), "AUTOHAIR_BATCH_MAX_SIZE=8\n");
        Map<String, String> env = minimal();
        env.put(WorkerConfig.CONFIG_FILE, file.toString());
        env.put(WorkerConfig.MODELS, "/opt/autohair/models");
        env.put(WorkerConfig.JAVA_OPTS, "-Xmx4g");

        assertThat(WorkerConfig.load(env, Optional.of(file)).batching().maxSize()).isEqualTo(8);
    }

    @Test
    void theHttpPortDefaultsTo8080AndIsChecked() {
        assertThat(WorkerConfig.load(minimal(), Optional.empty()).httpPort()).isEqualTo(8080);
        Map<String, String> env = minimal();
        env.put(WorkerConfig.HTTP_PORT, "70000");
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty()))
                .hasMessageContaining("AUTOHAIR_HTTP_PORT=70000 is out of range");
    }

    @Test
    void eachRequiredKeyIsRequired() {
        for (String key : WorkerConfig.REQUIRED) {
            Map<String, String> env = minimal();
            env.remove(key);
            assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty())).hasMessageContaining(key + " is required");
        }
        assertThat(WorkerConfig.KEYS).containsAll(WorkerConfig.REQUIRED);
    }

    @Test
    void retriesBackOffExponentially() {
        WorkerConfig.Retries retries = new WorkerConfig.Retries(5, Duration.ofMillis(100));
        assertThat(retries.delayBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(retries.delayBefore(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(retries.delayBefore(4)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void groupMembershipAndOutageKeysHaveDefaultsAndAreChecked() {
        WorkerConfig defaults = WorkerConfig.load(minimal(), Optional.empty());
        assertThat(defaults.kafka().groupProtocol()).isEqualTo("classic");
        assertThat(defaults.kafka().sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.retries().storageOutageBudget()).isEqualTo(Duration.ofMinutes(15));

        Map<String, String> env = minimal();
        env.put(WorkerConfig.KAFKA_GROUP_PROTOCOL, "consumer");
        env.put(WorkerConfig.KAFKA_SESSION_TIMEOUT_MS, "6000");
        env.put(WorkerConfig.STORAGE_OUTAGE_BUDGET_MS, "60000");
        WorkerConfig set = WorkerConfig.load(env, Optional.empty());
        assertThat(set.kafka().groupProtocol()).isEqualTo("consumer");
        assertThat(set.kafka().sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(set.retries().storageOutageBudget()).isEqualTo(Duration.ofMinutes(1));

        env.put(WorkerConfig.KAFKA_GROUP_PROTOCOL, "eager");
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty()))
                .hasMessageContaining(WorkerConfig.KAFKA_GROUP_PROTOCOL).hasMessageContaining("eager");
    }

    @Test
    void modelKeysHaveDefaultsAndAreTyped() {
        WorkerConfig config = WorkerConfig.load(minimal(), Optional.empty());
        assertThat(config.models().requireGpu()).isFalse();
        assertThat(config.models().cache().endsWith(Path.of(".cache", "autohair", "models"))).isTrue();
        assertThat(config.batching().maxPixels()).isEqualTo(50_000_000L);

        Map<String, String> env = minimal();
        env.put(WorkerConfig.REQUIRE_GPU, "true");
        env.put(WorkerConfig.MODEL_CACHE, tmp.toString());
        env.put(WorkerConfig.BATCH_MAX_PIXELS, "8000000");
        env.put(WorkerConfig.SEGMENTATION_MODEL, "/models/deeplab.json");
        WorkerConfig set = WorkerConfig.load(env, Optional.empty());
        assertThat(set.models()).isEqualTo(new WorkerConfig.Models(Optional.of(Path.of("/models/deeplab.json")), Optional.empty(), tmp, true));
        assertThat(set.batching().maxPixels()).isEqualTo(8_000_000L);

        env.put(WorkerConfig.REQUIRE_GPU, "yes");
        assertThatThrownBy(() -> WorkerConfig.load(env, Optional.empty()))
                .hasMessageContaining("AUTOHAIR_REQUIRE_GPU=yes is not a boolean; use true or false");
    }
}
