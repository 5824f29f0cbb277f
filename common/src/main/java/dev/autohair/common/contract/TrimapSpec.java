package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the trimap's unknown band is made from the mask; the wire field {@code mode} picks the kind.
 * Jobs carry it as JSON, the command line as {@code --band} text ({@link #parse}); both mean the
 * same band.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "mode")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TrimapSpec.Auto.class, name = "auto"),
        @JsonSubTypes.Type(value = TrimapSpec.Adaptive.class, name = "adaptive"),
        @JsonSubTypes.Type(value = TrimapSpec.Scaled.class, name = "scaled"),
        @JsonSubTypes.Type(value = TrimapSpec.Band.class, name = "band"),
        @JsonSubTypes.Type(value = TrimapSpec.Confidence.class, name = "confidence")
})
public sealed interface TrimapSpec {

    double DEFAULT_LOW = 0.05;
    double DEFAULT_HIGH = 0.95;

    /** The default: the band fitted to the mask ({@link Adaptive}). */
    record Auto() implements TrimapSpec {
        @Override
        public String toText() {
            return "auto";
        }
    }

    /**
     * A band fitted to the mask, what {@code auto} means: every pixel where it is unsure is
     * unknown unless the mask is flat there (a network's doubt rather than an edge), and the sure
     * regions are pulled back by a share of its measured edge width; a hard mask gets the scaled
     * band. Named for jobs that want this band whatever the default becomes.
     */
    record Adaptive() implements TrimapSpec {
        @Override
        public String toText() {
            return "adaptive";
        }
    }

    /**
     * The seed's band, the default until the adaptive one: the mask binarised at 0.5, dilated by 2 %
     * and eroded by 1 % of the image diagonal, whatever the mask says about its own softness.
     */
    record Scaled() implements TrimapSpec {
        @Override
        public String toText() {
            return "scaled";
        }
    }

    /**
     * A fixed band: the mask is eroded by {@code erosion} px for the sure foreground and dilated by
     * {@code size} px for the unknown band. Without an erosion, the sure foreground stays half a band
     * inside the mask's edge (⌈size / 2⌉ px), so hair inside the edge is matted too.
     */
    record Band(int size, int erosion) implements TrimapSpec {
        static final int MAX_PX = 1024;

        public Band {
            if (size < 1 || size > MAX_PX) {
                throw new ConstraintException(size < 1 ? "minimum" : "maximum",
                        "trimap band size must be 1-" + MAX_PX + " px, got " + size);
            }
            if (erosion < 0 || erosion > MAX_PX) {
                throw new ConstraintException(erosion < 0 ? "minimum" : "maximum",
                        "trimap erosion must be 0-" + MAX_PX + " px, got " + erosion);
            }
        }

        @JsonCreator
        static Band fromJson(@JsonProperty("size") int size, @JsonProperty("erosion") Integer erosion) {
            return erosion == null ? withDefaultErosion(size) : new Band(size, erosion);
        }

        public static Band withDefaultErosion(int size) {
            return new Band(size, Math.max(1, (size + 1) / 2));
        }

        @Override
        public String toText() {
            return size + ":" + erosion;
        }
    }

    /** Soft-mask thresholds: below {@code low} background, above {@code high} foreground, unknown between. */
    record Confidence(double low, double high) implements TrimapSpec {
        public Confidence {
            if (!(low >= 0 && low <= 1)) {
                throw new ConstraintException(low < 0 ? "minimum" : "maximum",
                        "confidence low threshold must lie in [0, 1], got " + low);
            }
            if (!(high >= 0 && high <= 1)) {
                throw new ConstraintException(high < 0 ? "minimum" : "maximum",
                        "confidence high threshold must lie in [0, 1], got " + high);
            }
            if (!(low < high)) {
                throw new ConstraintException("lowBelowHigh",
                        "confidence low (" + low + ") must be less than high (" + high + ")");
            }
        }

        @Override
        public String toText() {
            return "confidence:" + low + ":" + high;
        }
    }

    static TrimapSpec auto() {
        return new Auto();
    }

    /** The {@code --band} text that means this spec. */
    String toText();

    /**
     * Reads the command line's form: {@code auto}, {@code adaptive}, {@code scaled}, {@code SIZE},
     * {@code SIZE:EROSION},
     * {@code confidence} or {@code confidence:LOW:HIGH}.
     *
     * @throws IllegalArgumentException with what is wrong and the accepted forms
     */
    static TrimapSpec parse(String text) {
        String spec = text.trim();
        try {
            if (spec.equals("auto")) {
                return auto();
            }
            if (spec.equals("adaptive")) {
                return new Adaptive();
            }
            if (spec.equals("scaled")) {
                return new Scaled();
            }
            String[] parts = spec.split(":", -1);
            if (parts[0].equals("confidence")) {
                if (parts.length == 1) {
                    return new Confidence(DEFAULT_LOW, DEFAULT_HIGH);
                }
                if (parts.length == 3) {
                    return new Confidence(number(parts[1]), number(parts[2]));
                }
                throw new IllegalArgumentException("confidence takes both thresholds or neither");
            }
            if (parts.length == 1) {
                return Band.withDefaultErosion(pixels(parts[0]));
            }
            if (parts.length == 2) {
                return new Band(pixels(parts[0]), pixels(parts[1]));
            }
            throw new IllegalArgumentException("too many parts");
        } catch (IllegalArgumentException e) { // ConstraintException included
            throw new IllegalArgumentException("band '" + text + "': " + e.getMessage()
                    + " (use auto, adaptive, scaled, SIZE, SIZE:EROSION, confidence or confidence:LOW:HIGH)", e);
        }
    }

    private static int pixels(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of pixels");
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number between 0 and 1");
        }
    }
}
