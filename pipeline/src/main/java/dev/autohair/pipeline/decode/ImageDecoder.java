package dev.autohair.pipeline.decode;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.OpenCvImages;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encoded bytes to pixels, safely: size caps first, then the header (format, canvas size,
 * truncation), then OpenCV's decoder, which also turns the picture upright from its EXIF
 * orientation.
 */
public final class ImageDecoder {

    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws InvalidImageException (unsupported, corrupt or too large) with a message for the uploader
     */
    public RgbImage decode(byte[] bytes) {
        checkHeader(bytes);
        try (Mat encoded = OpenCvImages.encodedBytes(bytes); Mat bgr = imdecode(encoded, IMREAD_COLOR)) {
            if (bgr == null || bgr.empty()) {
                throw new CorruptImageException("the image data could not be decoded; the file is damaged");
            }
            return OpenCvImages.fromBgr(bgr);
        }
    }

    /** Decodes a mask or trimap: any image, read as 8-bit grey (colour is averaged). */
    public Matte decodeGray(byte[] bytes) {
        checkHeader(bytes);
        try (Mat encoded = OpenCvImages.encodedBytes(bytes); Mat gray = imdecode(encoded, IMREAD_GRAYSCALE)) {
            if (gray == null || gray.empty()) {
                throw new CorruptImageException("the image data could not be decoded; the file is damaged");
            }
            return OpenCvImages.fromGray(gray);
        }
    }

    private void checkHeader(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw new ImageTooLargeException("the file has " + bytes.length + " bytes, over the limit of "
                    + limits.maxBytes() + "; send a smaller file or raise the byte limit");
        }
        ImageHeader header = ImageHeader.parse(bytes);
        if (header.pixels() > limits.maxPixels()) {
            throw new ImageTooLargeException("the image is " + header.width() + "x" + header.height() + " ("
                    + header.pixels() + " pixels), over the limit of " + limits.maxPixels()
                    + "; downscale it or raise the pixel limit");
        }
    }
}
