package dev.autohair.cli;

import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.pipeline.trimap.ScaledBand;
import dev.autohair.pipeline.trimap.TrimapBand;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import dev.autohair.pipeline.trimap.TrimapSettings;

/** Parses {@code --band}: {@code auto}, {@code SIZE[:EROSION]} or {@code confidence[:LOW:HIGH]}. */
final class TrimapOption {

    private TrimapOption() {
    }

    static TrimapGenerator parse(String spec) {
        try {
            return new AutomaticTrimap(settings(spec.trim()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--band " + spec + ": " + e.getMessage()
                    + " (use auto, SIZE, SIZE:EROSION, confidence or confidence:LOW:HIGH)");
        }
    }

    private static TrimapSettings settings(String spec) {
        if (spec.equals("auto")) {
            return TrimapSettings.scaledToImage();
        }
        String[] parts = spec.split(":");
        if (parts[0].equals("confidence")) {
            if (parts.length == 1) {
                return TrimapSettings.confidence(ScaledBand.DEFAULT, TrimapSettings.DEFAULT_LOW, TrimapSettings.DEFAULT_HIGH);
            }
            if (parts.length == 3) {
                return TrimapSettings.confidence(ScaledBand.DEFAULT, parseFloat(parts[1]), parseFloat(parts[2]));
            }
            throw new IllegalArgumentException("confidence takes both thresholds or neither");
        }
        if (parts.length > 2) {
            throw new IllegalArgumentException("too many parts");
        }
        int size = parseInt(parts[0]);
        // Without an explicit erosion, keep the sure foreground half a band inside the mask edge.
        int erosion = parts.length == 2 ? parseInt(parts[1]) : Math.max(1, (size + 1) / 2);
        return TrimapSettings.binary(new TrimapBand(size, erosion));
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of pixels");
        }
    }

    private static float parseFloat(String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number between 0 and 1");
        }
    }
}
