package dev.autohair.pipeline.output;

import java.util.regex.Pattern;

/** An opaque sRGB colour to flatten a cutout onto, components in [0, 1]. */
public record BackgroundColour(float red, float green, float blue) {

    private static final Pattern HEX = Pattern.compile("#?[0-9a-fA-F]{6}");

    public BackgroundColour {
        for (float c : new float[] {red, green, blue}) {
            if (!(c >= 0f && c <= 1f)) {
                throw new IllegalArgumentException("colour components must be in [0, 1], got " + c);
            }
        }
    }

    /** Parses "RRGGBB" or "#RRGGBB", as web colours are written. */
    public static BackgroundColour parseHex(String text) {
        if (!HEX.matcher(text).matches()) {
            throw new IllegalArgumentException("background colour '" + text + "' is not RRGGBB hex, e.g. FFFFFF for white");
        }
        int rgb = Integer.parseInt(text.startsWith("#") ? text.substring(1) : text, 16);
        return new BackgroundColour((rgb >> 16 & 0xFF) / 255f, (rgb >> 8 & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    public String toHex() {
        return String.format("%02X%02X%02X", Math.round(red * 255), Math.round(green * 255), Math.round(blue * 255));
    }
}
