package dev.autohair.pipeline;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.output.Cutout;
import java.util.Optional;

/**
 * The cutout plus the intermediate maps that produced it (for debugging outputs) and the time
 * each stage took.
 */
public record CutoutResult(Cutout cutout, Optional<Matte> mask, Trimap trimap, StageTimings timings) {
}
