package dev.autohair.pipeline.matting.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.MaskPrior;
import dev.autohair.pipeline.matting.UnconstrainedMatteException;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class InformationFlowMattingTest {

    private static final float[] FOREGROUND = {0.9f, 0.75f, 0.2f};
    private static final float[] BACKGROUND = {0.1f, 0.25f, 0.7f};

    private final InformationFlowMatting matting = new InformationFlowMatting();

    /** A disc of radius 20 with a 10-pixel soft rim, alpha falling linearly outwards. */
    private static float discAlpha(int x, int y, int cx, int cy) {
        double r = Math.hypot(x - cx, y - cy);
        return (float) Math.max(0, Math.min(1, (30 - r) / 10));
    }

    private static RgbImage composite(int w, int h, Matte alpha) {
        RgbImage image = RgbImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float a = alpha.get(x, y);
                for (int c = 0; c < 3; c++) {
                    image.set(x, y, c, a * FOREGROUND[c] + (1 - a) * BACKGROUND[c]);
                }
            }
        }
        return image;
    }

    private static Matte disc(int w, int h, int cx, int cy) {
        Matte alpha = Matte.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                alpha.set(x, y, discAlpha(x, y, cx, cy));
            }
        }
        return alpha;
    }

    /** Unknown where 0 < alpha < 1, grown by one pixel; the rest labelled by alpha. */
    private static Trimap trimapOf(Matte alpha) {
        int w = alpha.width();
        int h = alpha.height();
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean soft = false;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.max(0, Math.min(w - 1, x + dx));
                        int yy = Math.max(0, Math.min(h - 1, y + dy));
                        float a = alpha.get(xx, yy);
                        soft |= a > 0 && a < 1;
                    }
                }
                float a = alpha.get(x, y);
                labels[y * w + x] = (byte) (soft ? Trimap.UNKNOWN : a >= 1 ? Trimap.FOREGROUND : Trimap.BACKGROUND);
            }
        }
        return new Trimap(w, h, labels);
    }

    private static Trimap labelled(int w, int h, IntBinaryOperator label) {
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = (byte) label.applyAsInt(x, y);
            }
        }
        return new Trimap(w, h, labels);
    }

    @Test
    void recoversTheSoftAlphaOfTwoFlatColoursComposited() {
        int w = 80;
        int h = 72;
        Matte truth = disc(w, h, 40, 36);
        Trimap trimap = trimapOf(truth);

        InformationFlowMatting.Result result = matting.solve(composite(w, h, truth), trimap);

        double worst = 0;
        double total = 0;
        for (int i = 0; i < truth.pixelCount(); i++) {
            double d = Math.abs(result.matte().alpha()[i] - truth.alpha()[i]);
            worst = Math.max(worst, d);
            total += d;
        }
        assertThat(result.unknowns()).isGreaterThan(1000);
        assertThat(worst).as("largest alpha error").isLessThan(0.03);
        assertThat(total / result.unknowns()).as("mean alpha error on the band").isLessThan(0.01);
    }

    @Test
    void thePapersParametersAndKnownColourMixtureRowsAlsoRecoverIt() {
        int w = 80;
        int h = 72;
        Matte truth = disc(w, h, 40, 36);
        RgbImage image = composite(w, h, truth);
        Trimap trimap = trimapOf(truth);

        for (InformationFlowMatting.Options options : new InformationFlowMatting.Options[] {
                InformationFlowMatting.Options.paper(), InformationFlowMatting.Options.defaults().withKnownRowMargin(3)}) {
            Matte alpha = new InformationFlowMatting(options).estimate(image, trimap);

            for (int i = 0; i < truth.pixelCount(); i++) {
                assertThat((double) Math.abs(alpha.alpha()[i] - truth.alpha()[i])).as("%s at %d", options, i)
                        .isLessThan(0.03);
            }
        }
    }

    @Test
    void withoutAMaskOrWithThePriorOffTheMatteIsThePlainOne() {
        int w = 80;
        int h = 72;
        Matte truth = disc(w, h, 40, 36);
        RgbImage image = composite(w, h, truth);
        Trimap trimap = trimapOf(truth);
        Matte plain = matting.estimate(image, trimap);

        assertThat(matting.estimate(image, trimap, null).alpha()).containsExactly(plain.alpha());
        assertThat(new InformationFlowMatting(InformationFlowMatting.Options.defaults(), MaskPrior.OFF)
                .estimate(image, trimap, hardMask(w, h, (x, y) -> x < 40)).alpha()).containsExactly(plain.alpha());
    }

    /**
     * Background at x < 32, subject beyond, but the background right of x = 24 has the subject's
     * colour: colours alone call it subject; the mask, sure there, says background.
     */
    @Test
    void whereTheColoursCannotTellTheMaskPriorDecides() {
        int w = 64;
        int h = 48;
        RgbImage image = RgbImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] colour = x < 24 ? BACKGROUND : FOREGROUND;
                for (int c = 0; c < 3; c++) {
                    image.set(x, y, c, colour[c]);
                }
            }
        }
        Trimap trimap = labelled(w, h, (x, y) -> x < 16 ? Trimap.BACKGROUND : x >= 44 ? Trimap.FOREGROUND
                : Trimap.UNKNOWN);
        Matte mask = hardMask(w, h, (x, y) -> x >= 32);

        Matte plain = matting.estimate(image, trimap);
        Matte guided = matting.estimate(image, trimap, mask);

        // the subject-coloured background strip, away from the mask's edge
        assertThat(meanAlpha(plain, 24, 29)).isGreaterThan(0.9);
        assertThat(meanAlpha(guided, 24, 29)).isLessThan(0.1);
        // where the mask is sure subject, both agree with it
        assertThat(meanAlpha(guided, 35, 43)).isGreaterThan(0.9);
    }

    private static Matte hardMask(int w, int h, java.util.function.BiPredicate<Integer, Integer> inside) {
        Matte mask = Matte.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mask.set(x, y, inside.test(x, y) ? 1f : 0f);
            }
        }
        return mask;
    }

    private static double meanAlpha(Matte alpha, int fromX, int toX) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < alpha.height(); y++) {
            for (int x = fromX; x <= toX; x++) {
                sum += alpha.get(x, y);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void aRowMarginBeyondTheNeighbourMarginIsRejected() {
        assertThatThrownBy(() -> InformationFlowMatting.Options.defaults().withKnownRowMargin(11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("knownRowMargin");
    }

    @Test
    void knownPixelsStayExactlyZeroOrOneAndTheRestIsInRange() {
        int w = 64;
        int h = 48;
        Random random = new Random(11);
        RgbImage noise = RgbImage.blank(w, h);
        for (int i = 0; i < noise.rgb().length; i++) {
            noise.rgb()[i] = random.nextFloat();
        }
        Trimap trimap = labelled(w, h, (x, y) -> x < 20 ? Trimap.BACKGROUND : x < 40 ? Trimap.UNKNOWN : Trimap.FOREGROUND);

        Matte alpha = matting.estimate(noise, trimap);

        for (int i = 0; i < alpha.pixelCount(); i++) {
            float a = alpha.alpha()[i];
            if (trimap.isForeground(i)) {
                assertThat(a).isEqualTo(1f);
            } else if (trimap.isBackground(i)) {
                assertThat(a).isEqualTo(0f);
            } else {
                assertThat(a).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void theSystemGrowsWithTheBandNotWithTheImage() {
        // a vertical unknown stripe 8 px wide and 40 px tall, in a small and in a 16x larger
        // image (the small one still holds the stripe's whole known margin)
        InformationFlowMatting.Result small = stripe(64, 64, 40);
        InformationFlowMatting.Result large = stripe(256, 256, 40);
        InformationFlowMatting.Result longer = stripe(256, 256, 160);

        assertThat(large.unknowns()).isEqualTo(small.unknowns());
        assertThat(large.knownNeighbours()).isEqualTo(small.knownNeighbours());
        // positions are normalised by the image size, so which neighbours are unknown shifts a little
        assertThat((double) large.nonZeros() / small.nonZeros()).isBetween(0.95, 1.05);
        // four times the band: about four times the system (ends of the stripe differ a little)
        assertThat(longer.unknowns()).isEqualTo(4 * small.unknowns());
        assertThat((double) longer.nonZeros() / small.nonZeros()).isBetween(3.6, 4.4);
        // known neighbours: the known pixels of the stripe grown by the margin, wherever it sits
        int m = matting.options().knownMargin();
        assertThat(small.knownNeighbours()).isEqualTo((8 + 2 * m) * (40 + 2 * m) - 8 * 40);
        assertThat(longer.knownNeighbours()).isEqualTo((8 + 2 * m) * (160 + 2 * m) - 8 * 160);
    }

    private InformationFlowMatting.Result stripe(int w, int h, int length) {
        RgbImage image = RgbImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // columns of colour so the neighbour graph is the same wherever the stripe sits
                float a = Math.max(0, Math.min(1, (x - 28) / 8f));
                for (int c = 0; c < 3; c++) {
                    image.set(x, y, c, a * FOREGROUND[c] + (1 - a) * BACKGROUND[c]);
                }
            }
        }
        int top = 12;
        Trimap trimap = labelled(w, h, (x, y) -> x >= 28 && x < 36 && y >= top && y < top + length
                ? Trimap.UNKNOWN : x >= 32 ? Trimap.FOREGROUND : Trimap.BACKGROUND);
        return matting.solve(image, trimap);
    }

    @Test
    void aTrimapWithNoUnknownPixelIsItsOwnMatte() {
        Trimap trimap = labelled(10, 10, (x, y) -> x < 5 ? Trimap.BACKGROUND : Trimap.FOREGROUND);

        InformationFlowMatting.Result result = matting.solve(RgbImage.blank(10, 10), trimap);

        assertThat(result.unknowns()).isZero();
        assertThat(result.matte().get(2, 2)).isEqualTo(0f);
        assertThat(result.matte().get(7, 2)).isEqualTo(1f);
    }

    @Test
    void aTrimapWithNothingKnownIsRefused() {
        Trimap trimap = labelled(10, 10, (x, y) -> Trimap.UNKNOWN);

        assertThatThrownBy(() -> matting.estimate(RgbImage.blank(10, 10), trimap))
                .isInstanceOf(UnconstrainedMatteException.class);
    }

    @Test
    void isNamedInformationFlow() {
        assertThat(matting.name()).isEqualTo("information-flow");
    }
}
