package dev.autohair.pipeline.matting.network;

/**
 * How a matting network sees an image: the whole image at once, resized to sides that are
 * multiples of the model's size multiple and at most {@code maxSide}; or square tiles at full
 * resolution that cover the trimap's unknown band, overlapping and blended.
 */
public sealed interface InferenceMode {

    /** The whole image, resized (both sides rounded to the model's multiple, the longer one capped). */
    record WholeImage(int maxSide) implements InferenceMode {

        public static final int DEFAULT_MAX_SIDE = 1600;

        public WholeImage {
            if (maxSide <= 0) {
                throw new IllegalArgumentException("max side must be positive, got " + maxSide);
            }
        }
    }

    /**
     * {@code size} x {@code size} tiles at full resolution over the unknown band; neighbours share
     * {@code overlap} pixels, across which their alphas cross-fade linearly.
     */
    record Tiles(int size, int overlap) implements InferenceMode {

        public static final int DEFAULT_SIZE = 320;
        public static final int DEFAULT_OVERLAP = 64;

        public Tiles {
            if (size <= 0 || overlap < 0 || overlap >= size) {
                throw new IllegalArgumentException("tiles need size > overlap >= 0, got size " + size + ", overlap " + overlap);
            }
        }

        int stride() {
            return size - overlap;
        }
    }

    static InferenceMode wholeImage() {
        return new WholeImage(WholeImage.DEFAULT_MAX_SIDE);
    }

    static InferenceMode tiles() {
        return new Tiles(Tiles.DEFAULT_SIZE, Tiles.DEFAULT_OVERLAP);
    }

    /**
     * Parses {@code whole[:MAX_SIDE]} or {@code tiles[:SIZE[:OVERLAP]]}, e.g. {@code whole},
     * {@code whole:1024}, {@code tiles:320:64}.
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    static InferenceMode parse(String spec) {
        String[] parts = spec.trim().split(":", -1);
        try {
            if (parts[0].equals("whole") && parts.length <= 2) {
                return new WholeImage(parts.length == 2 ? Integer.parseInt(parts[1]) : WholeImage.DEFAULT_MAX_SIDE);
            }
            if (parts[0].equals("tiles") && parts.length <= 3) {
                int size = parts.length >= 2 ? Integer.parseInt(parts[1]) : Tiles.DEFAULT_SIZE;
                int overlap = parts.length == 3 ? Integer.parseInt(parts[2]) : Math.min(Tiles.DEFAULT_OVERLAP, size / 5);
                return new Tiles(size, overlap);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + spec + "' is not an inference mode; use whole[:MAX_SIDE] or tiles[:SIZE[:OVERLAP]],"
                + " e.g. whole, whole:1024, tiles, tiles:320:64");
    }
}
