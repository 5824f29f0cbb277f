package dev.autohair.pipeline.output;

import java.util.Locale;

/** Encodings for cutouts: both keep the alpha channel. */
public enum OutputFormat {
    PNG(".png", "image/png"),
    WEBP(".webp", "image/webp");

    private final String extension;
    private final String contentType;

    OutputFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** Parses "png" or "webp" (any case). */
    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + name + "'; use png or webp", e);
        }
    }
}
