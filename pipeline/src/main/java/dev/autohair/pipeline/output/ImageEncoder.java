package dev.autohair.pipeline.output;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.OpenCvImages;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Pixels to file bytes through OpenCV's codecs (libpng, libwebp). */
public final class ImageEncoder {

    /** zlib level 3: most of level 9's size at a fraction of its time. */
    private static final int PNG_COMPRESSION = 3;
    /** Visually lossless colour; libwebp keeps the alpha plane lossless regardless. */
    private static final int WEBP_QUALITY = 90;

    /** An RGBA image: the cutout's colours with its alpha. */
    public byte[] encodeCutout(Cutout cutout, OutputFormat format) {
        try (Mat bgra = OpenCvImages.toBgra(cutout.foreground(), cutout.alpha())) {
            return encode(bgra, format);
        }
    }

    /** An opaque RGB image, e.g. a cutout flattened onto a background colour. */
    public byte[] encodeOpaque(RgbImage image, OutputFormat format) {
        try (Mat bgr = OpenCvImages.toBgr(image)) {
            return encode(bgr, format);
        }
    }

    /** An 8-bit grey PNG: the matte, a mask or a trimap as a picture. Always PNG, so it stays lossless. */
    public byte[] encodeGray(Matte matte) {
        try (Mat gray = OpenCvImages.toGray(matte)) {
            return encode(gray, OutputFormat.PNG);
        }
    }

    private static byte[] encode(Mat mat, OutputFormat format) {
        int[] params = format == OutputFormat.PNG
                ? new int[] {IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION}
                : new int[] {IMWRITE_WEBP_QUALITY, WEBP_QUALITY};
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
