package dev.autohair.quality.labelled;

import dev.autohair.common.image.Matte;

/** A route's alpha for one photo, and what the route wants to say about it (e.g. its confidence). */
public record RouteCut(Matte alpha, String note) {
}
