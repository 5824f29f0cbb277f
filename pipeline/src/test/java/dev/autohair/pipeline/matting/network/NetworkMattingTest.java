package dev.autohair.pipeline.matting.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.testing.NoiseImages;
import dev.autohair.testing.TrimapConstraints;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Network matting through DJL's real PyTorch engine and real TorchScript fixtures. */
class NetworkMattingTest {

    private static final MattingModelContract PROBE = MattingModelContract.DEEP_IMAGE_MATTING.named("probe");
    private static final InferenceMode WHOLE = InferenceMode.wholeImage();

    @Test
    void preProcessingNormalisesWithTheContractsMeanAndStdAndAppendsTrimapOver255() {
        RgbImage image = NoiseImages.of(96, 64, 1);
        Trimap trimap = Fixtures.ring(96, 64, 20, 30);
        try (NetworkMatting matting = NetworkMatting.load(Fixtures.probeTrimap(), PROBE, WHOLE, 4)) {
            Matte alpha = matting.estimate(image, trimap);
            float[] mean = RgbNormalisation.IMAGENET.mean();
            float[] std = RgbNormalisation.IMAGENET.std();
            int checked = 0;
            for (int i = 0; i < alpha.pixelCount(); i++) {
                if (trimap.isUnknown(i)) {
                    assertThat(alpha.alpha()[i]).as("pixel %d", i).isCloseTo(Fixtures.probe(image, trimap, i, mean, std), within(1e-5f));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(1000);
        }
    }

    @Test
    void anotherNormalisationGivesTheOutputOfThatNormalisation() {
        RgbImage image = NoiseImages.of(64, 64, 2);
        Trimap trimap = Fixtures.filled(64, 64, Trimap.UNKNOWN);
        MattingModelContract raw = new MattingModelContract("probe-raw", RgbNormalisation.NONE, TrimapChannel.DIVIDED_BY_255, 32);
        try (NetworkMatting imagenet = NetworkMatting.load(Fixtures.probeTrimap(), PROBE, WHOLE, 4);
                NetworkMatting plain = NetworkMatting.load(Fixtures.probeTrimap(), raw, WHOLE, 4)) {
            float[] a = imagenet.estimate(image, trimap).alpha();
            float[] b = plain.estimate(image, trimap).alpha();
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(Fixtures.probe(image, trimap, i, new float[3], new float[] {1, 1, 1}), within(1e-5f));
            }
            assertThat(a[0]).isNotCloseTo(b[0], within(1e-3f));
        }
    }

    @Test
    void knownRegionsAreExactlyZeroOrOne() {
        RgbImage image = Fixtures.picture(150, 100);
        Trimap trimap = Fixtures.ring(150, 100, 30, 12);
        for (InferenceMode mode : List.of(WHOLE, new InferenceMode.Tiles(64, 16))) {
            try (NetworkMatting matting = NetworkMatting.load(Fixtures.tinyDim(), MattingModelContract.DEEP_IMAGE_MATTING, mode, 4)) {
                Matte alpha = matting.estimate(image, trimap);
                assertThat(alpha.width()).isEqualTo(150);
                assertThat(alpha.height()).isEqualTo(100);
                TrimapConstraints.assertRespected(alpha, trimap);
            }
        }
    }

    @Test
    void theNetworkFillsTheUnknownBand() {
        RgbImage image = Fixtures.picture(150, 100);
        Trimap trimap = Fixtures.ring(150, 100, 30, 12);
        try (NetworkMatting matting = NetworkMatting.load(Fixtures.tinyDim(), MattingModelContract.DEEP_IMAGE_MATTING, WHOLE, 4)) {
            float[] alpha = matting.estimate(image, trimap).alpha();
            long fractional = 0;
            for (int i = 0; i < alpha.length; i++) {
                if (trimap.isUnknown(i) && alpha[i] > 0.01f && alpha[i] < 0.99f) {
                    fractional++;
                }
            }
            assertThat(fractional).isEqualTo(trimap.unknownCount());
        }
    }

    @Test
    void tilesAgreeWithTheWholeImageForAPerPixelNetwork() {
        // A per-pixel network sees the same values in every tile, so blending must reproduce them.
        RgbImage image = NoiseImages.of(200, 150, 3);
        Trimap trimap = Fixtures.ring(200, 150, 45, 40);
        try (NetworkMatting tiles = NetworkMatting.load(Fixtures.probeTrimap(), PROBE, new InferenceMode.Tiles(64, 16), 3)) {
            float[] alpha = tiles.estimate(image, trimap).alpha();
            float[] mean = RgbNormalisation.IMAGENET.mean();
            float[] std = RgbNormalisation.IMAGENET.std();
            for (int i = 0; i < alpha.length; i++) {
                if (trimap.isUnknown(i)) {
                    assertThat(alpha[i]).as("pixel %d", i).isCloseTo(Fixtures.probe(image, trimap, i, mean, std), within(1e-5f));
                }
            }
        }
    }

    @Test
    void oneTileOverTheWholeImageIsTheWholeImageInference() {
        // The real architecture: at 320x320 one 320 tile and the whole image see the same input.
        RgbImage image = Fixtures.picture(320, 320);
        Trimap trimap = Fixtures.ring(320, 320, 100, 40);
        MattingModelContract dim = MattingModelContract.DEEP_IMAGE_MATTING;
        try (NetworkMatting whole = NetworkMatting.load(Fixtures.tinyDim(), dim, WHOLE, 4);
                NetworkMatting tiles = NetworkMatting.load(Fixtures.tinyDim(), dim, InferenceMode.tiles(), 4)) {
            assertThat(tiles.estimate(image, trimap).alpha()).containsExactly(whole.estimate(image, trimap).alpha(), within(1e-5f));
        }
    }

    @Test
    void aBatchGivesWhatSingleCallsGive() {
        List<MattingInput> inputs = List.of(
                new MattingInput(Fixtures.picture(128, 96), Fixtures.ring(128, 96, 25, 10)),
                new MattingInput(NoiseImages.of(128, 96, 4), Fixtures.ring(128, 96, 30, 16)),
                new MattingInput(Fixtures.picture(100, 70), Fixtures.ring(100, 70, 20, 8)),
                new MattingInput(Fixtures.picture(64, 64), Fixtures.filled(64, 64, Trimap.FOREGROUND)));
        MattingModelContract dim = MattingModelContract.DEEP_IMAGE_MATTING;
        for (InferenceMode mode : List.of(WHOLE, new InferenceMode.Tiles(64, 16))) {
            try (NetworkMatting batched = NetworkMatting.load(Fixtures.tinyDim(), dim, mode, 8);
                    NetworkMatting single = NetworkMatting.load(Fixtures.tinyDim(), dim, mode, 1)) {
                List<Matte> together = batched.matte(inputs);
                assertThat(together).hasSize(4);
                for (int k = 0; k < inputs.size(); k++) {
                    MattingInput in = inputs.get(k);
                    assertThat(together.get(k).alpha()).as("%s, input %d", mode, k)
                            .containsExactly(single.estimate(in.image(), in.trimap()).alpha(), within(1e-4f));
                }
                assertThat(together.get(3).alpha()).containsOnly(1f);
            }
        }
    }

    @Test
    void reportsTheContractNameAndADigestOfTheFile() {
        try (NetworkMatting matting = NetworkMatting.load(Fixtures.tinyDim(), MattingModelContract.DEEP_IMAGE_MATTING, WHOLE, 1)) {
            assertThat(matting.method()).isEqualTo("deep-image-matting");
            assertThat(matting.version()).matches("sha256:[0-9a-f]{12}");
        }
    }

    @Test
    void refusesWhatCannotWork() {
        MattingModelContract dim = MattingModelContract.DEEP_IMAGE_MATTING;
        assertThatThrownBy(() -> NetworkMatting.load(Path.of("no/such/model.pt"), dim, WHOLE, 1))
                .isInstanceOf(MattingModelException.class).hasMessageContaining("not a file");
        assertThatThrownBy(() -> NetworkMatting.load(Fixtures.probeTrimapFree(), MattingModelContract.TRIMAP_FREE, WHOLE, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TrimapFreeMatting");
        assertThatThrownBy(() -> NetworkMatting.load(Fixtures.tinyDim(), dim, new InferenceMode.Tiles(100, 10), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a multiple of 32");
    }

    @Test
    void aModelThatBreaksTheContractFailsWithTheShapeItGot() {
        // The 3-channel probe given 4 channels: the engine refuses the input.
        MattingModelContract wrong = MattingModelContract.DEEP_IMAGE_MATTING.named("wrong");
        try (NetworkMatting matting = NetworkMatting.load(Fixtures.probeTrimapFree(), wrong, WHOLE, 1)) {
            assertThatThrownBy(() -> matting.estimate(Fixtures.picture(64, 64), Fixtures.ring(64, 64, 20, 8)))
                    .isInstanceOf(MattingModelException.class).hasMessageContaining("wrong");
        }
    }
}
