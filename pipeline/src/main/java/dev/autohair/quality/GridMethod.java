package dev.autohair.quality;

import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.pipeline.trimap.ScaledBand;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import dev.autohair.pipeline.trimap.TrimapSettings;
import dev.autohair.pipeline.trimap.Trimaps;
import java.util.Optional;

/** The ways of getting alpha from a rough mask that {@link TrimapGrid} compares. */
public enum GridMethod {
    PERFECT_HARD_MASK("perfect hard mask", null),
    ROUGH_MASK("rough mask alone", null),
    ADAPTIVE("adaptive (auto, the default)", Trimaps.forSpec(TrimapSpec.auto())),
    REMBG_RULE("rembg rule 240/10, erode 10", new RembgTrimapRule()),
    CONFIDENCE("confidence 0.05/0.95, 2 %/1 %", new AutomaticTrimap(TrimapSettings.confidence(ScaledBand.DEFAULT,
            TrimapSettings.DEFAULT_LOW, TrimapSettings.DEFAULT_HIGH))),
    SCALED_BAND("scaled: binary 2 %/1 % (--band scaled)", new AutomaticTrimap(TrimapSettings.scaledToImage()));

    private final String label;
    private final TrimapGenerator trimaps;

    GridMethod(String label, TrimapGenerator trimaps) {
        this.label = label;
        this.trimaps = trimaps;
    }

    public String label() {
        return label;
    }

    /** The trimap rule, then matting with the rough mask as prior; empty for the rows without matting. */
    public Optional<TrimapGenerator> trimaps() {
        return Optional.ofNullable(trimaps);
    }
}
