package dev.autohair.bench;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads the repository's samples and makes the scaled-up and composite cases. */
final class SampleImages {

    private SampleImages() {}

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("no samples/ folder above the working directory");
    }

    private static BufferedImage read(String name) {
        try {
            return ImageIO.read(dir().resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RgbImage rgb(String name) {
        BufferedImage image = read(name);
        int w = image.getWidth();
        int h = image.getHeight();
        float[] rgb = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = image.getRGB(x, y);
                int o = 3 * (y * w + x);
                rgb[o] = ((v >> 16) & 0xFF) / 255f;
                rgb[o + 1] = ((v >> 8) & 0xFF) / 255f;
                rgb[o + 2] = (v & 0xFF) / 255f;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    static Matte matte(String name) {
        BufferedImage image = read(name);
        var raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        float[] a = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = raster.getSample(x, y, 0) / 255f;
            }
        }
        return new Matte(w, h, a);
    }

    static Trimap trimap(String name) {
        Matte m = matte(name);
        byte[] labels = new byte[m.pixelCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) Math.round(m.alpha()[i] * 255);
        }
        return new Trimap(m.width(), m.height(), labels);
    }

    /** Bilinear resize, pixel centres aligned. */
    static RgbImage resize(RgbImage image, int width, int height) {
        int sw = image.width();
        int sh = image.height();
        float[] src = image.rgb();
        float[] out = new float[3 * width * height];
        for (int y = 0; y < height; y++) {
            float fy = Math.max(0, Math.min(sh - 1, (y + 0.5f) * sh / height - 0.5f));
            int y0 = (int) fy;
            int y1 = Math.min(sh - 1, y0 + 1);
            float wy = fy - y0;
            for (int x = 0; x < width; x++) {
                float fx = Math.max(0, Math.min(sw - 1, (x + 0.5f) * sw / width - 0.5f));
                int x0 = (int) fx;
                int x1 = Math.min(sw - 1, x0 + 1);
                float wx = fx - x0;
                for (int c = 0; c < 3; c++) {
                    float top = src[3 * (y0 * sw + x0) + c] * (1 - wx) + src[3 * (y0 * sw + x1) + c] * wx;
                    float bottom = src[3 * (y1 * sw + x0) + c] * (1 - wx) + src[3 * (y1 * sw + x1) + c] * wx;
                    out[3 * (y * width + x) + c] = top * (1 - wy) + bottom * wy;
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Nearest-neighbour resize, so labels stay labels. */
    static Trimap resize(Trimap trimap, int width, int height) {
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int sy = Math.min(trimap.height() - 1, (int) ((long) y * trimap.height() / height));
            for (int x = 0; x < width; x++) {
                int sx = Math.min(trimap.width() - 1, (int) ((long) x * trimap.width() / width));
                out[y * width + x] = trimap.labels()[sy * trimap.width() + sx];
            }
        }
        return new Trimap(width, height, out);
    }

    /** I = alpha F + (1 - alpha) B. */
    static RgbImage composite(RgbImage foreground, Matte alpha, RgbImage background) {
        float[] out = new float[foreground.rgb().length];
        for (int i = 0; i < alpha.pixelCount(); i++) {
            float a = alpha.alpha()[i];
            for (int c = 0; c < 3; c++) {
                out[3 * i + c] = a * foreground.rgb()[3 * i + c] + (1 - a) * background.rgb()[3 * i + c];
            }
        }
        return new RgbImage(foreground.width(), foreground.height(), out);
    }

    static double sad(Matte a, Matte b) {
        double s = 0;
        for (int i = 0; i < a.pixelCount(); i++) {
            s += Math.abs(a.alpha()[i] - b.alpha()[i]);
        }
        return s;
    }

    static double mse(Matte a, Matte b) {
        double s = 0;
        for (int i = 0; i < a.pixelCount(); i++) {
            double d = a.alpha()[i] - b.alpha()[i];
            s += d * d;
        }
        return s / a.pixelCount();
    }
}
