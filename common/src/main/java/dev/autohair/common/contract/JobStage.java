package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The steps of one job that timings and status events name; lower-case on the wire. */
public enum JobStage {
    FETCH,
    DECODE,
    SEGMENT,
    TRIMAP,
    MATTE,
    COLOUR,
    ENCODE,
    STORE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStage fromWireName(String name) {
        for (JobStage stage : values()) {
            if (stage.wireName().equals(name)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + name + "'");
    }
}
