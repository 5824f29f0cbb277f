package dev.autohair;

import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import java.nio.file.Path;

/** The one place where AutoHair's parts are chosen and wired together. */
public final class Assembly {

    private Assembly() {
    }

    /**
     * The full pipeline with the selfie-contract segmentation model in {@code modelDir}, or the
     * shipped MediaPipe Selfie Segmentation when null.
     */
    public static CutoutPipeline cutoutPipeline(Path modelDir) {
        return withSegmenter(modelDir != null ? SelfieSegmentation.load(modelDir) : SelfieSegmentation.loadDefault());
    }

    /** For runs guided by a given mask or trimap: no model is loaded. */
    public static CutoutPipeline cutoutPipelineWithoutModel() {
        return withSegmenter(Segmenter.unavailable("this run was given masks or trimaps"));
    }

    public static AlphaMatting matting() {
        return new ClosedFormMatting();
    }

    /** The sample photos of the installation (the launcher passes its root as {@code autohair.home}). */
    public static Path samplesDirectory() {
        return Path.of(System.getProperty("autohair.home", ".")).resolve("samples");
    }

    private static CutoutPipeline withSegmenter(Segmenter segmenter) {
        return new CutoutPipeline(segmenter, matting(), new MultiLevelForegroundEstimation());
    }
}
