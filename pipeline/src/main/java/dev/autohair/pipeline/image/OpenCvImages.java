package dev.autohair.pipeline.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Conversions between AutoHair's float images and OpenCV's 8-bit BGR(A) matrices, in one place so
 * channel order and rounding are decided once.
 */
public final class OpenCvImages {

    private OpenCvImages() {
    }

    /** An 8-bit, 3-channel BGR matrix (what imdecode returns for colour) as an RGB image. */
    public static RgbImage fromBgr(Mat bgr) {
        if (bgr.type() != CV_8UC3 || !bgr.isContinuous()) {
            throw new IllegalArgumentException("expected a continuous 8-bit BGR matrix, got type " + bgr.type());
        }
        int width = bgr.cols();
        int height = bgr.rows();
        byte[] bytes = new byte[3 * width * height];
        bgr.data().get(bytes);
        float[] rgb = new float[bytes.length];
        for (int i = 0; i < bytes.length; i += 3) {
            rgb[i] = (bytes[i + 2] & 0xFF) / 255f;
            rgb[i + 1] = (bytes[i + 1] & 0xFF) / 255f;
            rgb[i + 2] = (bytes[i] & 0xFF) / 255f;
        }
        return new RgbImage(width, height, rgb);
    }

    /** An 8-bit single-channel matrix as a matte in [0, 1]. */
    public static Matte fromGray(Mat gray) {
        if (gray.type() != CV_8UC1 || !gray.isContinuous()) {
            throw new IllegalArgumentException("expected a continuous 8-bit grey matrix, got type " + gray.type());
        }
        byte[] bytes = new byte[gray.cols() * gray.rows()];
        gray.data().get(bytes);
        float[] alpha = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            alpha[i] = (bytes[i] & 0xFF) / 255f;
        }
        return new Matte(gray.cols(), gray.rows(), alpha);
    }

    public static Mat toBgr(RgbImage image) {
        float[] rgb = image.rgb();
        int width = image.width();
        return filled(image.height(), width, CV_8UC3, 3, (y, row) -> {
            for (int x = 0, i = 3 * y * width; x < width; x++, i += 3) {
                row[3 * x] = toByte(rgb[i + 2]);
                row[3 * x + 1] = toByte(rgb[i + 1]);
                row[3 * x + 2] = toByte(rgb[i]);
            }
        });
    }

    public static Mat toBgra(RgbImage colour, Matte alpha) {
        requireSameSize(colour, alpha);
        float[] rgb = colour.rgb();
        float[] a = alpha.alpha();
        int width = colour.width();
        return filled(colour.height(), width, CV_8UC4, 4, (y, row) -> {
            for (int x = 0, p = y * width; x < width; x++, p++) {
                row[4 * x] = toByte(rgb[3 * p + 2]);
                row[4 * x + 1] = toByte(rgb[3 * p + 1]);
                row[4 * x + 2] = toByte(rgb[3 * p]);
                row[4 * x + 3] = toByte(a[p]);
            }
        });
    }

    private interface RowFiller {
        void fill(int y, byte[] row);
    }

    /** A new matrix written one row at a time, so a 40 MP image has no full-size copy on the heap beside it. */
    private static Mat filled(int height, int width, int type, int channels, RowFiller filler) {
        Mat mat = new Mat(height, width, type);
        byte[] row = new byte[width * channels];
        BytePointer data = mat.data();
        for (int y = 0; y < height; y++) {
            filler.fill(y, row);
            data.position((long) y * row.length).put(row, 0, row.length);
        }
        data.position(0);
        return mat;
    }

    /** A byte buffer wrapped as the 1-row matrix that imdecode takes. */
    public static Mat encodedBytes(byte[] bytes) {
        Mat mat = new Mat(1, bytes.length, CV_8UC1);
        mat.data().put(bytes);
        return mat;
    }

    public static byte toByte(float value) {
        float clamped = value < 0f ? 0f : Math.min(value, 1f);
        return (byte) Math.round(clamped * 255f);
    }

    static void requireSameSize(RgbImage colour, Matte alpha) {
        if (!alpha.sameSizeAs(colour)) {
            throw new IllegalArgumentException("alpha " + alpha.width() + "x" + alpha.height()
                    + " does not match image " + colour.width() + "x" + colour.height());
        }
    }
}
