package dev.autohair.pipeline.output;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.trimap.TrimapImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Composes and encodes the outputs a job's options ask for: the cutout (transparent or flattened
 * onto a colour, PNG or WebP), the matte, and the debugging trimap and mask, all cropped alike.
 * The worker and the command line both render through here, so an option means one thing.
 */
public final class Renderer {

    private final ImageEncoder encoder = new ImageEncoder();

    /**
     * @param mask the mask that guided the matting; absent for a given trimap, where the mask output
     *             shows the trimap instead
     */
    public List<RenderedOutput> render(Cutout cutout, Trimap trimap, Optional<Matte> mask, JobOptions options) {
        Optional<Region> crop = Optional.ofNullable(options.cropMargin()).map(cutout::subjectBounds);
        Cutout shown = crop.map(cutout::crop).orElse(cutout);
        List<RenderedOutput> outputs = new ArrayList<>();
        for (OutputKind kind : options.outputs()) {
            outputs.add(switch (kind) {
                case CUTOUT -> new RenderedOutput(kind, options.format(), shown.width(), shown.height(),
                        options.background() == null
                                ? encoder.encodeCutout(shown, options.format())
                                : encoder.encodeOpaque(shown.flattenOnto(BackgroundColour.parseHex(options.background())),
                                        options.format()));
                case MATTE -> grey(kind, shown.alpha());
                case TRIMAP -> grey(kind, cropped(TrimapImages.toGrey(trimap), crop));
                case MASK -> grey(kind, cropped(mask.orElseGet(() -> TrimapImages.toGrey(trimap)), crop));
            });
        }
        return outputs;
    }

    /** Grey maps are always PNG: lossless, so a debugging trimap keeps its exact labels. */
    private RenderedOutput grey(OutputKind kind, Matte matte) {
        return new RenderedOutput(kind, OutputFormat.PNG, matte.width(), matte.height(), encoder.encodeGray(matte));
    }

    private static Matte cropped(Matte map, Optional<Region> crop) {
        return crop.map(region -> Cutout.crop(map, region)).orElse(map);
    }
}
