package dev.autohair.pipeline;

import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.output.Cutout;
import java.util.List;
import java.util.Optional;

/**
 * The cutout plus the intermediate maps that produced it (for debugging outputs), the time each
 * stage took and the models that worked on it.
 *
 * @param mask the mask that guided the matting; empty for a given trimap or trimap-free matting
 */
public record CutoutResult(Cutout cutout, Optional<Matte> mask, Trimap trimap, StageTimings timings,
        List<ModelInfo> models) {
}
