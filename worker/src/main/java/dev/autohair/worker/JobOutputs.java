package dev.autohair.worker;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.ObjectKeys;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.hash.Sha256;
import dev.autohair.common.image.Matte;
import dev.autohair.pipeline.CutoutResult;
import dev.autohair.pipeline.output.BackgroundColour;
import dev.autohair.pipeline.output.Cutout;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.pipeline.output.Region;
import dev.autohair.pipeline.trimap.TrimapImages;
import dev.autohair.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes the outputs a job asked for and stores them under keys derived from the job id alone,
 * so a redelivered job overwrites its objects instead of adding a second set.
 */
final class JobOutputs {

    private final ObjectStore store;
    private final ImageEncoder encoder = new ImageEncoder();

    JobOutputs(ObjectStore store) {
        this.store = store;
    }

    List<OutputRef> store(InFlightJob inFlight, CutoutResult result, Map<String, String> metadata) {
        ImageJob job = inFlight.job();
        JobOptions options = job.options();
        Cutout cutout = result.cutout();
        Optional<Region> crop = Optional.ofNullable(options.cropMargin()).map(cutout::subjectBounds);
        Cutout shown = crop.map(cutout::crop).orElse(cutout);

        List<Encoded> encoded = new ArrayList<>();
        long start = System.nanoTime();
        for (OutputKind kind : options.outputs()) {
            encoded.add(switch (kind) {
                case CUTOUT -> new Encoded(kind, options.format(), shown.width(), shown.height(),
                        options.background() == null
                                ? encoder.encodeCutout(shown, options.format())
                                : encoder.encodeOpaque(shown.flattenOnto(BackgroundColour.parseHex(options.background())),
                                        options.format()));
                case MATTE -> grey(kind, shown.alpha());
                case TRIMAP -> grey(kind, cropped(TrimapImages.toGrey(result.trimap()), crop));
                case MASK -> grey(kind, cropped(result.mask().orElseGet(() -> TrimapImages.toGrey(result.trimap())), crop));
            });
        }
        inFlight.time(JobStage.ENCODE, System.nanoTime() - start);

        start = System.nanoTime();
        List<OutputRef> refs = new ArrayList<>();
        for (Encoded e : encoded) {
            String key = ObjectKeys.output(job.output(), job.jobId(), e.kind(), e.format());
            store.put(job.output().bucket(), key, e.bytes(), e.format().contentType(), metadata);
            refs.add(new OutputRef(e.kind(), job.output().bucket(), key, e.format().contentType(), e.bytes().length,
                    e.width(), e.height(), Sha256.hex(e.bytes())));
        }
        inFlight.time(JobStage.STORE, System.nanoTime() - start);
        return refs;
    }

    /** Grey maps are always PNG: lossless, so a debugging trimap keeps its exact labels. */
    private Encoded grey(OutputKind kind, Matte matte) {
        return new Encoded(kind, OutputFormat.PNG, matte.width(), matte.height(), encoder.encodeGray(matte));
    }

    private static Matte cropped(Matte map, Optional<Region> crop) {
        return crop.map(region -> Cutout.crop(map, region)).orElse(map);
    }

    private record Encoded(OutputKind kind, OutputFormat format, int width, int height, byte[] bytes) {
    }
}
