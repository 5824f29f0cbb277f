package dev.autohair.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Set<String> KNOWN = Set.of("AUTOHAIR_BATCH_MAX_SIZE", "AUTOHAIR_CONFIG_FILE", "AUTOHAIR_JAVA_OPTS");

    @Test
    void theStatusServicesVariablesAreNotMistakenForTypos() {
        Settings settings = Settings.load(Map.of(
                "AUTOHAIR_CONFIG_FILE", "/etc/autohair.properties",
                "AUTOHAIR_JAVA_OPTS", "-Xmx4g",
                "AUTOHAIR_STATUS_HTTP_PORT", "8081",
                "AUTOHAIR_BATCH_MAX_SIZE", "8"), Optional.empty(), KNOWN, Namespace.WORKER);

        assertThat(settings.integer("AUTOHAIR_BATCH_MAX_SIZE", 4, 1, 256)).isEqualTo(8);
    }

    @Test
    void anyOtherUnknownWorkerVariableIsAnError() {
        assertThatThrownBy(() -> Settings.load(Map.of("AUTOHAIR_BATCH_SIZE", "8"), Optional.empty(), KNOWN, Namespace.WORKER))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_BATCH_SIZE");
    }

    @Test
    void theStatusServiceOnlyChecksItsOwnNamespace() {
        Set<String> statusKeys = Set.of("AUTOHAIR_STATUS_HTTP_PORT");
        Settings settings = Settings.load(Map.of("AUTOHAIR_WORKER_ID", "w1", "AUTOHAIR_STATUS_HTTP_PORT", "8081"),
                Optional.empty(), statusKeys, Namespace.STATUS);

        assertThat(settings.integer("AUTOHAIR_STATUS_HTTP_PORT", 8080, 0, 65535)).isEqualTo(8081);
        assertThatThrownBy(() -> Settings.load(Map.of("AUTOHAIR_STATUS_HTTP_PROT", "80"), Optional.empty(), statusKeys,
                Namespace.STATUS)).isInstanceOf(ConfigException.class).hasMessageContaining("AUTOHAIR_STATUS_HTTP_PROT");
    }

    @Test
    void borrowedKeysNeverMakeOtherVariablesTypos() {
        Settings settings = Settings.load(Map.of("AUTOHAIR_BATCH_SIZE", "8", "AUTOHAIR_JAVA_OPTS", " -Xmx4g "),
                Optional.empty(), KNOWN, Namespace.NONE);

        assertThat(settings.optional("AUTOHAIR_JAVA_OPTS")).contains("-Xmx4g");
        assertThat(settings.optional("AUTOHAIR_BATCH_SIZE")).isEmpty();
    }

    @Test
    void typedGettersNameTheKeyAndWhatWouldBeRight() {
        Settings settings = Settings.load(Map.of("AUTOHAIR_BATCH_MAX_SIZE", "300", "AUTOHAIR_JAVA_OPTS", "minio:9000"),
                Optional.empty(), KNOWN, Namespace.WORKER);

        assertThatThrownBy(() -> settings.integer("AUTOHAIR_BATCH_MAX_SIZE", 4, 1, 256))
                .hasMessage("AUTOHAIR_BATCH_MAX_SIZE=300 is out of range; use a whole number in [1, 256]");
        assertThatThrownBy(() -> settings.url("AUTOHAIR_JAVA_OPTS", "http://minio:9000"))
                .hasMessageContaining("AUTOHAIR_JAVA_OPTS=minio:9000 is not an http:// or https:// URL");
        assertThat(settings.url("AUTOHAIR_CONFIG_FILE", "http://minio:9000")).isEmpty();
        assertThatThrownBy(() -> settings.required("AUTOHAIR_CONFIG_FILE", "/etc/autohair.properties"))
                .hasMessage("AUTOHAIR_CONFIG_FILE is required, e.g. AUTOHAIR_CONFIG_FILE=/etc/autohair.properties");
    }
}
