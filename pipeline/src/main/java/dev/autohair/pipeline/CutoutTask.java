package dev.autohair.pipeline;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.output.Cutout;
import dev.autohair.pipeline.output.RenderedOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One image on its way through the {@link CutoutPipeline}: what it asks for, what the stages made
 * of it so far, and the failure that stopped it. Handed from phase to phase; one thread touches it
 * at a time. Made by {@link CutoutPipeline#task}.
 */
public final class CutoutTask {

    private final InputSource source;
    private final Guide guide;
    private final JobOptions options;
    private final OutputSink sink;
    private final StageListener listener;
    private final List<JobStage> plan;
    private final StageTimings timings = new StageTimings();
    private final List<ModelInfo> models = new ArrayList<>();

    private byte[] encoded;
    private RgbImage image;
    private boolean decodedHere; // a caller's own image is never written over
    private Matte segmented;
    private Trimap trimap;
    private Matte alpha;
    private Cutout cutout;
    private List<RenderedOutput> outputs = List.of();
    private StageFailedException failure;

    CutoutTask(InputSource source, RgbImage image, Guide guide, JobOptions options, OutputSink sink,
            StageListener listener, List<JobStage> plan) {
        this.source = source;
        this.image = image;
        this.guide = guide;
        this.options = options;
        this.sink = sink;
        this.listener = listener;
        this.plan = plan;
        if (image != null) {
            guide.checkSize(image);
        }
    }

    public JobOptions options() {
        return options;
    }

    /** The decoded image, until the colour stage has made the cutout from it (then null). */
    public RgbImage image() {
        return image;
    }

    /** Why the task stopped; empty while it goes on or once it succeeded. */
    public Optional<StageFailedException> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean failed() {
        return failure != null;
    }

    public StageTimings timings() {
        return timings;
    }

    /** The models that worked on this image so far. */
    public List<ModelInfo> models() {
        return List.copyOf(models);
    }

    /** The rendered outputs, once the output phase ran. */
    public List<RenderedOutput> outputs() {
        return outputs;
    }

    /** The result once the CPU phase is done. */
    public CutoutResult result() {
        if (cutout == null) {
            throw new IllegalStateException("the cutout is not made yet" + (failed() ? ": " + failure.getMessage() : ""));
        }
        return new CutoutResult(cutout, guidingMask(), trimap, timings, models());
    }

    // ---- for the steps ----

    Guide guide() {
        return guide;
    }

    InputSource source() {
        return source;
    }

    OutputSink sink() {
        return sink;
    }

    byte[] encoded() {
        return encoded;
    }

    void encoded(byte[] bytes) {
        this.encoded = bytes;
    }

    void image(RgbImage decoded) {
        guide.checkSize(decoded);
        this.image = decoded;
        this.decodedHere = true;
        this.encoded = null;
    }

    /** Whether the image was decoded by this task, so no caller still holds it. */
    boolean decodedHere() {
        return decodedHere;
    }

    Optional<Matte> guidingMask() {
        return guide.guidingMask(Optional.ofNullable(segmented));
    }

    void segmented(Matte mask) {
        this.segmented = mask;
    }

    Trimap trimap() {
        return trimap;
    }

    void trimap(Trimap value) {
        this.trimap = value;
    }

    Matte alpha() {
        return alpha;
    }

    void alpha(Matte value) {
        this.alpha = value;
    }

    Cutout cutout() {
        return cutout;
    }

    /** The cutout replaces the source pixels, which are freed here: workers hold many tasks at once. */
    void cutout(Cutout value) {
        this.cutout = value;
        this.image = null;
    }

    void outputs(List<RenderedOutput> rendered) {
        this.outputs = List.copyOf(rendered);
    }

    void usedModel(ModelInfo model) {
        models.add(model);
    }

    void started(JobStage stage) {
        listener.started(stage);
    }

    void finished(JobStage stage, long elapsedNanos) {
        timings.record(stage, elapsedNanos);
        listener.finished(stage, elapsedNanos, progressAfter(stage));
    }

    void fail(JobStage stage, RuntimeException e) {
        failure = e instanceof StageFailedException known ? known : new StageFailedException(stage, e);
    }

    /** Runs one stage's work for this image alone: timed, reported, a failure kept with its stage. */
    void perform(JobStage stage, Runnable work) {
        started(stage);
        long start = System.nanoTime();
        try {
            work.run();
        } catch (RuntimeException e) {
            fail(stage, e);
            return;
        }
        finished(stage, System.nanoTime() - start);
    }

    /** The share of the job's stages done after {@code stage}; the last one leaves room for publishing. */
    private double progressAfter(JobStage stage) {
        return (plan.indexOf(stage) + 1) / (double) (plan.size() + 1);
    }
}
