package dev.autohair.quality.labelled;

import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.trimap.DegenerateMaskException;

/**
 * One way from a photo to a cutout's alpha (a segmenter plus trimap and matting). Throws
 * {@link DegenerateMaskException} when it finds nothing; the scorer counts that as a failure.
 */
public interface Route {

    String name();

    RouteCut cut(RgbImage image);

    /** A pipeline whose own segmenter finds the subject: segment → automatic trimap → matting. */
    static Route segmenting(String name, CutoutPipeline pipeline) {
        return new Route() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RouteCut cut(RgbImage image) {
                return new RouteCut(pipeline.cut(image).cutout().alpha(), "");
            }
        };
    }
}
