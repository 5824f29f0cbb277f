package dev.autohair.quality;

/** Fractional coverage of some pixels by one shape: pixel index (row-major) and coverage in (0, 1]. */
record Coverage(int[] pixels, float[] amounts) {

    Coverage {
        if (pixels.length != amounts.length) {
            throw new IllegalArgumentException(pixels.length + " pixels but " + amounts.length + " amounts");
        }
    }
}
