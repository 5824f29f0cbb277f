package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the report's wiring with a matting "oracle" that knows the true alpha. */
class QualityReportTest {

    private static final int W = 256;
    private static final int H = 192;
    private static final long SEED = 5;

    /** Returns the true alpha inside the unknown band and the trimap's labels elsewhere. */
    private static final class OracleMatting implements AlphaMatting {
        private final CompositeGenerator generator;

        OracleMatting(CompositeGenerator generator) {
            this.generator = generator;
        }

        @Override
        public Matte estimate(RgbImage image, Trimap trimap) {
            for (CompositeKind kind : CompositeKind.values()) {
                Composite c = generator.generate(kind, W, H, SEED);
                if (Arrays.equals(c.image().rgb(), image.rgb())) {
                    float[] a = new float[trimap.labels().length];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = trimap.isUnknown(i) ? c.alpha().alpha()[i] : trimap.isForeground(i) ? 1f : 0f;
                    }
                    return new Matte(W, H, a);
                }
            }
            throw new AssertionError("image is none of the composites");
        }

        @Override
        public String name() {
            return "oracle";
        }
    }

    @Test
    void measuresEverySourceOnEveryKindAndRendersMarkdown() {
        CompositeGenerator generator = new CompositeGenerator(SamplePhotos.photos());
        QualityReport report = new QualityReport(generator, new AutomaticTrimap(), new OracleMatting(generator));
        List<CompositeKind> kinds = List.of(CompositeKind.HAIR, CompositeKind.PRODUCT_EDGE);

        QualityResult result = report.measure(kinds, W, H, SEED);

        assertThat(result.rows()).hasSize(kinds.size() * MaskSource.values().length);
        for (CompositeKind kind : kinds) {
            // The true trimap holds every fractional pixel, so a perfect matting scores exactly 0.
            AlphaError perfect = result.row(kind, MaskSource.TRUE_TRIMAP_MATTING).wholeImage();
            assertThat(perfect.sad()).isZero();
            assertThat(perfect.mse()).isZero();
            assertThat(result.row(kind, MaskSource.PERFECT_HARD_MASK).wholeImage().sad()).isPositive();
            assertThat(result.row(kind, MaskSource.ROUGH_MASK).wholeImage().sad()).isPositive();
            assertThat(result.row(kind, MaskSource.ROUGH_MASK_TRIMAP_MATTING).wholeImage().sad())
                    .as("%s: only what falls outside the automatic band can be wrong", kind)
                    .isLessThan(result.row(kind, MaskSource.PERFECT_HARD_MASK).wholeImage().sad());
        }

        String markdown = QualityReport.render(result);
        assertThat(markdown).contains("Matting: `oracle`", "| composite | alpha from | SAD (k) |",
                "| hair | perfect hard mask", "| product_edge | true trimap → matting | 0.00 | 0.000 | 0.00 |");
    }
}
