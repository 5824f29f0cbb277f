package dev.autohair.quality.labelled;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutResult;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.trimap.DegenerateMaskException;

/**
 * One way from a photo to a cutout's alpha (a segmenter plus trimap and matting). Throws
 * {@link DegenerateMaskException} when it finds nothing; the scorer counts that as a failure.
 */
public interface Route {

    String name();

    RouteCut cut(RgbImage image);

    /**
     * A pipeline whose own segmentation finds the subject (segment → automatic trimap → matting),
     * routed as a job with these options (subject, trimap band) would be; the note names the model
     * that segmented.
     */
    static Route segmenting(String name, CutoutPipeline pipeline, JobOptions options) {
        return routed(name, pipeline, options, false);
    }

    /** Like {@link #segmenting}, scoring the segmentation's own mask instead of the matted alpha: what matting adds. */
    static Route maskOnly(String name, CutoutPipeline pipeline, JobOptions options) {
        return routed(name, pipeline, options, true);
    }

    private static Route routed(String name, CutoutPipeline pipeline, JobOptions options, boolean maskOnly) {
        return new Route() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RouteCut cut(RgbImage image) {
                CutoutResult result = pipeline.cut(image, Guide.segment(), options);
                String model = result.models().stream().filter(m -> m.role() == ModelRole.SEGMENTATION)
                        .map(ModelInfo::name).findFirst().orElse("");
                return new RouteCut(maskOnly ? result.mask().orElseThrow() : result.cutout().alpha(), model);
            }
        };
    }
}
