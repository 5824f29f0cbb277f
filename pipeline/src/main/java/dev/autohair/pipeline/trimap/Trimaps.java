package dev.autohair.pipeline.trimap;

import dev.autohair.common.contract.TrimapSpec;

/**
 * A trimap option (a job's, or the command line's {@code --band}) as the generator that makes it:
 * {@code auto} (the default, for segmentation output and {@code --mask} alike) is the
 * {@link AdaptiveTrimap}; a fixed band and the confidence mode stay as they were. The seed's
 * image-scaled binary band remains {@code new AutomaticTrimap()}.
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
        return new AdaptiveTrimap();
    }
}
