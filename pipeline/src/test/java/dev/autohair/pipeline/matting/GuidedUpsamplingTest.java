package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.testing.NoiseImages;
import org.junit.jupiter.api.Test;

class GuidedUpsamplingTest {

    /** An alpha that is one linear function of the colours everywhere: what the matting model assumes in each window. */
    private static float linear(float[] rgb, int pixel) {
        return 0.2f + 0.3f * rgb[3 * pixel] + 0.2f * rgb[3 * pixel + 1] + 0.1f * rgb[3 * pixel + 2];
    }

    private static Matte linearMatte(RgbImage image) {
        float[] alpha = new float[image.pixelCount()];
        for (int p = 0; p < alpha.length; p++) {
            alpha[p] = linear(image.rgb(), p);
        }
        return new Matte(image.width(), image.height(), alpha);
    }

    /** Unknown everywhere but the first column (background), which anchors the system. */
    private static Trimap unknownButTheFirstColumn(int w, int h) {
        byte[] labels = new byte[w * h];
        for (int p = 0; p < labels.length; p++) {
            labels[p] = (byte) (p % w == 0 ? Trimap.BACKGROUND : Trimap.UNKNOWN);
        }
        return new Trimap(w, h, labels);
    }

    @Test
    void aMatteLinearInTheColoursComesBackAtFullSizeWhereBilinearDoublingBlursIt() {
        int w = 67; // odd sizes: the last coarse column and row average a pixel with itself
        int h = 41;
        RgbImage image = NoiseImages.of(w, h, 11);
        Matte coarse = linearMatte(Pyramid.halve(image));
        MattingSystem system = MattingSystem.build(image, unknownButTheFirstColumn(w, h), 1e-7);

        double[] guided = GuidedUpsampling.onto(coarse, image, system);
        double[] doubled = Pyramid.doubledOnto(coarse, system);

        double guidedWorst = 0;
        double doubledWorst = 0;
        for (int i = 0; i < system.unknownCount(); i++) {
            int p = system.unknownPixel[i];
            float truth = linear(image.rgb(), p);
            guidedWorst = Math.max(guidedWorst, Math.abs(guided[system.unknownExt[i]] - truth));
            doubledWorst = Math.max(doubledWorst, Math.abs(doubled[system.unknownExt[i]] - truth));
        }
        // noise colours vary by ~0.3 in a window, so the regulariser shrinks the fit by ~1e-4
        assertThat(guidedWorst).isLessThan(2e-3);
        assertThat(doubledWorst).as("noise is what bilinear doubling cannot recover").isGreaterThan(0.1);
    }

    @Test
    void theStartStaysInRangeAndIsZeroOffTheUnknowns() {
        int w = 40;
        int h = 30;
        RgbImage image = NoiseImages.of(w, h, 5);
        float[] wild = new float[20 * 15];
        for (int p = 0; p < wild.length; p++) {
            wild[p] = p % 3 == 0 ? 1 : 0; // an alpha no colour line explains: fits overshoot
        }
        MattingSystem system = MattingSystem.build(image, unknownButTheFirstColumn(w, h), 1e-7);

        double[] start = GuidedUpsampling.onto(new Matte(20, 15, wild), image, system);

        boolean[] isUnknown = new boolean[start.length];
        for (int i = 0; i < system.unknownCount(); i++) {
            isUnknown[system.unknownExt[i]] = true;
        }
        for (int e = 0; e < start.length; e++) {
            assertThat(start[e]).as("entry %d", e).isBetween(0.0, isUnknown[e] ? 1.0 : 0.0);
        }
    }
}
