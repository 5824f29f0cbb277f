package dev.autohair.pipeline.segmentation;

import dev.autohair.common.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads the repository's sample images (tests run from the pipeline module). */
final class TestImages {

    static final Path SAMPLES = Path.of("..", "samples");

    private TestImages() {
    }

    static RgbImage sample(String file) throws IOException {
        BufferedImage image = ImageIO.read(SAMPLES.resolve(file).toFile());
        if (image == null) {
            throw new IOException("cannot decode " + file);
        }
        RgbImage rgb = RgbImage.blank(image.getWidth(), image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                rgb.set(x, y, 0, ((p >> 16) & 0xFF) / 255f);
                rgb.set(x, y, 1, ((p >> 8) & 0xFF) / 255f);
                rgb.set(x, y, 2, (p & 0xFF) / 255f);
            }
        }
        return rgb;
    }
}
