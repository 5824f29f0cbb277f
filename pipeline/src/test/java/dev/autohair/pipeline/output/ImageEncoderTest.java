package dev.autohair.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.OpenCvImages;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ImageEncoderTest {

    private final ImageEncoder encoder = new ImageEncoder();

    @Test
    void pngCutoutKeepsColoursAndAlphaExactly() {
        Cutout cutout = gradientCutout();

        byte[] png = encoder.encodeCutout(cutout, OutputFormat.PNG);

        byte[] bgra = decodeUnchanged(png, 4);
        for (int p = 0; p < cutout.alpha().pixelCount(); p++) {
            assertThat(bgra[4 * p + 3]).isEqualTo(OpenCvImages.toByte(cutout.alpha().alpha()[p]));
            assertThat(bgra[4 * p + 2]).isEqualTo(OpenCvImages.toByte(cutout.foreground().rgb()[3 * p]));
        }
    }

    @Test
    void webpCutoutKeepsAnAlphaChannel() {
        Cutout cutout = gradientCutout();

        byte[] webp = encoder.encodeCutout(cutout, OutputFormat.WEBP);

        byte[] bgra = decodeUnchanged(webp, 4);
        int last = cutout.alpha().pixelCount() - 1;
        assertThat(bgra[3] & 0xFF).isLessThan(8);
        assertThat(bgra[4 * last + 3] & 0xFF).isGreaterThan(240);
    }

    private static Cutout gradientCutout() {
        int w = 32;
        int h = 16;
        RgbImage image = RgbImage.blank(w, h);
        Matte alpha = Matte.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.set(x, y, 0, x / (w - 1f));
                image.set(x, y, 1, y / (h - 1f));
                alpha.set(x, y, x / (w - 1f));
            }
        }
        return new Cutout(image, alpha);
    }

    private static byte[] decodeUnchanged(byte[] encoded, int channels) {
        try (Mat bytes = OpenCvImages.encodedBytes(encoded); Mat mat = imdecode(bytes, IMREAD_UNCHANGED)) {
            assertThat(mat.channels()).isEqualTo(channels);
            byte[] out = new byte[mat.cols() * mat.rows() * channels];
            mat.data().get(out);
            return out;
        }
    }
}
