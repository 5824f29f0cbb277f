package dev.autohair.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.OpenCvImages;
import dev.autohair.pipeline.output.Cutout;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void decodesPngSampleToRgbInUnitRange() {
        RgbImage image = decoder.decode(Samples.bytes("astronaut.png"));

        assertThat(image.width()).isEqualTo(512);
        assertThat(image.height()).isEqualTo(512);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : image.rgb()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isGreaterThanOrEqualTo(0f);
        assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.9f);
    }

    @Test
    void keepsRgbChannelOrder() {
        RgbImage red = solid(8, 8, 1f, 0f, 0f);
        RgbImage decoded = decoder.decode(jpeg(red));
        assertThat(decoded.get(4, 4, 0)).isGreaterThan(0.9f);
        assertThat(decoded.get(4, 4, 2)).isLessThan(0.1f);
    }

    @Test
    void appliesExifOrientation() {
        // 40x20: left half red, right half blue. Orientation 6 = display rotated 90° clockwise,
        // so the upright picture is 20x40 with the red half on top.
        RgbImage image = RgbImage.blank(40, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                image.set(x, y, x < 20 ? 0 : 2, 1f);
            }
        }
        byte[] rotated = withExifOrientation(jpeg(image), 6);

        RgbImage upright = decoder.decode(rotated);

        assertThat(upright.width()).isEqualTo(20);
        assertThat(upright.height()).isEqualTo(40);
        assertThat(upright.get(10, 5, 0)).isGreaterThan(0.8f);
        assertThat(upright.get(10, 35, 2)).isGreaterThan(0.8f);
    }

    @Test
    void decodesWebp() {
        RgbImage image = solid(30, 10, 0.2f, 0.6f, 0.4f);
        byte[] webp = new ImageEncoder().encodeOpaque(image, OutputFormat.WEBP);

        assertThat(ImageHeader.parse(webp)).isEqualTo(new ImageHeader(ImageFormat.WEBP, 30, 10));
        RgbImage decoded = decoder.decode(webp);
        assertThat(decoded.get(15, 5, 1)).isCloseTo(0.6f, org.assertj.core.data.Offset.offset(0.05f));
    }

    @Test
    void readsJpegHeaderSize() {
        assertThat(ImageHeader.parse(jpeg(solid(33, 17, 0f, 0f, 0f))))
                .isEqualTo(new ImageHeader(ImageFormat.JPEG, 33, 17));
    }

    @Test
    void refusesBytesThatAreNoImage() {
        byte[] text = "name,price\nshirt,12\n".getBytes();
        assertThatThrownBy(() -> decoder.decode(text))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("not a JPEG, PNG or WebP");
    }

    @Test
    void refusesTruncatedPng() {
        byte[] png = Samples.bytes("astronaut.png");
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> decoder.decode(truncated))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesTruncatedJpeg() {
        byte[] jpeg = jpeg(solid(64, 64, 0.5f, 0.5f, 0.5f));
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length - 40);
        assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(CorruptImageException.class);
    }

    @Test
    void refusesDamagedPixelData() {
        byte[] png = Samples.bytes("cat.png").clone();
        for (int i = 100; i < png.length - 100; i += 7) {
            png[i] ^= 0x5A;
        }
        assertThatThrownBy(() -> decoder.decode(png)).isInstanceOf(CorruptImageException.class);
    }

    @Test
    void refusesDecompressionBombBeforeDecoding() {
        byte[] png = Samples.bytes("cat.png").clone();
        // Claim a 100000 x 100000 canvas in the IHDR chunk (width and height at bytes 16..23).
        byte[] huge = {0, 1, (byte) 0x86, (byte) 0xA0};
        System.arraycopy(huge, 0, png, 16, 4);
        System.arraycopy(huge, 0, png, 20, 4);

        assertThatThrownBy(() -> decoder.decode(png))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("100000x100000");
    }

    @Test
    void refusesFilesOverTheByteLimit() {
        ImageDecoder strict = new ImageDecoder(new ImageLimits(1000, ImageLimits.DEFAULT.maxPixels()));
        assertThatThrownBy(() -> strict.decode(Samples.bytes("cat.png")))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("bytes");
    }

    @Test
    void decodesCutoutMatteAsGray() {
        Cutout cutout = new Cutout(solid(4, 4, 1f, 1f, 1f), new dev.autohair.common.image.Matte(4, 4, new float[] {
            0, 0.25f, 0.5f, 1, 0, 0.25f, 0.5f, 1, 0, 0.25f, 0.5f, 1, 0, 0.25f, 0.5f, 1}));
        byte[] png = new ImageEncoder().encodeGray(cutout.alpha());
        assertThat(decoder.decodeGray(png).alpha()).containsExactly(cutout.alpha().alpha(),
                org.assertj.core.data.Offset.offset(1f / 255f));
    }

    static RgbImage solid(int width, int height, float r, float g, float b) {
        RgbImage image = RgbImage.blank(width, height);
        for (int p = 0; p < width * height; p++) {
            image.rgb()[3 * p] = r;
            image.rgb()[3 * p + 1] = g;
            image.rgb()[3 * p + 2] = b;
        }
        return image;
    }

    static byte[] jpeg(RgbImage image) {
        try (Mat bgr = OpenCvImages.toBgr(image); BytePointer buffer = new BytePointer()) {
            imencode(".jpg", bgr, buffer);
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /** Inserts a minimal big-endian EXIF block holding only the orientation tag right after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, // header, first IFD at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0 // no next IFD
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
