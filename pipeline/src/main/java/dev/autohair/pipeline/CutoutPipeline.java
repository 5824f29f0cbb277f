package dev.autohair.pipeline;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.colour.ForegroundEstimation;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.MattingStrategy;
import dev.autohair.pipeline.matting.TrimapMatting;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.pipeline.segmentation.Segmentation;
import dev.autohair.pipeline.segmentation.Segmenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stage graph of a cutout, and the one place that decides it:
 *
 * <pre>
 * fetch → decode → segment → trimap → matte → colour → encode → store
 * </pre>
 *
 * Segmentation and trimap run only for a matting strategy that takes a trimap. Stages fall into
 * {@link Phase}s: the model phase sees the whole micro-batch (segmentation, and matting when a
 * network does it), the other phases one image at a time. Callers run the phases in order on the
 * threads they choose and hear each stage through the task's {@link StageListener}; fetch and store
 * are the caller's {@link InputSource} and {@link OutputSink}.
 */
public final class CutoutPipeline implements AutoCloseable {

    private final Segmentation segmentation;
    private final MattingStrategy matting;
    private final ImageLimits limits;
    private final Map<Phase, List<Step>> phases = new EnumMap<>(Phase.class);
    private final List<JobStage> stages = new ArrayList<>();

    public CutoutPipeline(Segmentation segmentation, MattingStrategy matting, ForegroundEstimation colours,
            ImageLimits limits) {
        this.segmentation = segmentation;
        this.matting = matting;
        this.limits = limits;
        List<Step> model = new ArrayList<>();
        List<Step> cpu = new ArrayList<>();
        List<Step> matte = new ArrayList<>();
        if (matting.takesTrimap()) {
            model.add(new SegmentStep(segmentation));
            matte.add(new TrimapStep());
        }
        matte.add(new MatteStep(matting));
        (matting.batching() == MattingStrategy.Batching.MICRO_BATCH ? model : cpu).addAll(matte);
        cpu.add(new ColourStep(colours));
        phases.put(Phase.INPUT, List.of(new FetchStep(), new DecodeStep(new ImageDecoder(limits))));
        phases.put(Phase.MODEL, List.copyOf(model));
        phases.put(Phase.CPU, List.copyOf(cpu));
        phases.put(Phase.OUTPUT, List.of(new RenderStep(), new StoreStep()));
        phases.values().forEach(steps -> steps.forEach(step -> stages.add(step.stage())));
    }

    /** One segmentation model for every subject. */
    public CutoutPipeline(Segmenter segmenter, MattingStrategy matting, ForegroundEstimation colours, ImageLimits limits) {
        this(Segmentation.single(segmenter), matting, colours, limits);
    }

    /** One segmentation model and a weights-free matting method per image, with the default image limits. */
    public CutoutPipeline(Segmenter segmenter, AlphaMatting matting, ForegroundEstimation colours) {
        this(segmenter, new TrimapMatting(matting), colours, ImageLimits.DEFAULT);
    }

    /** The stages every task goes through, in order. */
    public List<JobStage> stages() {
        return List.copyOf(stages);
    }

    /** A task that reads its input from {@code source} and hands its outputs to {@code sink}. */
    public CutoutTask task(InputSource source, Guide guide, JobOptions options, OutputSink sink, StageListener listener) {
        return new CutoutTask(source, null, checked(guide), options, sink, listener, stages);
    }

    /** A task for an image already decoded, whose outputs stay on the task. */
    public CutoutTask task(RgbImage image, Guide guide, JobOptions options) {
        return new CutoutTask(null, image, checked(guide), options, null, StageListener.NONE, stages);
    }

    /** A mask or trimap that the matting would not use is refused, not silently ignored. */
    private Guide checked(Guide guide) {
        if (!matting.takesTrimap() && !guide.needsSegmentation()) {
            throw new IllegalArgumentException(matting.method() + " is trimap-free matting: it predicts alpha from the"
                    + " photo alone and takes no mask or trimap");
        }
        return guide;
    }

    /**
     * Runs one phase's stages. The model phase runs over all {@code tasks} together (one
     * micro-batch); the others take each task on its own. Tasks that failed before are skipped; a
     * failure is kept on its task ({@link CutoutTask#failure()}), naming its stage.
     */
    public void run(Phase phase, List<CutoutTask> tasks) {
        List<Step> steps = phases.get(phase);
        if (phase == Phase.MODEL) {
            steps.forEach(step -> step.run(tasks));
            return;
        }
        for (CutoutTask task : tasks) {
            List<CutoutTask> one = List.of(task);
            steps.forEach(step -> step.run(one));
        }
    }

    /** Every phase in order over {@code tasks} as one micro-batch, on the calling thread. */
    public List<CutoutTask> runAll(List<CutoutTask> tasks) {
        for (Phase phase : Phase.values()) {
            run(phase, tasks);
        }
        return tasks;
    }

    /**
     * One image through every stage.
     *
     * @throws RuntimeException the exception of the stage that failed
     */
    public CutoutResult cut(RgbImage image, Guide guide, JobOptions options) {
        CutoutTask task = runAll(List.of(task(image, guide, options))).get(0);
        if (task.failed()) {
            throw task.failure().get().getCause();
        }
        return task.result();
    }

    public CutoutResult cut(RgbImage image) {
        return cut(image, Guide.segment(), JobOptions.defaults());
    }

    /** The models this pipeline is configured with (a task's own list says which ones worked on it). */
    public List<ModelInfo> models() {
        List<ModelInfo> models = new ArrayList<>();
        if (matting.takesTrimap()) {
            models.addAll(segmentation.models());
        }
        models.add(new ModelInfo(ModelRole.MATTING, matting.method(), matting.version()));
        return models;
    }

    /**
     * Warms every model this pipeline calls, once, so the first real batch does not pay for the
     * engines' lazy initialisation; and round-trips a PNG, so the first image does not pay for
     * loading OpenCV's natives (~2 s).
     */
    public Duration warmUp() {
        long start = System.nanoTime();
        if (matting.takesTrimap()) {
            segmentation.warmUp();
        }
        matting.warmUp();
        new ImageDecoder(limits).decode(new ImageEncoder().encodeOpaque(RgbImage.blank(8, 8), OutputFormat.PNG));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        segmentation.close();
        matting.close();
    }
}
