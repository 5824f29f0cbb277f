package dev.autohair.pipeline.trimap;

/** Decides the band widths, in pixels, for an image of a given size. */
public sealed interface BandSizing permits TrimapBand, ScaledBand {

    TrimapBand bandFor(int width, int height);
}
