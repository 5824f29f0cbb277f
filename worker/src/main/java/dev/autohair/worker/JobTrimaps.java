package dev.autohair.worker;

import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.pipeline.trimap.ScaledBand;
import dev.autohair.pipeline.trimap.TrimapBand;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import dev.autohair.pipeline.trimap.TrimapSettings;

/** A job's trimap option as the pipeline's trimap generator. */
final class JobTrimaps {

    private JobTrimaps() {
    }

    static TrimapGenerator forSpec(TrimapSpec spec) {
        if (spec instanceof TrimapSpec.Band band) {
            return new AutomaticTrimap(TrimapSettings.binary(new TrimapBand(band.size(), band.erosion())));
        }
        if (spec instanceof TrimapSpec.Confidence confidence) {
            return new AutomaticTrimap(TrimapSettings.confidence(ScaledBand.DEFAULT, (float) confidence.low(),
                    (float) confidence.high()));
        }
        return new AutomaticTrimap();
    }
}
