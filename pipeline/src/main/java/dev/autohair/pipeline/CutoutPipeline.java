package dev.autohair.pipeline;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.colour.ForegroundEstimation;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.output.Cutout;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * segmentation → trimap → matting → foreground colours, for a micro-batch of images. The model
 * stage sees the whole batch in one call; the per-image stages follow.
 */
public final class CutoutPipeline implements AutoCloseable {

    private final Segmenter segmenter;
    private final AlphaMatting matting;
    private final ForegroundEstimation colours;

    public CutoutPipeline(Segmenter segmenter, AlphaMatting matting, ForegroundEstimation colours) {
        this.segmenter = segmenter;
        this.matting = matting;
        this.colours = colours;
    }

    /**
     * Results in request order. A request that fails (for example a mask with nothing in it)
     * throws for the whole call; {@link #runEach} isolates failures per image.
     */
    public List<CutoutResult> run(List<CutoutRequest> requests) {
        List<Outcome> outcomes = runEach(requests);
        List<CutoutResult> results = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            results.add(outcome.result());
        }
        return results;
    }

    public CutoutResult run(CutoutRequest request) {
        return run(List.of(request)).get(0);
    }

    /** Each request's result or failure, so one bad image does not sink its batch. */
    public List<Outcome> runEach(List<CutoutRequest> requests) {
        List<StageTimings> timings = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            timings.add(new StageTimings());
        }
        Map<Integer, Matte> masks = segmentAll(requests, timings);

        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                outcomes.add(Outcome.of(finish(requests.get(i), Optional.ofNullable(masks.get(i)), timings.get(i))));
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(e));
            }
        }
        return outcomes;
    }

    public String segmentationModel() {
        return segmenter.modelName();
    }

    public String mattingMethod() {
        return matting.name();
    }

    @Override
    public void close() {
        segmenter.close();
    }

    private Map<Integer, Matte> segmentAll(List<CutoutRequest> requests, List<StageTimings> timings) {
        List<Integer> indices = new ArrayList<>();
        List<RgbImage> images = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).guide() instanceof Guide.Segment) {
                indices.add(i);
                images.add(requests.get(i).image());
            }
        }
        Map<Integer, Matte> masks = new HashMap<>();
        if (images.isEmpty()) {
            return masks;
        }
        long start = System.nanoTime();
        List<Matte> segmented = segmenter.segment(images);
        long elapsed = System.nanoTime() - start;
        for (int k = 0; k < indices.size(); k++) {
            masks.put(indices.get(k), segmented.get(k));
            timings.get(indices.get(k)).record(Stage.SEGMENT, elapsed);
        }
        return masks;
    }

    private CutoutResult finish(CutoutRequest request, Optional<Matte> segmented, StageTimings timings) {
        Guide guide = request.guide();
        Optional<Matte> mask = guide instanceof Guide.RoughMask given ? Optional.of(given.mask()) : segmented;
        Trimap trimap = timed(timings, Stage.TRIMAP, () -> {
            if (guide instanceof Guide.GivenTrimap given) {
                return given.trimap();
            }
            TrimapGenerator trimaps = guide instanceof Guide.Segment s ? s.trimaps() : ((Guide.RoughMask) guide).trimaps();
            return trimaps.generate(mask.orElseThrow());
        });
        // the mask the trimap came from is also the matting's prior; a given trimap has none
        Matte alpha = timed(timings, Stage.MATTE, () -> matting.estimate(request.image(), trimap, mask.orElse(null)));
        RgbImage foreground = timed(timings, Stage.COLOUR, () -> colours.estimate(request.image(), alpha));
        return new CutoutResult(new Cutout(foreground, alpha), mask, trimap, timings);
    }

    private static <T> T timed(StageTimings timings, Stage stage, Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        timings.record(stage, System.nanoTime() - start);
        return value;
    }

    /** A result or the exception that stopped it. */
    public record Outcome(CutoutResult result, RuntimeException failure) {

        static Outcome of(CutoutResult result) {
            return new Outcome(result, null);
        }

        static Outcome failed(RuntimeException failure) {
            return new Outcome(null, failure);
        }
    }
}
