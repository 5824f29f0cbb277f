package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

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

    /** The state a job reaches when this stage is done, for the stages that mark one. */
    public Optional<JobState> milestone() {
        return Optional.ofNullable(switch (this) {
            case DECODE -> JobState.FETCHED;
            case SEGMENT -> JobState.SEGMENTED;
            case MATTE -> JobState.MATTED;
            case STORE -> JobState.STORED;
            default -> null;
        });
    }

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
