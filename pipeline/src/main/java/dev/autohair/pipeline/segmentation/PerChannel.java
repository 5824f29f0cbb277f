package dev.autohair.pipeline.segmentation;

/** One value per colour channel, always in R, G, B order whatever order the model reads. */
public record PerChannel(float r, float g, float b) {

    public static final PerChannel ZERO = new PerChannel(0, 0, 0);
    public static final PerChannel ONE = new PerChannel(1, 1, 1);

    public float get(int rgbIndex) {
        return switch (rgbIndex) {
            case 0 -> r;
            case 1 -> g;
            case 2 -> b;
            default -> throw new IndexOutOfBoundsException("colour channel " + rgbIndex);
        };
    }

    /** As in a model file: {@code [r, g, b]}. */
    @Override
    public String toString() {
        return "[" + r + ", " + g + ", " + b + "]";
    }
}
