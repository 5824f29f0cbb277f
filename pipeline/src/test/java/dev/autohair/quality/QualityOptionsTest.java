package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityOptionsTest {

    @Test
    void defaultsAreClosedFormOnTheSamplesAt640x480() {
        QualityOptions options = QualityOptions.parse(new String[0]);
        assertThat(options).isEqualTo(new QualityOptions("dev.autohair.pipeline.matting.ClosedFormMatting",
                Path.of("samples"), 640, 480, 1));
        assertThat(options.instantiateMatting().name()).isNotBlank();
    }

    @Test
    void parsesEveryOption() {
        QualityOptions options = QualityOptions.parse(new String[] {"--size=800x600", "--seed=7",
            "--samples=/tmp/photos", "--matting=com.example.Other"});
        assertThat(options).isEqualTo(new QualityOptions("com.example.Other", Path.of("/tmp/photos"), 800, 600, 7));
    }

    @Test
    void badArgumentsSayWhatIsExpected() {
        assertThatThrownBy(() -> QualityOptions.parse(new String[] {"--size=800"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("640x480");
        assertThatThrownBy(() -> QualityOptions.parse(new String[] {"--seed=x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> QualityOptions.parse(new String[] {"--colour=red"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage:");
        assertThatThrownBy(() -> QualityOptions.parse(new String[] {"--matting=no.such.Matting"}).instantiateMatting())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on the classpath");
        assertThatThrownBy(() -> QualityOptions.parse(new String[] {"--matting=java.lang.String"}).instantiateMatting())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not implement");
    }

    @Test
    void missingSamplesFolderTellsTheOperatorWhatToPass(@TempDir Path empty) {
        assertThatThrownBy(() -> BackgroundPhotos.load(empty))
                .isInstanceOf(IOException.class).hasMessageContaining("astronaut.png").hasMessageContaining("--samples=");
    }
}
