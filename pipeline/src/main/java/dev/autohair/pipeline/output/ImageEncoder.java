package dev.autohair.pipeline.output;

import static dev.autohair.pipeline.image.OpenCvImages.toByte;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.OpenCvImages;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Pixels to file bytes: PNG through {@link PngWriter}, row by row on the heap; WebP through OpenCV's libwebp. */
public final class ImageEncoder {

    /** Visually lossless colour; libwebp keeps the alpha plane lossless regardless. */
    private static final int WEBP_QUALITY = 90;

    /** An RGBA image: the cutout's colours with its alpha. */
    public byte[] encodeCutout(Cutout cutout, OutputFormat format) {
        RgbImage colour = cutout.foreground();
        Matte alpha = cutout.alpha();
        if (format == OutputFormat.PNG) {
            float[] rgb = colour.rgb();
            float[] a = alpha.alpha();
            int width = colour.width();
            return PngWriter.write(width, colour.height(), PngWriter.RGBA, (y, row) -> {
                for (int x = 0, p = y * width; x < width; x++, p++) {
                    row[4 * x] = toByte(rgb[3 * p]);
                    row[4 * x + 1] = toByte(rgb[3 * p + 1]);
                    row[4 * x + 2] = toByte(rgb[3 * p + 2]);
                    row[4 * x + 3] = toByte(a[p]);
                }
            });
        }
        try (Mat bgra = OpenCvImages.toBgra(colour, alpha)) {
            return encodeWebp(bgra);
        }
    }

    /** An opaque RGB image, e.g. a cutout flattened onto a background colour. */
    public byte[] encodeOpaque(RgbImage image, OutputFormat format) {
        if (format == OutputFormat.PNG) {
            float[] rgb = image.rgb();
            int width = image.width();
            return PngWriter.write(width, image.height(), PngWriter.RGB, (y, row) -> {
                for (int i = 0, p = 3 * y * width; i < 3 * width; i++, p++) {
                    row[i] = toByte(rgb[p]);
                }
            });
        }
        try (Mat bgr = OpenCvImages.toBgr(image)) {
            return encodeWebp(bgr);
        }
    }

    /** An 8-bit grey PNG: the matte, a mask or a trimap as a picture. Always PNG, so it stays lossless. */
    public byte[] encodeGray(Matte matte) {
        float[] a = matte.alpha();
        int width = matte.width();
        return PngWriter.write(width, matte.height(), PngWriter.GREY, (y, row) -> {
            for (int x = 0, p = y * width; x < width; x++, p++) {
                row[x] = toByte(a[p]);
            }
        });
    }

    private static byte[] encodeWebp(Mat mat) {
        OutputFormat format = OutputFormat.WEBP;
        int[] params = {IMWRITE_WEBP_QUALITY, WEBP_QUALITY};
        try (BytePointer buffer = new BytePointer(); IntPointer p = new IntPointer(params)) {
            boolean encoded;
            try {
                encoded = imencode("." + format.extension(), mat, buffer, p);
            } catch (RuntimeException e) { // OpenCV's own exception, e.g. WebP's 16383 px limit
                throw new ImageEncodingException(mat.cols(), mat.rows(), format, e);
            }
            if (!encoded) {
                throw new ImageEncodingException(mat.cols(), mat.rows(), format, null);
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }
}
