package dev.autohair.quality.labelled;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.segmentation.product.ProductMask;
import dev.autohair.pipeline.segmentation.product.ProductSegmentation;
import java.util.Locale;

/**
 * The product segmenter, then the pipeline's trimap and matting with its mask as the guide (what
 * the pipeline does with a segmenter's mask), noting the segmenter's confidence and doubt.
 */
public final class ProductRoute implements Route {

    private final ProductSegmentation segmentation = new ProductSegmentation();
    private final CutoutPipeline pipeline;
    private final JobOptions options;

    /** @param pipeline trimap and matting; its own segmenter is not used */
    public ProductRoute(CutoutPipeline pipeline) {
        this(pipeline, JobOptions.defaults());
    }

    /** @param options the job options trimap and matting run with (the trimap band) */
    public ProductRoute(CutoutPipeline pipeline, JobOptions options) {
        this.pipeline = pipeline;
        this.options = options;
    }

    @Override
    public String name() {
        return "product";
    }

    @Override
    public RouteCut cut(RgbImage image) {
        ProductMask mask = segmentation.segment(image);
        String note = String.format(Locale.ROOT, "confidence %.2f", mask.confidence())
                + mask.doubt().map(d -> ": " + d).orElse("");
        try {
            return new RouteCut(pipeline.cut(image, new Guide.RoughMask(mask.mask()), options)
                    .cutout().alpha(), note);
        } catch (RuntimeException e) {
            throw new RouteFailedException(e, note);
        }
    }
}
