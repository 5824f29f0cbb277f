package dev.autohair.pipeline.trimap;

import dev.autohair.common.contract.TrimapSpec;

/**
 * A trimap option (a job's, or the command line's {@code --band}) as the generator that makes it:
 * {@code auto} (the default) and {@code adaptive} are the {@link AdaptiveTrimap} fitted to the mask,
 * {@code scaled} the seed's binary band scaled to the image ({@code new AutomaticTrimap()}); a fixed
 * band and the confidence mode as they say. Why the adaptive band is the default: docs/QUALITY.md.
 */
public final class Trimaps {

    private Trimaps() {
    }

    public static TrimapGenerator forSpec(TrimapSpec spec) {
        if (spec instanceof TrimapSpec.Band band) {
            return new AutomaticTrimap(TrimapSettings.binary(new TrimapBand(band.size(), band.erosion())));
        }
        if (spec instanceof TrimapSpec.Confidence confidence) {
            return new AutomaticTrimap(TrimapSettings.confidence(ScaledBand.DEFAULT, (float) confidence.low(),
                    (float) confidence.high()));
        }
        if (spec instanceof TrimapSpec.Scaled) {
            return new AutomaticTrimap();
        }
        return new AdaptiveTrimap();
    }
}
