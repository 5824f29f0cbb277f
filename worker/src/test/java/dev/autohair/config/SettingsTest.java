package dev.autohair.config;

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
                "AUTOHAIR_BATCH_MAX_SIZE", "8"), Optional.empty(), KNOWN);

        assertThat(settings.integer("AUTOHAIR_BATCH_MAX_SIZE", 4, 1, 256)).isEqualTo(8);
    }

    @Test
    void anyOtherUnknownWorkerVariableIsAnError() {
        assertThatThrownBy(() -> Settings.load(Map.of("AUTOHAIR_BATCH_SIZE", "8"), Optional.empty(), KNOWN))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTOHAIR_BATCH_SIZE");
    }
}
