package dev.autohair.pipeline.segmentation;

import dev.autohair.pipeline.model.ModelLocation;
import dev.autohair.pipeline.model.ModelNotInstalledException;
import java.nio.file.Path;

/** The shipped default segmenter: MediaPipe Selfie Segmentation from {@code models/selfie}. */
public final class SelfieSegmentation {

    /** Folder name under the models directory (see {@link ModelLocation}). */
    public static final String MODEL_NAME = "selfie";

    private SelfieSegmentation() {
    }

    /** Its contract (verified): float NHWC RGB in [0, 1] at 256², one probability channel, "person". */
    public static SegmentationModelSpec spec(Path modelDir) {
        return new SegmentationModelSpec("mediapipe-selfie-segmentation", ModelEngine.TENSORFLOW, modelDir.toString(),
                null, null, InputContract.stretchFloat(256, 256, 0f, 1f), OutputContract.probability("person"),
                BatchLimits.DEFAULT);
    }

    public static DjlSegmenter load(Path modelDir) {
        if (!java.nio.file.Files.isRegularFile(modelDir.resolve("saved_model.pb"))) {
            throw new ModelNotInstalledException(modelDir.toAbsolutePath() + " holds no saved_model.pb;"
                    + " point it at a SavedModel directory (see models/selfie/README.md)");
        }
        return DjlSegmenter.load(spec(modelDir));
    }

    /** Loads the model found by {@link ModelLocation#resolve(String)}. */
    public static DjlSegmenter loadDefault() {
        return load(ModelLocation.resolve(MODEL_NAME));
    }
}
