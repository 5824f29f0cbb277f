package dev.autohair.quality;

/** The foreground colour of a layer at a pixel. */
@FunctionalInterface
interface Paint {

    /** Writes R, G, B in [0, 1] for pixel (x, y) into {@code rgb}. */
    void colourAt(int x, int y, float[] rgb);

    static Paint solid(float r, float g, float b) {
        return (x, y, rgb) -> {
            rgb[0] = r;
            rgb[1] = g;
            rgb[2] = b;
        };
    }
}
