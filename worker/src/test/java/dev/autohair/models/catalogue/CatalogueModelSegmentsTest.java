package dev.autohair.models.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.Assembly;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.segmentation.DjlSegmenter;
import dev.autohair.pipeline.segmentation.ModelEngine;
import dev.autohair.pipeline.segmentation.OutputContract;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AUTOHAIR_SEGMENTATION_MODEL=u2netp "just works" once u2netp is in the model cache: the name
 * resolves to the installed file with the catalogue's built-in contract, and DJL's ONNX Runtime
 * runs it. The tiny rembg-like fixture stands in for the real file, placed where the installer
 * puts u2netp (the test's hook around the published checksum). Its raw output only spans
 * [0.4, 0.6], so the clear red/blue split below also shows the contract's min-max normalisation.
 */
class CatalogueModelSegmentsTest {

    @TempDir
    Path cache;

    @Test
    void anInstalledCatalogueNameLoadsAndSegmentsWithItsBuiltInContract() throws Exception {
        CatalogueModel u2netp = ModelCatalogue.REMBG.require("u2netp");
        Path installed = new InstalledModels(ModelCatalogue.REMBG, cache).file(u2netp);
        Files.createDirectories(installed.getParent());
        Files.copy(LoopbackModelServer.FIXTURE, installed);

        SegmentationModelSpec spec = Assembly.segmentationSpec(Optional.of(Path.of("u2netp")), () -> cache);

        assertThat(spec.engine()).isEqualTo(ModelEngine.ONNX);
        assertThat(spec.input().width()).isEqualTo(320);
        assertThat(spec.input().mean().r()).isEqualTo(0.485f);
        assertThat(spec.output().normalise()).isEqualTo(OutputContract.Normalisation.MIN_MAX);
        try (DjlSegmenter segmenter = DjlSegmenter.load(spec)) {
            Matte mask = segmenter.segment(List.of(redLeftBlueRight(400, 240))).get(0);

            assertThat(segmenter.modelName()).isEqualTo("u2netp");
            assertThat(mask.width()).isEqualTo(400);
            assertThat(mean(mask, 10, 10, 180, 230)).isGreaterThan(0.98);
            assertThat(mean(mask, 220, 10, 390, 230)).isLessThan(0.02);
        }
    }

    private static RgbImage redLeftBlueRight(int w, int h) {
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean red = x < w / 2;
                int i = (y * w + x) * 3;
                rgb[i] = red ? 0.9f : 0.2f;
                rgb[i + 1] = red ? 0.1f : 0.2f;
                rgb[i + 2] = red ? 0.1f : 0.9f;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static double mean(Matte m, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += m.alpha()[y * m.width() + x];
            }
        }
        return sum / ((double) (x1 - x0) * (y1 - y0));
    }
}
