package dev.autohair.pipeline.segmentation;

import java.nio.file.Path;

/** The shipped default segmenter: MediaPipe Selfie Segmentation from {@code models/selfie}. */
public final class SelfieSegmentation {

    /** Folder name under the models directory (see {@link ModelLocation}). */
    public static final String MODEL_NAME = "selfie";

    private SelfieSegmentation() {
    }

    public static SavedModelSegmenter load(Path modelDir) {
        return SavedModelSegmenter.load(modelDir, SegmentationModelContract.SELFIE);
    }

    /** Loads the model found by {@link ModelLocation#resolve(String)}. */
    public static SavedModelSegmenter loadDefault() {
        return load(ModelLocation.resolve(MODEL_NAME));
    }
}
