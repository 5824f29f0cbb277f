package dev.autohair.config;

import dev.autohair.common.config.ConfigException;
import dev.autohair.common.config.Settings;
import dev.autohair.pipeline.matting.network.InferenceMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which matting the worker runs: closed-form (the default; no learned weights), a TorchScript
 * matting network over the automatic trimap, or a trimap-free TorchScript network that takes
 * the place of segmentation, trimap and matting.
 */
public record MattingConfig(Mode mode, Optional<Path> model, InferenceMode inference) {

    public enum Mode {
        CLOSED_FORM("closed-form"), NETWORK("network"), TRIMAP_FREE("trimap-free");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public static final MattingConfig DEFAULT = new MattingConfig(Mode.CLOSED_FORM, Optional.empty(), InferenceMode.wholeImage());

    static MattingConfig read(Settings s, boolean segmentationModelGiven) {
        String modeName = s.string(WorkerConfig.MATTING_MODE, Mode.CLOSED_FORM.wireName());
        Mode mode = Arrays.stream(Mode.values()).filter(m -> m.wireName().equals(modeName)).findFirst()
                .orElseThrow(() -> new ConfigException(WorkerConfig.MATTING_MODE + "=" + modeName
                        + " is not a matting mode; use closed-form, network or trimap-free"));
        Optional<Path> model = s.optional(WorkerConfig.MATTING_MODEL).map(Path::of);
        InferenceMode inference;
        try {
            inference = InferenceMode.parse(s.string(WorkerConfig.MATTING_INFERENCE, "whole"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(WorkerConfig.MATTING_INFERENCE + ": " + e.getMessage());
        }
        if (mode == Mode.CLOSED_FORM && model.isPresent()) {
            throw new ConfigException(WorkerConfig.MATTING_MODEL + " is set but " + WorkerConfig.MATTING_MODE
                    + " is closed-form, which uses no model; set " + WorkerConfig.MATTING_MODE + "=network or trimap-free");
        }
        if (mode != Mode.CLOSED_FORM && model.isEmpty()) {
            throw new ConfigException(WorkerConfig.MATTING_MODEL + " is required when " + WorkerConfig.MATTING_MODE + "="
                    + mode.wireName() + ", e.g. " + WorkerConfig.MATTING_MODEL + "=/models/dim.pt (see tools/dim/README.md)");
        }
        if (mode == Mode.TRIMAP_FREE && inference instanceof InferenceMode.Tiles) {
            throw new ConfigException(WorkerConfig.MATTING_INFERENCE + "=tiles needs a trimap's unknown band;"
                    + " trimap-free models run on the whole image (whole[:MAX_SIDE])");
        }
        if (mode == Mode.TRIMAP_FREE && segmentationModelGiven) {
            throw new ConfigException(WorkerConfig.SEGMENTATION_MODEL + " is not used when " + WorkerConfig.MATTING_MODE
                    + "=trimap-free: the matting model replaces segmentation");
        }
        return new MattingConfig(mode, model, inference);
    }
}
