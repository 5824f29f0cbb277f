package dev.autohair.testing;

import dev.autohair.common.image.AwtImages;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Loads the repository's sample images ({@code samples/}) for tests and benchmarks. */
public final class Samples {

    private Samples() {}

    public static Path dir() {
        return RepositoryRoot.resolve("samples");
    }

    public static Path path(String name) {
        return dir().resolve(name);
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage read(String name) {
        try {
            BufferedImage image = ImageIO.read(path(name).toFile());
            if (image == null) {
                throw new IllegalStateException("not an image: " + name);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RgbImage rgb(String name) {
        return AwtImages.rgb(read(name));
    }

    /** First channel of a grey (or grey-as-RGB) image, 0..255. */
    private static int[] grey(String name, int[] size) {
        BufferedImage image = read(name);
        int w = image.getWidth();
        int h = image.getHeight();
        size[0] = w;
        size[1] = h;
        int[] out = new int[w * h];
        var raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = raster.getSample(x, y, 0);
            }
        }
        return out;
    }

    public static Trimap trimap(String name) {
        int[] size = new int[2];
        int[] g = grey(name, size);
        byte[] labels = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            labels[i] = (byte) g[i];
        }
        return new Trimap(size[0], size[1], labels);
    }

    public static Matte matte(String name) {
        int[] size = new int[2];
        int[] g = grey(name, size);
        float[] a = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            a[i] = g[i] / 255f;
        }
        return new Matte(size[0], size[1], a);
    }

    /** The top-left width x height of an image (tiling it when the image is smaller). */
    public static RgbImage fit(RgbImage image, int width, int height) {
        float[] out = new float[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sx = x % image.width();
                int sy = y % image.height();
                System.arraycopy(image.rgb(), 3 * (sy * image.width() + sx), out, 3 * (y * width + x), 3);
            }
        }
        return new RgbImage(width, height, out);
    }

    /** I = alpha F + (1 - alpha) B. */
    public static RgbImage composite(RgbImage foreground, Matte alpha, RgbImage background) {
        float[] out = new float[foreground.rgb().length];
        for (int i = 0; i < alpha.alpha().length; i++) {
            float a = alpha.alpha()[i];
            for (int c = 0; c < 3; c++) {
                out[3 * i + c] = a * foreground.rgb()[3 * i + c] + (1 - a) * background.rgb()[3 * i + c];
            }
        }
        return new RgbImage(foreground.width(), foreground.height(), out);
    }
}
