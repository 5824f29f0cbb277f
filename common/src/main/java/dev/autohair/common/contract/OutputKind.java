package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The images a job can ask for; lower-case on the wire and in object keys. */
public enum OutputKind {
    /** The subject with alpha, or composed on the background colour. */
    CUTOUT,
    /** The alpha matte as a greyscale image. */
    MATTE,
    /** Debugging: the trimap the matting started from. */
    TRIMAP,
    /** Debugging: the segmentation mask. */
    MASK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OutputKind fromWireName(String name) {
        for (OutputKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown output kind '" + name + "'; use cutout, matte, trimap or mask");
    }
}
