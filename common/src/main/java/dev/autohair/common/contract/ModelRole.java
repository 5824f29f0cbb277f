package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a model did for a job; lower-case on the wire. */
public enum ModelRole {
    SEGMENTATION,
    MATTING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ModelRole fromWireName(String name) {
        for (ModelRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown model role '" + name + "'; use segmentation or matting");
    }
}
