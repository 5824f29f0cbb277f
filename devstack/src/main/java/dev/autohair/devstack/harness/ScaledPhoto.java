package dev.autohair.devstack.harness;

import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.image.Resampler;
import dev.autohair.pipeline.output.ImageEncoder;

/** A sample photo shrunk for failure tests and the chaos run: a real image, quick on two cores. */
public final class ScaledPhoto {

    private ScaledPhoto() {
    }

    /** {@code photo} (any supported encoding) at 1 / {@code divisor} of its size, as PNG. */
    public static byte[] png(byte[] photo, int divisor) {
        RgbImage full = new ImageDecoder(ImageLimits.DEFAULT).decode(photo);
        RgbImage small = Resampler.resize(full, full.width() / divisor, full.height() / divisor);
        return new ImageEncoder().encodeOpaque(small, OutputFormat.PNG);
    }
}
