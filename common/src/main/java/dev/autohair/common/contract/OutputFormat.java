package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How stored images are encoded; lower-case on the wire. */
public enum OutputFormat {
    PNG("png", "image/png"),
    WEBP("webp", "image/webp");

    private final String extension;
    private final String contentType;

    OutputFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** File extension without the dot; also the wire name. */
    @JsonValue
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    @JsonCreator
    public static OutputFormat fromWireName(String name) {
        for (OutputFormat format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown output format '" + name + "'; use png or webp");
    }
}
