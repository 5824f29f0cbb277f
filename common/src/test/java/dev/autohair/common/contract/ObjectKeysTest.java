package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void outputKeysAreDeterministicInJobIdKindAndFormat() {
        OutputTarget target = new OutputTarget("cutouts", "shop-42/");

        assertThat(ObjectKeys.output(target, "job-1", OutputKind.MATTE, OutputFormat.WEBP))
                .isEqualTo("shop-42/job-1/matte.webp");
        assertThat(ObjectKeys.output(OutputTarget.of("cutouts"), "job-1", OutputKind.CUTOUT, OutputFormat.PNG))
                .isEqualTo("job-1/cutout.png");
    }

    @Test
    void inputKeysKeepOnlySafeFileNameCharacters() {
        assertThat(ObjectKeys.input("in/", "job-1", "/home/me/Fotos/Ärger & Co.JPG")).isEqualTo("in/job-1/_rger___Co.JPG");
        assertThat(ObjectKeys.input(null, "job-1", "..")).isEqualTo("job-1/image");
        assertThat(ObjectKeys.input("", "job-1", "x".repeat(300) + ".png")).hasSize("job-1/".length() + 100).endsWith(".png");
    }

    @Test
    void jobIdsThatWouldEscapeTheFolderAreRefused() {
        assertThatThrownBy(() -> ObjectKeys.input("", "../x", "a.jpg")).isInstanceOf(ConstraintException.class)
                .hasMessageContaining("job id");
    }
}
