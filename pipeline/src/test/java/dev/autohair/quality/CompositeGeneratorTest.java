package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompositeGeneratorTest {

    private static final Map<CompositeKind, Composite> COMPOSITES = new EnumMap<>(CompositeKind.class);

    @BeforeAll
    static void render() {
        CompositeGenerator generator = new CompositeGenerator(SamplePhotos.photos());
        for (CompositeKind kind : CompositeKind.values()) {
            COMPOSITES.put(kind, generator.generate(kind, 512, 384, 3));
        }
    }

    @Test
    void compositeRecomposesExactlyFromAlphaForegroundAndBackground() {
        for (Composite c : COMPOSITES.values()) {
            float[] a = c.alpha().alpha();
            double worst = 0;
            float min = 0;
            float max = 1;
            for (int i = 0; i < a.length; i++) {
                min = Math.min(min, a[i]);
                max = Math.max(max, a[i]);
                for (int ch = 0; ch < 3; ch++) {
                    float f = c.foreground().rgb()[3 * i + ch];
                    float b = c.background().rgb()[3 * i + ch];
                    min = Math.min(min, f);
                    max = Math.max(max, f);
                    worst = Math.max(worst, Math.abs(c.image().rgb()[3 * i + ch] - (a[i] * f + (1 - a[i]) * b)));
                }
            }
            assertThat(worst).as("%s: largest recomposition error", c.kind()).isLessThan(1e-6);
            assertThat(min).as("%s: alpha and colours stay in [0, 1]", c.kind()).isZero();
            assertThat(max).isEqualTo(1f);
        }
    }

    @Test
    void strandsGiveManyFractionalAlphaValues() {
        for (CompositeKind kind : new CompositeKind[] {CompositeKind.HAIR, CompositeKind.CURLS, CompositeKind.FUR}) {
            Stats s = stats(COMPOSITES.get(kind));
            assertThat(s.fractional / (double) s.covered).as("%s: share of covered pixels that are fractional", kind)
                    .isGreaterThan(0.15);
            assertThat(s.levels).as("%s: distinct alpha levels", kind).isGreaterThan(40);
            // A subject, not only wisps: a solid body with alpha 1.
            assertThat(s.opaque).as("%s: opaque pixels", kind).isGreaterThan(10_000);
        }
    }

    @Test
    void hardEdgeProductIsMostlyZeroOrOne() {
        Stats s = stats(COMPOSITES.get(CompositeKind.PRODUCT_EDGE));
        assertThat(s.fractional / (double) s.covered).isLessThan(0.05);
        assertThat(s.fractional).as("but its edge is anti-aliased").isGreaterThan(100);
    }

    @Test
    void sameSeedGivesTheSameCompositeAndAnotherSeedADifferentOne() {
        CompositeGenerator generator = new CompositeGenerator(SamplePhotos.photos());
        Composite again = generator.generate(CompositeKind.FUR, 512, 384, 3);
        Composite other = generator.generate(CompositeKind.FUR, 512, 384, 4);
        assertThat(again.image().rgb()).isEqualTo(COMPOSITES.get(CompositeKind.FUR).image().rgb());
        assertThat(other.alpha().alpha()).isNotEqualTo(again.alpha().alpha());
    }

    @Test
    void backgroundIsAPhotoNotAFlatColour() {
        float[] b = COMPOSITES.get(CompositeKind.HAIR).background().rgb();
        double mean = 0;
        for (float v : b) {
            mean += v;
        }
        mean /= b.length;
        double variance = 0;
        for (float v : b) {
            variance += (v - mean) * (v - mean);
        }
        assertThat(variance / b.length).isGreaterThan(0.005);
    }

    @Test
    void tooSmallCompositesAreRejected() {
        CompositeGenerator generator = new CompositeGenerator(SamplePhotos.photos());
        assertThatThrownBy(() -> generator.generate(CompositeKind.HAIR, 32, 400, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 64x64");
    }

    private record Stats(int covered, int fractional, int opaque, int levels) {
    }

    private static Stats stats(Composite c) {
        int covered = 0;
        int fractional = 0;
        int opaque = 0;
        Set<Float> levels = new HashSet<>();
        for (float a : c.alpha().alpha()) {
            if (a > 0) {
                covered++;
            }
            if (a > 0 && a < 1) {
                fractional++;
                levels.add(a);
            }
            if (a >= 1) {
                opaque++;
            }
        }
        return new Stats(covered, fractional, opaque, levels.size());
    }

    @Test
    void missingSamplesFolderTellsTheOperatorWhatToPass(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackgroundPhotos.load(empty))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("astronaut.png").hasMessageContaining("--samples");
    }
}
