package dev.autohair.testing;

import dev.autohair.common.image.RgbImage;
import java.util.Random;

/** Uniform noise images: reproducible by seed, with no structure a solver or a network could lean on. */
public final class NoiseImages {

    private NoiseImages() {
    }

    public static RgbImage of(int width, int height, long seed) {
        Random random = new Random(seed);
        RgbImage image = RgbImage.blank(width, height);
        for (int i = 0; i < image.rgb().length; i++) {
            image.rgb()[i] = random.nextFloat();
        }
        return image;
    }
}
