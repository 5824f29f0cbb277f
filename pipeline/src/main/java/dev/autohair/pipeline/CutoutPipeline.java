package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.colour.ForegroundEstimation;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.network.MattingInput;
import dev.autohair.pipeline.matting.network.NetworkMatting;
import dev.autohair.pipeline.output.Cutout;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.trimap.TrimapImages;
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
    /** The segmenter predicts final alpha (trimap-free matting), not a mask to build a trimap from. */
    private final boolean masksAreAlpha;

    public CutoutPipeline(Segmenter segmenter, AlphaMatting matting, ForegroundEstimation colours) {
        this(segmenter, matting, colours, false);
    }

    private CutoutPipeline(Segmenter segmenter, AlphaMatting matting, ForegroundEstimation colours, boolean masksAreAlpha) {
        this.segmenter = segmenter;
        this.matting = matting;
        this.colours = colours;
        this.masksAreAlpha = masksAreAlpha;
    }

    /**
     * A pipeline around a trimap-free matting model (e.g. {@code TrimapFreeMatting}): for requests
     * guided by segmentation, the model's output is the final alpha, and trimap generation and
     * matting are skipped (the result's trimap is the alpha's sure regions, for debugging only).
     * Requests that bring a rough mask or a trimap still go through {@code matting}.
     */
    public static CutoutPipeline trimapFree(Segmenter directAlpha, AlphaMatting matting, ForegroundEstimation colours) {
        return new CutoutPipeline(directAlpha, matting, colours, true);
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
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (Segmented segmented : segment(requests)) {
            try {
                outcomes.add(Outcome.of(finish(segmented)));
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(e));
            }
        }
        return outcomes;
    }

    /**
     * The model stage alone: one forward pass for every request that asks for segmentation. A
     * worker runs this on the thread that owns the accelerator and {@link #finish} on CPU threads.
     */
    public List<Segmented> segment(List<CutoutRequest> requests) {
        List<Integer> indices = new ArrayList<>();
        List<RgbImage> images = new ArrayList<>();
        List<List<SubjectClass>> subjects = new ArrayList<>();
        Map<Integer, RuntimeException> refused = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).guide() instanceof Guide.Segment s) {
                try {
                    // A subject the model does not know fails that job alone, before the batch runs.
                    segmenter.checkSubject(s.subject());
                } catch (RuntimeException e) {
                    refused.put(i, e);
                    continue;
                }
                indices.add(i);
                images.add(requests.get(i).image());
                subjects.add(s.subject());
            }
        }
        Map<Integer, Matte> masks = new HashMap<>();
        long elapsed = 0;
        if (!images.isEmpty()) {
            long start = System.nanoTime();
            List<Matte> segmented = segmenter.segment(images, subjects);
            elapsed = System.nanoTime() - start;
            for (int k = 0; k < indices.size(); k++) {
                masks.put(indices.get(k), segmented.get(k));
            }
        }
        List<Segmented> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            StageTimings timings = new StageTimings();
            if (masks.containsKey(i)) {
                timings.record(JobStage.SEGMENT, elapsed);
            }
            out.add(new Segmented(requests.get(i), Optional.ofNullable(masks.get(i)), timings,
                    Optional.ofNullable(refused.get(i))));
        }
        return out;
    }

    public String segmentationModel() {
        return segmenter.modelName();
    }

    public String segmentationModelVersion() {
        return segmenter.modelVersion();
    }

    /** The matting method of segmentation-guided requests: "trimap-free" when the model's output is the alpha. */
    public String mattingMethod() {
        return masksAreAlpha ? "trimap-free" : matting.name();
    }

    /** Which weights matted: the network's file digest, "1" for methods without weights. */
    public String mattingVersion() {
        if (masksAreAlpha) {
            return segmenter.modelVersion();
        }
        return matting instanceof NetworkMatting network ? network.modelVersion() : "1";
    }

    @Override
    public void close() {
        segmenter.close();
        if (matting instanceof AutoCloseable model) { // a network's native memory
            try {
                model.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close matting " + matting.name(), e);
            }
        }
    }

    /**
     * Whether matting is a network that gains from one call over a whole micro-batch; a worker then
     * runs {@link #matteBatch} on its model thread right after {@link #segment}.
     */
    public boolean mattesInBatches() {
        return !masksAreAlpha && matting instanceof NetworkMatting;
    }

    /**
     * The model stage's second half when {@link #mattesInBatches}: each request's trimap, then one
     * batched network-matting call over all of them. {@link #finish} then only estimates colours.
     * A request whose trimap fails (nothing found) fails alone.
     */
    public List<Segmented> matteBatch(List<Segmented> batch) {
        if (!mattesInBatches()) {
            throw new IllegalStateException("matting " + mattingMethod() + " is not batched; call finish per image");
        }
        List<Segmented> out = new ArrayList<>(batch);
        List<Integer> ready = new ArrayList<>();
        List<MattingInput> inputs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Segmented s = batch.get(i);
            if (s.failure().isPresent()) {
                continue;
            }
            try {
                Trimap trimap = timed(s.timings(), JobStage.TRIMAP, () -> s.request().guide().trimap(s.guidingMask()));
                inputs.add(new MattingInput(s.request().image(), trimap));
                ready.add(i);
            } catch (RuntimeException e) {
                out.set(i, s.failed(e));
            }
        }
        if (inputs.isEmpty()) {
            return out;
        }
        try {
            long start = System.nanoTime();
            List<Matte> alphas = ((NetworkMatting) matting).estimate(inputs);
            long elapsed = System.nanoTime() - start;
            for (int k = 0; k < ready.size(); k++) {
                Segmented s = out.get(ready.get(k));
                s.timings().record(JobStage.MATTE, elapsed);
                out.set(ready.get(k), s.matted(inputs.get(k).trimap(), alphas.get(k)));
            }
        } catch (RuntimeException e) {
            ready.forEach(i -> out.set(i, out.get(i).failed(e)));
        }
        return out;
    }

    /** The per-image stages after segmentation: trimap, matting, foreground colours. */
    public CutoutResult finish(Segmented segmented) {
        if (segmented.failure().isPresent()) {
            throw segmented.failure().get();
        }
        CutoutRequest request = segmented.request();
        StageTimings timings = segmented.timings();
        Guide guide = request.guide();
        Optional<Matte> mask = segmented.guidingMask();
        if (segmented.alpha().isPresent()) { // matted with its batch already
            Matte alpha = segmented.alpha().get();
            RgbImage foreground = timed(timings, JobStage.COLOUR, () -> colours.estimate(request.image(), alpha));
            return new CutoutResult(new Cutout(foreground, alpha), mask, segmented.trimap().orElseThrow(), timings);
        }
        if (masksAreAlpha && guide instanceof Guide.Segment) {
            // a trimap-free model's mask is the final alpha: no trimap, no matting
            Matte alpha = mask.orElseThrow();
            RgbImage foreground = timed(timings, JobStage.COLOUR, () -> colours.estimate(request.image(), alpha));
            return new CutoutResult(new Cutout(foreground, alpha), mask, TrimapImages.fromGrey(alpha), timings);
        }
        Trimap trimap = timed(timings, JobStage.TRIMAP, () -> guide.trimap(mask));
        // the mask the trimap came from is also the matting's prior; a given trimap has none
        Matte alpha = timed(timings, JobStage.MATTE, () -> matting.estimate(request.image(), trimap, mask.orElse(null)));
        RgbImage foreground = timed(timings, JobStage.COLOUR, () -> colours.estimate(request.image(), alpha));
        return new CutoutResult(new Cutout(foreground, alpha), mask, trimap, timings);
    }

    private static <T> T timed(StageTimings timings, JobStage stage, Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        timings.record(stage, System.nanoTime() - start);
        return value;
    }

    /**
     * A request after the model stage: its mask when it was segmented, the time so far, and why the
     * model refused it (an unknown subject class) when it did; {@link #finish} throws that failure.
     */
    public record Segmented(CutoutRequest request, Optional<Matte> mask, StageTimings timings,
            Optional<RuntimeException> failure, Optional<Trimap> trimap, Optional<Matte> alpha) {

        public Segmented(CutoutRequest request, Optional<Matte> mask, StageTimings timings,
                Optional<RuntimeException> failure) {
            this(request, mask, timings, failure, Optional.empty(), Optional.empty());
        }

        public Segmented(CutoutRequest request, Optional<Matte> mask, StageTimings timings) {
            this(request, mask, timings, Optional.empty());
        }

        /** The mask that guides this request's trimap and matting: a given rough mask, else the segmentation's. */
        Optional<Matte> guidingMask() {
            return request.guide() instanceof Guide.RoughMask given ? Optional.of(given.mask()) : mask;
        }

        Segmented failed(RuntimeException e) {
            return new Segmented(request, mask, timings, Optional.of(e), trimap, alpha);
        }

        Segmented matted(Trimap byTrimap, Matte byAlpha) {
            return new Segmented(request, mask, timings, failure, Optional.of(byTrimap), Optional.of(byAlpha));
        }
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
