package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.Composite;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.GroundTruthTrimap;
import dev.autohair.testing.NoiseImages;
import dev.autohair.testing.Samples;
import dev.autohair.testing.TrimapConstraints;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ClosedFormMattingTest {

    private static final float[] RED_ISH = {0.9f, 0.2f, 0.1f};
    private static final float[] BLUE_ISH = {0.1f, 0.3f, 0.8f};

    private final ClosedFormMatting matting = new ClosedFormMatting();

    /** Columns < 8 background, >= 52 foreground, a linear ramp of alpha in between. */
    private static float rampAlpha(int x) {
        return Math.max(0, Math.min(1, (x - 8) / 44f));
    }

    private static RgbImage blend(int width, int height) {
        return blend(width, height, ClosedFormMattingTest::rampAlpha);
    }

    /** Two flat colours blended column by column with this alpha. */
    private static RgbImage blend(int width, int height, IntToDoubleFunction alphaOfColumn) {
        RgbImage image = RgbImage.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float a = (float) alphaOfColumn.applyAsDouble(x);
                for (int c = 0; c < 3; c++) {
                    image.set(x, y, c, a * RED_ISH[c] + (1 - a) * BLUE_ISH[c]);
                }
            }
        }
        return image;
    }

    private static Trimap rampTrimap(int width, int height) {
        return columnTrimap(width, height, 6, 54);
    }

    /** Background left of column {@code unknownFrom}, foreground from {@code foregroundFrom}, unknown between. */
    private static Trimap columnTrimap(int width, int height, int unknownFrom, int foregroundFrom) {
        byte[] labels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                labels[y * width + x] = (byte) (x < unknownFrom ? Trimap.BACKGROUND
                        : x >= foregroundFrom ? Trimap.FOREGROUND : Trimap.UNKNOWN);
            }
        }
        return new Trimap(width, height, labels);
    }

    @Test
    void reproducesALinearBlendOfTwoFlatColours() {
        int w = 60;
        int h = 24;

        Matte alpha = matting.estimate(blend(w, h), rampTrimap(w, h));

        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(alpha.get(x, y)).as("alpha at %d,%d", x, y).isCloseTo(rampAlpha(x), within(2e-3f));
            }
        }
    }

    /**
     * A soft shadow's edge on a plain surface, in a thin band: the solve starts from the distance
     * ramp, which is steeper than this blend, and must still end on the blend (a ramp start over
     * a wide band of such a blend once stopped three 8-bit levels away from it).
     */
    @Test
    void reproducesALinearBlendAcrossAThinBandFromTheRampStart() {
        int w = 80;
        int h = 40;
        // the blend spans exactly the band's ten columns
        RgbImage image = blend(w, h, x -> Math.max(0, Math.min(1, (x - 29.5) / 10)));
        Trimap trimap = columnTrimap(w, h, 30, 40);
        assertThat(ClosedFormMatting.bandDepth(trimap)).isLessThan(ClosedFormMatting.COARSE_BAND_DEPTH);

        Matte alpha = matting.estimate(image, trimap);

        for (int y = 0; y < h; y++) {
            for (int x = 30; x < 40; x++) {
                assertThat(alpha.get(x, y)).as("alpha at %d,%d", x, y).isCloseTo((x - 29.5f) / 10, within(1e-3f));
            }
        }
    }

    @Test
    void knownPixelsStayExactlyZeroOrOneAndTheRestIsInRange() {
        int w = 64;
        int h = 48;
        Random random = new Random(7);
        RgbImage noise = RgbImage.blank(w, h);
        for (int i = 0; i < noise.rgb().length; i++) {
            noise.rgb()[i] = random.nextFloat();
        }
        byte[] labels = new byte[w * h];
        for (int i = 0; i < labels.length; i++) {
            int x = i % w;
            labels[i] = (byte) (x < 20 ? Trimap.BACKGROUND : x < 40 ? Trimap.UNKNOWN : Trimap.FOREGROUND);
        }
        Trimap trimap = new Trimap(w, h, labels);

        Matte alpha = matting.estimate(noise, trimap);

        TrimapConstraints.assertRespected(alpha, trimap);
    }

    @Test
    void aTrimapWithoutUnknownPixelsIsItsOwnMatte() {
        Trimap trimap = new Trimap(3, 1, new byte[] {0, (byte) 255, 0});

        ClosedFormMatting.Result result = matting.solve(RgbImage.blank(3, 1), trimap);

        assertThat(result.matte().alpha()).containsExactly(0f, 1f, 0f);
        assertThat(result.unknowns()).isZero();
    }

    @Test
    void anAllUnknownTrimapIsRejected() {
        byte[] labels = new byte[16 * 16];
        java.util.Arrays.fill(labels, (byte) Trimap.UNKNOWN);

        assertThatThrownBy(() -> matting.estimate(RgbImage.blank(16, 16), new Trimap(16, 16, labels)))
                .isInstanceOf(UnconstrainedMatteException.class);
    }

    @Test
    void anImageTooSmallForAWindowIsRejected() {
        Trimap trimap = new Trimap(4, 2, new byte[] {0, (byte) 128, (byte) 128, (byte) 255, 0, 0, (byte) 255, (byte) 255});

        assertThatThrownBy(() -> matting.estimate(RgbImage.blank(4, 2), trimap))
                .isInstanceOf(UnconstrainedMatteException.class);
    }

    @Test
    void theSmallestSolvableImageGivesAnInRangeAlpha() {
        RgbImage image = RgbImage.blank(3, 3);
        for (int i = 0; i < 9; i++) {
            image.rgb()[3 * i] = i / 8f; // a red ramp: background left, foreground right
        }
        byte[] labels = {0, (byte) 128, (byte) 255, 0, (byte) 128, (byte) 255, 0, (byte) 128, (byte) 255};

        Matte alpha = matting.estimate(image, new Trimap(3, 3, labels));

        for (int y = 0; y < 3; y++) {
            assertThat(alpha.get(1, y)).isBetween(0f, 1f);
            assertThat(alpha.get(0, y)).isZero();
            assertThat(alpha.get(2, y)).isEqualTo(1f);
        }
    }

    @Test
    void mismatchedSizesAreRejected() {
        assertThatThrownBy(() -> matting.estimate(RgbImage.blank(8, 8), new Trimap(8, 9, new byte[72])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPreconditionerConvergesToTheSameMatte() {
        RgbImage image = blend(60, 24);
        Random random = new Random(3);
        for (int i = 0; i < image.rgb().length; i++) {
            image.rgb()[i] = Math.min(1, Math.max(0, image.rgb()[i] + 0.05f * (float) random.nextGaussian()));
        }
        Trimap trimap = rampTrimap(60, 24);
        ClosedFormMatting.Options strict = ClosedFormMatting.Options.defaults().withTolerance(1e-8);

        Matte ic = new ClosedFormMatting(strict).estimate(image, trimap);
        for (ClosedFormMatting.Preconditioning p : ClosedFormMatting.Preconditioning.values()) {
            Matte other = new ClosedFormMatting(strict.withPreconditioning(p).withCoarseToFine(false)).estimate(image, trimap);
            for (int i = 0; i < ic.alpha().length; i++) {
                assertThat(other.alpha()[i]).as("%s at %d", p, i).isCloseTo(ic.alpha()[i], within(1e-4f));
            }
        }
    }

    private static Trimap thirds(int w, int h) {
        byte[] labels = new byte[w * h];
        for (int i = 0; i < labels.length; i++) {
            int x = i % w;
            labels[i] = (byte) (x < w / 3 ? Trimap.BACKGROUND : x < 2 * w / 3 ? Trimap.UNKNOWN : Trimap.FOREGROUND);
        }
        return new Trimap(w, h, labels);
    }

    /** Mask values 0.02 or 0.98 at random: sure everywhere (the default margin is 0 px this small). */
    private static Matte sureMask(int w, int h, long seed) {
        Random random = new Random(seed);
        float[] m = new float[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextBoolean() ? 0.98f : 0.02f;
        }
        return new Matte(w, h, m);
    }

    @Test
    void withThePriorOffAMaskChangesNothing() {
        RgbImage image = NoiseImages.of(64, 48, 7);
        Trimap trimap = thirds(64, 48);
        ClosedFormMatting off = new ClosedFormMatting(ClosedFormMatting.Options.defaults(), MaskPrior.OFF);

        Matte plain = matting.estimate(image, trimap);

        assertThat(off.estimate(image, trimap, sureMask(64, 48, 1)).alpha()).containsExactly(plain.alpha());
        assertThat(matting.estimate(image, trimap, null).alpha()).containsExactly(plain.alpha());
    }

    @Test
    void aMaskThatIsNowhereSureChangesNothing() {
        RgbImage image = NoiseImages.of(64, 48, 7);
        Trimap trimap = thirds(64, 48);
        Matte unsure = new Matte(64, 48, new float[64 * 48]);
        java.util.Arrays.fill(unsure.alpha(), 0.5f);

        assertThat(matting.estimate(image, trimap, unsure).alpha())
                .containsExactly(matting.estimate(image, trimap).alpha());
    }

    @Test
    void aVeryStrongPriorReproducesTheMaskOnTheUnknowns() {
        RgbImage image = NoiseImages.of(64, 48, 7);
        Trimap trimap = thirds(64, 48);
        Matte mask = sureMask(64, 48, 1);
        ClosedFormMatting strong = new ClosedFormMatting(ClosedFormMatting.Options.defaults().withTolerance(1e-8),
                MaskPrior.defaults().withStrength(1e5));

        Matte alpha = strong.estimate(image, trimap, mask);

        for (int i = 0; i < mask.alpha().length; i++) {
            float expected = trimap.isUnknown(i) ? mask.alpha()[i] : trimap.isForeground(i) ? 1f : 0f;
            assertThat(alpha.alpha()[i]).as("alpha at %d", i).isCloseTo(expected, within(1e-3f));
        }
    }

    @Test
    void aModeratePriorMovesAlphaTowardsTheMask() {
        RgbImage image = NoiseImages.of(64, 48, 7);
        Trimap trimap = thirds(64, 48);
        Matte mask = sureMask(64, 48, 1);

        Matte plain = matting.estimate(image, trimap);
        Matte weak = new ClosedFormMatting(ClosedFormMatting.Options.defaults(), MaskPrior.defaults().withStrength(0.1))
                .estimate(image, trimap, mask);
        Matte strong = new ClosedFormMatting(ClosedFormMatting.Options.defaults(), MaskPrior.defaults())
                .estimate(image, trimap, mask);

        double plainDistance = distance(plain, mask, trimap);
        double weakDistance = distance(weak, mask, trimap);
        assertThat(weakDistance).isLessThan(plainDistance);
        assertThat(distance(strong, mask, trimap)).isLessThan(weakDistance);
    }

    @Test
    void withAPriorCoarseToFineConvergesToTheSameMatte() {
        RgbImage image = blend(120, 96);
        Random random = new Random(3);
        for (int i = 0; i < image.rgb().length; i++) {
            image.rgb()[i] = Math.min(1, Math.max(0, image.rgb()[i] + 0.05f * (float) random.nextGaussian()));
        }
        Trimap trimap = rampTrimap(120, 96);
        Matte mask = sureMask(120, 96, 2);
        ClosedFormMatting.Options strict = ClosedFormMatting.Options.defaults().withTolerance(1e-8);
        ClosedFormMatting.Options pyramid = new ClosedFormMatting.Options(strict.epsilon(), strict.tolerance(),
                strict.maxIterations(), true, 100, strict.preconditioning(), strict.settleAbove(), strict.guidedStart());

        ClosedFormMatting.Result coarse = new ClosedFormMatting(pyramid, MaskPrior.defaults()).solve(image, trimap, mask);
        Matte direct = new ClosedFormMatting(strict.withCoarseToFine(false), MaskPrior.defaults())
                .estimate(image, trimap, mask);

        assertThat(coarse.levels()).isGreaterThan(1);
        for (int i = 0; i < direct.alpha().length; i++) {
            assertThat(coarse.matte().alpha()[i]).as("alpha at %d", i).isCloseTo(direct.alpha()[i], within(1e-4f));
        }
    }

    /** Bands {@code width} columns wide ending every {@code period} columns, foreground and background alternating between them. */
    private static Trimap stripedBands(int w, int h, int period, int width) {
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int phase = x % period;
                labels[y * w + x] = (byte) (phase >= period - width ? Trimap.UNKNOWN
                        : (x / period) % 2 == 0 ? Trimap.FOREGROUND : Trimap.BACKGROUND);
            }
        }
        return new Trimap(w, h, labels);
    }

    @Test
    void bandDepthIsUnknownsPerUnknownTouchingAKnownPixel() {
        // every band ends inside the image (244 columns), so exactly its two outer columns touch known pixels
        assertThat(ClosedFormMatting.bandDepth(stripedBands(244, 100, 12, 4))).isCloseTo(2.0, within(1e-9));
        assertThat(ClosedFormMatting.bandDepth(stripedBands(244, 100, 120, 80))).isCloseTo(40.0, within(1e-9));
        assertThat(ClosedFormMatting.bandDepth(new Trimap(8, 8, new byte[64]))).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /** Known pixels scattered at random, so the neighbourhood test meets every edge, corner and direction. */
    @Test
    void bandDepthCountsKnownPixelsInAllEightDirectionsAndAtTheBorders() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int w = 1 + random.nextInt(30);
            int h = 1 + random.nextInt(30);
            byte[] labels = new byte[w * h];
            for (int i = 0; i < labels.length; i++) {
                int pick = random.nextInt(10);
                labels[i] = (byte) (pick == 0 ? Trimap.FOREGROUND : pick == 1 ? Trimap.BACKGROUND : Trimap.UNKNOWN);
            }
            Trimap trimap = new Trimap(w, h, labels);
            int unknowns = 0;
            int touching = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!trimap.isUnknown(y * w + x)) {
                        continue;
                    }
                    unknowns++;
                    boolean touches = false;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            int yy = y + dy;
                            touches |= xx >= 0 && yy >= 0 && xx < w && yy < h && !trimap.isUnknown(yy * w + xx);
                        }
                    }
                    touching += touches ? 1 : 0;
                }
            }
            double expected = touching == 0 ? Double.POSITIVE_INFINITY : (double) unknowns / touching;
            assertThat(ClosedFormMatting.bandDepth(trimap)).as("%dx%d trial %d", w, h, trial).isEqualTo(expected);
        }
    }

    @Test
    void onlyDeepBandsStartFromACoarseLevel() {
        RgbImage image = NoiseImages.of(244, 100, 5);
        Trimap thin = stripedBands(244, 100, 12, 4); // 8 000 unknowns, 2 deep
        Trimap deep = stripedBands(244, 100, 120, 80); // 16 000 unknowns, 40 deep

        assertThat(thin.unknownCount()).isGreaterThan(ClosedFormMatting.Options.defaults().coarsestUnknowns());
        assertThat(matting.solve(image, thin).levels()).isEqualTo(1);
        assertThat(matting.solve(image, deep).levels()).isGreaterThan(1);
    }

    @Test
    void theGuidedStartReachesTheSameMatteInFewerIterationsThanBilinearDoubling() throws java.io.IOException {
        Composite hair = new CompositeGenerator(BackgroundPhotos.load(Samples.dir())).generate(CompositeKind.HAIR, 480, 360, 2);
        Trimap trimap = GroundTruthTrimap.of(hair.alpha());
        ClosedFormMatting.Options guided = ClosedFormMatting.Options.defaults();
        ClosedFormMatting.Options doubled = guided.withGuidedStart(false);

        ClosedFormMatting.Result fromGuided = new ClosedFormMatting(guided).solve(hair.image(), trimap);
        ClosedFormMatting.Result fromDoubled = new ClosedFormMatting(doubled).solve(hair.image(), trimap);
        Matte exact = new ClosedFormMatting(guided.withTolerance(1e-9)).estimate(hair.image(), trimap);
        Matte exactFromDoubled = new ClosedFormMatting(doubled.withTolerance(1e-9)).estimate(hair.image(), trimap);

        assertThat(fromGuided.levels()).isGreaterThan(1);
        assertThat(fromGuided.iterations()).isLessThan(fromDoubled.iterations());
        for (int i = 0; i < exact.alpha().length; i++) {
            assertThat(exact.alpha()[i]).as("alpha at %d", i).isCloseTo(exactFromDoubled.alpha()[i], within(1e-4f));
        }
    }

    /** Solid background up to column 100, solid foreground from 140, a linear blend between. */
    private static float wideRampAlpha(int x) {
        return Math.max(0, Math.min(1, (x - 100) / 40f));
    }

    @Test
    void aLargeBandSolvesOnlyWhatItsCoarseMatteLeftUnsettled() {
        int w = 240;
        int h = 48;
        RgbImage image = blend(w, h, ClosedFormMattingTest::wideRampAlpha);
        Trimap trimap = columnTrimap(w, h, 6, 234);
        ClosedFormMatting settling = new ClosedFormMatting(ClosedFormMatting.Options.defaults().withSettleAbove(0));

        ClosedFormMatting.Result whole = matting.solve(image, trimap);
        ClosedFormMatting.Result settled = settling.solve(image, trimap);

        assertThat(whole.unknowns()).isEqualTo(trimap.unknownCount());
        // the flat sides settle at the coarse level; the 40-column blend and a few columns beside it do not
        assertThat(settled.unknowns()).isBetween(40 * h, 60 * h);
        for (int x = 0; x < w; x++) {
            assertThat(settled.matte().get(x, h / 2)).as("alpha at column %d", x)
                    .isCloseTo(wideRampAlpha(x), within(2e-3f));
        }
    }

    @Test
    void aMaskOfAnotherSizeIsRejected() {
        assertThatThrownBy(() -> matting.estimate(NoiseImages.of(64, 48, 7), thirds(64, 48), Matte.blank(48, 64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Mean |alpha - mask| over the unknowns. */
    private static double distance(Matte alpha, Matte mask, Trimap trimap) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < mask.alpha().length; i++) {
            if (trimap.isUnknown(i)) {
                sum += Math.abs(alpha.alpha()[i] - mask.alpha()[i]);
                n++;
            }
        }
        return sum / n;
    }
}
