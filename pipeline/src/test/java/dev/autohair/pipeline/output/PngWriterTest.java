package dev.autohair.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import dev.autohair.pipeline.image.OpenCvImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PngWriterTest {

    /** Noise, flat runs and gradients, so that every filter wins somewhere. */
    private static byte[] pixels(int width, int height, int channels, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    int value = switch ((y / 3) % 3) {
                        case 0 -> random.nextInt(256);
                        case 1 -> 17 * c + 40;
                        default -> (x * 7 + y * 3 + c * 50) & 0xFF;
                    };
                    data[(y * width + x) * channels + c] = (byte) value;
                }
            }
        }
        return data;
    }

    private static byte[] write(int width, int height, int colourType, int channels, byte[] data) {
        return PngWriter.write(width, height, colourType,
                (y, row) -> System.arraycopy(data, y * width * channels, row, 0, width * channels));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "2, 3", "6, 4"})
    void libpngReadsBackEveryByte(int colourType, int channels) {
        for (int[] size : new int[][] {{1, 1}, {1, 9}, {13, 1}, {37, 29}, {300, 7}}) {
            byte[] data = pixels(size[0], size[1], channels, size[0] * 31L + size[1]);

            byte[] png = write(size[0], size[1], colourType, channels, data);

            try (Mat bytes = OpenCvImages.encodedBytes(png); Mat mat = imdecode(bytes, IMREAD_UNCHANGED)) {
                assertThat(mat.cols()).isEqualTo(size[0]);
                assertThat(mat.rows()).isEqualTo(size[1]);
                assertThat(mat.channels()).isEqualTo(channels);
                byte[] decoded = new byte[data.length];
                mat.data().get(decoded);
                assertThat(decoded).isEqualTo(opencvOrder(data, channels)); // OpenCV gives BGR(A)
            }
        }
    }

    private static byte[] opencvOrder(byte[] rgb, int channels) {
        byte[] out = rgb.clone();
        if (channels >= 3) {
            for (int i = 0; i < out.length; i += channels) {
                out[i] = rgb[i + 2];
                out[i + 2] = rgb[i];
            }
        }
        return out;
    }

    @Test
    void javaImageIoReadsItToo() throws Exception {
        int width = 41;
        int height = 23;
        byte[] data = pixels(width, height, 4, 5);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(write(width, height, PngWriter.RGBA, 4, data)));

        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 4;
                int argb = (data[i + 3] & 0xFF) << 24 | (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
                assertThat(image.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(argb);
            }
        }
    }

    @Test
    void aSmoothImageCompressesWellBelowItsRawSize() {
        int width = 512;
        int height = 256;
        byte[] data = new byte[width * height * 4];
        for (int i = 0; i < data.length; i++) {
            int p = i / 4;
            data[i] = (byte) ((p % width) / 2 + (p / width) / 4 + i % 4 * 9);
        }

        byte[] png = write(width, height, PngWriter.RGBA, 4, data);

        assertThat(png.length).isLessThan(data.length / 50);
    }
}
