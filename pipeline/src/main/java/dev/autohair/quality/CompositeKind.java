package dev.autohair.quality;

/** The kinds of edge a cutout must get right, each rendered with exactly known alpha. */
public enum CompositeKind {
    /** Long, curved, sub-pixel strands falling from a head, with a few flyaways. */
    HAIR,
    /** Spiral strands (ringlets) around a head. */
    CURLS,
    /** Thousands of short dense strokes along an animal-like silhouette. */
    FUR,
    /** A solid bottle with an anti-aliased but hard edge: alpha is almost only 0 or 1. */
    PRODUCT_EDGE
}
