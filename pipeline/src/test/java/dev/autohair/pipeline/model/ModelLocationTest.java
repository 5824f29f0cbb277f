package dev.autohair.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocationTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(ModelLocation.PROPERTY);
    }

    @Test
    void findsTheShippedSelfieModelFromTheModuleDirectory() {
        // Tests run in pipeline/: the lookup walks up to the repository's models/.
        Path found = ModelLocation.resolve("selfie");
        assertThat(found.resolve("saved_model.pb")).isRegularFile();
        assertThat(found.getFileName().toString()).isEqualTo("selfie");
    }

    @Test
    void theSystemPropertyComesFirst() throws IOException {
        Files.createDirectories(tmp.resolve("selfie"));
        Files.writeString(tmp.resolve("selfie/saved_model.pb"), "not really");
        System.setProperty(ModelLocation.PROPERTY, tmp.toString());

        assertThat(ModelLocation.resolve("selfie")).isEqualTo(tmp.resolve("selfie").toAbsolutePath().normalize());
    }

    @Test
    void aMissingModelSaysWhereItLookedAndWhatToSet() {
        assertThatThrownBy(() -> ModelLocation.resolve("no-such-model"))
                .isInstanceOf(ModelNotInstalledException.class)
                .hasMessageContaining("no-such-model")
                .hasMessageContaining(ModelLocation.ENVIRONMENT);
    }
}
