package dev.autohair.pipeline.output;

/** An axis-aligned pixel rectangle: columns x..x+width-1, rows y..y+height-1. */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid region " + x + "," + y + " " + width + "x" + height);
        }
    }
}
