package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;

/**
 * A test photo with its exact decomposition: image = alpha·foreground + (1 − alpha)·background
 * per pixel and channel. Foreground colours are 0 where alpha is 0 (they are undefined there).
 */
public record Composite(CompositeKind kind, RgbImage image, Matte alpha, RgbImage foreground, RgbImage background) {
}
