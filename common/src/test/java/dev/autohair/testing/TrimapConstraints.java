package dev.autohair.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;

/** The promise every trimap-guided matting makes: known pixels keep their label, unknown ones lie in [0, 1]. */
public final class TrimapConstraints {

    private TrimapConstraints() {
    }

    public static void assertRespected(Matte alpha, Trimap trimap) {
        assertThat(alpha.alpha().length).as("matte size").isEqualTo(trimap.labels().length);
        for (int i = 0; i < alpha.pixelCount(); i++) {
            float a = alpha.alpha()[i];
            if (trimap.isForeground(i)) {
                assertThat(a).as("alpha at foreground pixel %d", i).isEqualTo(1f);
            } else if (trimap.isBackground(i)) {
                assertThat(a).as("alpha at background pixel %d", i).isEqualTo(0f);
            } else {
                assertThat(a).as("alpha at unknown pixel %d", i).isBetween(0f, 1f);
            }
        }
    }
}
