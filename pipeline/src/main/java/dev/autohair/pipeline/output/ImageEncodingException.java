package dev.autohair.pipeline.output;

import dev.autohair.common.contract.OutputFormat;

/** The encoder refused the image: the same image and format would fail again. */
public final class ImageEncodingException extends RuntimeException {

    public ImageEncodingException(int width, int height, OutputFormat format, RuntimeException cause) {
        super("cannot encode a " + width + "x" + height + " image as " + format.extension()
                + (format == OutputFormat.WEBP ? " (WebP allows at most 16383 px a side; ask for png)" : "")
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
