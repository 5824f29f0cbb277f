package dev.autohair;

import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.segmentation.ModelLocation;
import dev.autohair.pipeline.segmentation.SavedModelSegmenter;
import dev.autohair.pipeline.segmentation.SegmentationModelContract;
import dev.autohair.pipeline.segmentation.Segmenter;
import java.nio.file.Path;

/** The one place where AutoHair's parts are chosen and wired together. */
public final class Assembly {

    /** The shipped default: MediaPipe Selfie Segmentation, converted to a SavedModel. */
    public static final String DEFAULT_SEGMENTATION_MODEL = "selfie";

    private Assembly() {
    }

    /** The full pipeline with the segmentation model in {@code modelDir}, or the shipped default when null. */
    public static CutoutPipeline cutoutPipeline(Path modelDir) {
        Path dir = modelDir != null ? modelDir : ModelLocation.resolve(DEFAULT_SEGMENTATION_MODEL);
        return withSegmenter(SavedModelSegmenter.load(dir, SegmentationModelContract.SELFIE));
    }

    /** For runs guided by a given mask or trimap: no model is loaded. */
    public static CutoutPipeline cutoutPipelineWithoutModel() {
        return withSegmenter(Segmenter.unavailable("this run was given masks or trimaps"));
    }

    private static CutoutPipeline withSegmenter(Segmenter segmenter) {
        return new CutoutPipeline(segmenter, new ClosedFormMatting(), new MultiLevelForegroundEstimation());
    }
}
