package dev.autohair.quality;

import java.util.Random;

/** Plausible subject colours, with per-strand variation so no two strands are identical. */
final class Palette {

    private static final float[][] HAIR = {
        {0.23f, 0.14f, 0.08f}, // dark brown
        {0.07f, 0.06f, 0.05f}, // black
        {0.82f, 0.66f, 0.40f}, // blonde
        {0.52f, 0.22f, 0.10f}, // auburn
        {0.72f, 0.71f, 0.68f}, // grey
    };
    private static final float[][] FUR = {
        {0.78f, 0.48f, 0.22f}, // ginger
        {0.45f, 0.42f, 0.40f}, // grey tabby
        {0.88f, 0.82f, 0.70f}, // cream
        {0.30f, 0.20f, 0.14f}, // brown
    };
    private static final float[][] SKIN = {
        {0.90f, 0.72f, 0.60f}, {0.70f, 0.50f, 0.36f}, {0.45f, 0.30f, 0.21f},
    };

    private Palette() {
    }

    static float[] hair(Random random) {
        return HAIR[random.nextInt(HAIR.length)].clone();
    }

    static float[] fur(Random random) {
        return FUR[random.nextInt(FUR.length)].clone();
    }

    static float[] skin(Random random) {
        return SKIN[random.nextInt(SKIN.length)].clone();
    }

    static float[] clothing(Random random) {
        return new float[] {random.nextFloat() * 0.8f + 0.1f, random.nextFloat() * 0.8f + 0.1f,
            random.nextFloat() * 0.8f + 0.1f};
    }

    /** The base colour with brightness varied by ±{@code amount} and a slight per-channel tint. */
    static Paint vary(float[] base, Random random, double amount) {
        double brightness = 1 + amount * (2 * random.nextDouble() - 1);
        float[] c = new float[3];
        for (int ch = 0; ch < 3; ch++) {
            double tint = 1 + 0.05 * (2 * random.nextDouble() - 1);
            c[ch] = (float) Math.min(1, Math.max(0, base[ch] * brightness * tint + 0.02 * random.nextGaussian()));
        }
        return Paint.solid(c[0], c[1], c[2]);
    }

    /** A lit-from-the-left solid: brighter on one side, so the body is not a flat colour. */
    static Paint shaded(float[] base, double centreX, double halfWidth) {
        return (x, y, rgb) -> {
            double u = Math.max(-1, Math.min(1, (x - centreX) / halfWidth));
            double light = 0.75 + 0.25 * Math.cos((u + 0.3) * Math.PI / 2);
            for (int ch = 0; ch < 3; ch++) {
                rgb[ch] = (float) Math.min(1, base[ch] * light);
            }
        };
    }
}
