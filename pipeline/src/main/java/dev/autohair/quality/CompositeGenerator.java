package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.util.Objects;
import java.util.Random;

/**
 * Renders subjects with exactly known alpha and foreground colour and composites them over real
 * photos: image = alpha·F + (1 − alpha)·B. The same kind, size and seed always give the same
 * composite.
 */
public final class CompositeGenerator {

    private final BackgroundPhotos backgrounds;

    public CompositeGenerator(BackgroundPhotos backgrounds) {
        this.backgrounds = Objects.requireNonNull(backgrounds, "background photos");
    }

    public Composite generate(CompositeKind kind, int width, int height, long seed) {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("composites need at least 64x64 pixels to hold a subject, got "
                    + width + "x" + height);
        }
        Random random = new Random(seed * 31 + kind.ordinal());
        LayerCanvas canvas = new LayerCanvas(width, height);
        Scene.of(kind).paint(canvas, random);
        Matte alpha = canvas.alpha();
        RgbImage foreground = canvas.foreground();
        RgbImage background = backgrounds.covering((int) Math.floorMod(seed + kind.ordinal(), backgrounds.count()),
                width, height);

        float[] image = new float[3 * width * height];
        for (int i = 0; i < alpha.pixelCount(); i++) {
            float a = alpha.alpha()[i];
            for (int c = 0; c < 3; c++) {
                image[3 * i + c] = a * foreground.rgb()[3 * i + c] + (1 - a) * background.rgb()[3 * i + c];
            }
        }
        return new Composite(kind, new RgbImage(width, height, image), alpha, foreground, background);
    }
}
