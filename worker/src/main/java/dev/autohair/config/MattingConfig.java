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
        CLOSED_FORM("closed-form"), INFORMATION_FLOW("information-flow"), NETWORK("network"), TRIMAP_FREE("trimap-free");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Whether the mode runs a matting network (and so needs a model file). */
        public boolean usesModel() {
            return this == NETWORK || this == TRIMAP_FREE;
        }
    }

    public static final MattingConfig DEFAULT = new MattingConfig(Mode.CLOSED_FORM, Optional.empty(), InferenceMode.wholeImage());

    /** The names a source of these settings gives them, so errors name what the user typed. */
    public record Keys(String mode, String model, String inference, String segmentationModel) {
        static final Keys ENVIRONMENT = new Keys(WorkerConfig.MATTING_MODE, WorkerConfig.MATTING_MODEL,
                WorkerConfig.MATTING_INFERENCE, WorkerConfig.SEGMENTATION_MODEL);
        public static final Keys COMMAND_LINE = new Keys("--matting", "--matting-model", "--matting-inference", "--model");
    }

    static MattingConfig read(Settings s, boolean segmentationModelGiven) {
        return parse(Keys.ENVIRONMENT, s.string(WorkerConfig.MATTING_MODE, Mode.CLOSED_FORM.wireName()),
                s.optional(WorkerConfig.MATTING_MODEL), s.string(WorkerConfig.MATTING_INFERENCE, "whole"),
                segmentationModelGiven);
    }

    /**
     * Validates one matting configuration, from the worker's environment or the command line.
     *
     * @throws ConfigException naming the setting that is wrong and what would be right
     */
    public static MattingConfig parse(Keys keys, String modeName, Optional<String> modelPath, String inferenceText,
            boolean segmentationModelGiven) {
        Mode mode = Arrays.stream(Mode.values()).filter(m -> m.wireName().equals(modeName)).findFirst()
                .orElseThrow(() -> new ConfigException(keys.mode() + "=" + modeName
                        + " is not a matting mode; use closed-form, information-flow, network or trimap-free"));
        Optional<Path> model = modelPath.map(Path::of);
        InferenceMode inference;
        try {
            inference = InferenceMode.parse(inferenceText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(keys.inference() + ": " + e.getMessage());
        }
        if (!mode.usesModel() && model.isPresent()) {
            throw new ConfigException(keys.model() + " is set but " + keys.mode() + " is " + mode.wireName()
                    + ", which uses no model; set " + keys.mode() + "=network or trimap-free");
        }
        if (mode.usesModel() && model.isEmpty()) {
            throw new ConfigException(keys.model() + " is required when " + keys.mode() + "="
                    + mode.wireName() + ", e.g. " + keys.model() + "=/models/dim.pt (see tools/dim/README.md)");
        }
        if (mode == Mode.TRIMAP_FREE && inference instanceof InferenceMode.Tiles) {
            throw new ConfigException(keys.inference() + "=tiles needs a trimap's unknown band;"
                    + " trimap-free models run on the whole image (whole[:MAX_SIDE])");
        }
        if (mode == Mode.TRIMAP_FREE && segmentationModelGiven) {
            throw new ConfigException(keys.segmentationModel() + " is not used when " + keys.mode()
                    + "=trimap-free: the matting model replaces segmentation");
        }
        return new MattingConfig(mode, model, inference);
    }
}
