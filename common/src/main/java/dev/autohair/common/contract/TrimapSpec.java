package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How the trimap's unknown band is made from the segmentation; the wire field {@code mode} picks the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "mode")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TrimapSpec.Auto.class, name = "auto"),
        @JsonSubTypes.Type(value = TrimapSpec.Band.class, name = "band"),
        @JsonSubTypes.Type(value = TrimapSpec.Confidence.class, name = "confidence")
})
public sealed interface TrimapSpec {

    /** A band scaled to the image size: the default. */
    record Auto() implements TrimapSpec {
    }

    /** Erode the mask by {@code erosion} px for certain foreground; an unknown band {@code size} px wide around it. */
    record Band(int size, int erosion) implements TrimapSpec {
        static final int MAX_PX = 1024;

        public Band {
            if (size < 1 || size > MAX_PX) {
                throw new ConstraintException("minimum", "trimap band size must be 1-" + MAX_PX + " px, got " + size);
            }
            if (erosion < 0 || erosion > MAX_PX) {
                throw new ConstraintException("minimum", "trimap erosion must be 0-" + MAX_PX + " px, got " + erosion);
            }
        }
    }

    /** Soft-mask thresholds: below {@code low} background, above {@code high} foreground, unknown between. */
    record Confidence(double low, double high) implements TrimapSpec {
        public Confidence {
            if (!(low >= 0 && high <= 1)) {
                throw new ConstraintException("maximum", "confidence thresholds must lie in [0, 1], got " + low + ", " + high);
            }
            if (!(low < high)) {
                throw new ConstraintException("lowBelowHigh",
                        "confidence low (" + low + ") must be less than high (" + high + ")");
            }
        }
    }

    static TrimapSpec auto() {
        return new Auto();
    }
}
