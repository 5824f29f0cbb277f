package dev.autohair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.colour.ForegroundEstimation;
import dev.autohair.pipeline.decode.CorruptImageException;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.pipeline.matting.MattingStrategy;
import dev.autohair.pipeline.matting.TrimapMatting;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.pipeline.output.ImageEncodingException;
import dev.autohair.pipeline.output.RenderedOutput;
import dev.autohair.pipeline.segmentation.SegmentationFailedException;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The stage graph: which stages run for each matting strategy and in which phase, what they hand
 * each other, what the listener hears, and that a failure names the stage that failed.
 */
class CutoutPipelineTest {

    private static final int W = 40;
    private static final int H = 30;

    /** Remembers the mask each call received (null entries for none). */
    private static final class RecordingMatting implements AlphaMatting {
        final List<Matte> masks = new ArrayList<>();

        @Override
        public Matte estimate(RgbImage image, Trimap trimap) {
            return estimate(image, trimap, null);
        }

        @Override
        public Matte estimate(RgbImage image, Trimap trimap, Matte mask) {
            masks.add(mask);
            Matte alpha = Matte.blank(image.width(), image.height());
            for (int i = 0; i < alpha.pixelCount(); i++) {
                alpha.alpha()[i] = trimap.isForeground(i) ? 1f : trimap.isUnknown(i) ? 0.5f : 0f;
            }
            return alpha;
        }

        @Override
        public String name() {
            return "recording";
        }
    }

    /** A batched strategy (as a network is) that counts its calls. */
    private static final class BatchedStrategy implements MattingStrategy {
        final boolean takesTrimap;
        final List<Integer> batchSizes = new ArrayList<>();

        BatchedStrategy(boolean takesTrimap) {
            this.takesTrimap = takesTrimap;
        }

        @Override
        public String method() {
            return takesTrimap ? "net" : "trimap-free-net";
        }

        @Override
        public String version() {
            return "sha256:test";
        }

        @Override
        public boolean takesTrimap() {
            return takesTrimap;
        }

        @Override
        public Batching batching() {
            return Batching.MICRO_BATCH;
        }

        @Override
        public List<Matte> matte(List<MattingInput> inputs) {
            batchSizes.add(inputs.size());
            return inputs.stream().map(in -> disc()).toList();
        }

        @Override
        public void warmUp() {
        }

        @Override
        public void close() {
        }
    }

    private static Matte disc() {
        Matte mask = Matte.blank(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                mask.set(x, y, Math.hypot(x - W / 2.0, y - H / 2.0) < 9 ? 1f : 0f);
            }
        }
        return mask;
    }

    private static Segmenter returning(Function<List<RgbImage>, List<Matte>> answer) {
        return new Segmenter() {
            @Override
            public List<Matte> segment(List<RgbImage> images) {
                return answer.apply(images);
            }

            @Override
            public String modelName() {
                return "fixed";
            }

            @Override
            public String modelVersion() {
                return "1";
            }

            @Override
            public void close() {
            }
        };
    }

    private static Segmenter returning(Matte mask) {
        return returning(images -> images.stream().map(i -> mask).toList());
    }

    private static final ForegroundEstimation SAME_COLOURS = (image, alpha) -> image;

    private static CutoutPipeline pipeline(Segmenter segmenter, AlphaMatting matting) {
        return new CutoutPipeline(segmenter, matting, SAME_COLOURS);
    }

    private static byte[] png(int width, int height) {
        return new ImageEncoder().encodeOpaque(RgbImage.blank(width, height), OutputFormat.PNG);
    }

    /** Records what a listener hears. */
    private static final class Heard implements StageListener {
        final List<JobStage> started = new ArrayList<>();
        final List<JobStage> finished = new ArrayList<>();
        final List<Double> progress = new ArrayList<>();

        @Override
        public void started(JobStage stage) {
            started.add(stage);
        }

        @Override
        public void finished(JobStage stage, long elapsedNanos, double value) {
            finished.add(stage);
            progress.add(value);
        }
    }

    @Test
    void theSegmentationMaskIsTheMattingPrior() {
        Matte mask = disc();
        RecordingMatting matting = new RecordingMatting();

        pipeline(returning(mask), matting).cut(RgbImage.blank(W, H));

        assertThat(matting.masks).containsExactly(mask);
    }

    @Test
    void aGivenRoughMaskIsTheMattingPrior() {
        Matte mask = disc();
        RecordingMatting matting = new RecordingMatting();

        pipeline(Segmenter.unavailable("test"), matting).cut(RgbImage.blank(W, H), new Guide.RoughMask(mask),
                JobOptions.defaults());

        assertThat(matting.masks).containsExactly(mask);
    }

    @Test
    void aGivenTrimapGivesNoPrior() {
        Trimap trimap = new AutomaticTrimap().generate(disc());
        RecordingMatting matting = new RecordingMatting();

        pipeline(Segmenter.unavailable("test"), matting).cut(RgbImage.blank(W, H), new Guide.GivenTrimap(trimap),
                JobOptions.defaults());

        assertThat(matting.masks).containsExactly((Matte) null);
    }

    @Test
    void everyStageRunsInOrderAndTheListenerHearsEachWithRisingProgress() {
        CutoutPipeline pipeline = pipeline(returning(disc()), new RecordingMatting());
        Heard heard = new Heard();
        List<RenderedOutput> stored = new ArrayList<>();
        CutoutTask task = pipeline.task(() -> png(W, H), Guide.segment(),
                JobOptions.defaults().withOutputs(OutputKind.CUTOUT, OutputKind.MATTE), stored::addAll, heard);

        pipeline.runAll(List.of(task));

        List<JobStage> all = List.of(JobStage.FETCH, JobStage.DECODE, JobStage.SEGMENT, JobStage.TRIMAP, JobStage.MATTE,
                JobStage.COLOUR, JobStage.ENCODE, JobStage.STORE);
        assertThat(pipeline.stages()).isEqualTo(all);
        assertThat(heard.started).isEqualTo(all);
        assertThat(heard.finished).isEqualTo(all);
        assertThat(heard.progress).isSorted().allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0).isLessThan(1.0));
        assertThat(task.timings().asNanos().keySet()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(stored).extracting(RenderedOutput::kind).containsExactly(OutputKind.CUTOUT, OutputKind.MATTE);
        assertThat(task.models()).extracting(m -> m.role().wireName() + ":" + m.name())
                .containsExactly("segmentation:fixed", "matting:recording");
    }

    @Test
    void onlyAnImageTheTaskDecodedItselfMayBeWrittenOverByTheColourStage() {
        List<String> calls = new ArrayList<>();
        ForegroundEstimation recording = new ForegroundEstimation() {
            @Override
            public RgbImage estimate(RgbImage image, Matte alpha) {
                calls.add("estimate");
                return image;
            }

            @Override
            public RgbImage estimateConsuming(RgbImage image, Matte alpha) {
                calls.add("consuming");
                return image;
            }
        };
        CutoutPipeline pipeline = new CutoutPipeline(returning(disc()), new RecordingMatting(), recording);

        pipeline.cut(RgbImage.blank(W, H));
        pipeline.runAll(List.of(pipeline.task(() -> png(W, H), Guide.segment(), JobOptions.defaults(), outputs -> { },
                StageListener.NONE)));

        assertThat(calls).containsExactly("estimate", "consuming");
    }

    @Test
    void perImageMattingRunsInTheCpuPhaseAndANetworkInTheModelPhaseOverTheWholeBatch() {
        BatchedStrategy network = new BatchedStrategy(true);
        CutoutPipeline pipeline = new CutoutPipeline(returning(disc()), network, SAME_COLOURS, ImageLimits.DEFAULT);
        List<CutoutTask> tasks = List.of(pipeline.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults()),
                pipeline.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults()),
                pipeline.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults()));

        pipeline.run(Phase.MODEL, tasks);

        assertThat(network.batchSizes).containsExactly(3);
        assertThat(tasks).allSatisfy(t -> assertThat(t.timings().asNanos()).containsKeys(JobStage.SEGMENT,
                JobStage.TRIMAP, JobStage.MATTE).doesNotContainKey(JobStage.COLOUR));

        RecordingMatting perImage = new RecordingMatting();
        CutoutPipeline cpuMatting = pipeline(returning(disc()), perImage);
        CutoutTask one = cpuMatting.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults());
        cpuMatting.run(Phase.MODEL, List.of(one));
        assertThat(one.timings().asNanos()).containsOnlyKeys(JobStage.SEGMENT);
        cpuMatting.run(Phase.CPU, List.of(one));
        assertThat(one.timings().asNanos()).containsKeys(JobStage.TRIMAP, JobStage.MATTE, JobStage.COLOUR);
    }

    @Test
    void aTrimapFreeStrategyRunsNeitherSegmentationNorTrimap() {
        BatchedStrategy trimapFree = new BatchedStrategy(false);
        Segmenter never = returning(images -> {
            throw new AssertionError("a trimap-free pipeline must not segment");
        });
        CutoutPipeline pipeline = new CutoutPipeline(never, trimapFree, SAME_COLOURS, ImageLimits.DEFAULT);

        CutoutResult result = pipeline.cut(RgbImage.blank(W, H));

        assertThat(pipeline.stages()).doesNotContain(JobStage.SEGMENT, JobStage.TRIMAP);
        assertThat(result.timings().asNanos()).doesNotContainKeys(JobStage.SEGMENT, JobStage.TRIMAP);
        assertThat(result.mask()).isEmpty();
        assertThat(result.models()).extracting(m -> m.name()).containsExactly("trimap-free-net");
        assertThat(pipeline.models()).extracting(m -> m.name()).containsExactly("trimap-free-net");
    }

    @Test
    void theBandOptionShapesTheTrimap() {
        CutoutPipeline pipeline = pipeline(returning(disc()), new RecordingMatting());
        int narrow = pipeline.cut(RgbImage.blank(W, H), Guide.segment(),
                JobOptions.defaults().withTrimap(TrimapSpec.parse("1:1"))).trimap().unknownCount();
        int wide = pipeline.cut(RgbImage.blank(W, H), Guide.segment(),
                JobOptions.defaults().withTrimap(TrimapSpec.parse("4:4"))).trimap().unknownCount();
        assertThat(wide).isGreaterThan(narrow);
    }

    // ---- a failure names the stage that failed, and stays with its image ----

    private static JobStage failedStage(CutoutPipeline pipeline, CutoutTask task) {
        pipeline.runAll(List.of(task));
        assertThat(task.failed()).isTrue();
        return task.failure().get().stage();
    }

    @Test
    void fetchFailures() {
        CutoutPipeline pipeline = pipeline(returning(disc()), new RecordingMatting());
        CutoutTask task = pipeline.task(() -> {
            throw new IllegalStateException("storage said no");
        }, Guide.segment(), JobOptions.defaults(), outputs -> { }, StageListener.NONE);
        assertThat(failedStage(pipeline, task)).isEqualTo(JobStage.FETCH);
    }

    @Test
    void decodeFailures() {
        CutoutPipeline pipeline = pipeline(returning(disc()), new RecordingMatting());
        byte[] truncated = Arrays.copyOf(png(W, H), 40);
        CutoutTask task = pipeline.task(() -> truncated, Guide.segment(), JobOptions.defaults(), outputs -> { },
                StageListener.NONE);
        assertThat(failedStage(pipeline, task)).isEqualTo(JobStage.DECODE);
        assertThat(task.failure().get().getCause()).isInstanceOf(CorruptImageException.class);
    }

    @Test
    void segmentFailuresFailTheWholeBatchAtThatStage() {
        CutoutPipeline pipeline = pipeline(returning(images -> {
            throw new SegmentationFailedException("engine out of memory", null);
        }), new RecordingMatting());
        List<CutoutTask> tasks = List.of(pipeline.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults()),
                pipeline.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults()));
        pipeline.runAll(tasks);
        assertThat(tasks).allSatisfy(t -> assertThat(t.failure().orElseThrow().stage()).isEqualTo(JobStage.SEGMENT));
    }

    @Test
    void trimapFailuresStayWithTheirImage() {
        RgbImage marked = RgbImage.blank(W, H);
        CutoutPipeline pipeline = pipeline(returning(images -> images.stream()
                .map(i -> i == marked ? Matte.blank(W, H) : disc()).toList()), new RecordingMatting());
        CutoutTask empty = pipeline.task(marked, Guide.segment(), JobOptions.defaults());
        CutoutTask fine = pipeline.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults());
        pipeline.runAll(List.of(empty, fine));
        assertThat(empty.failure().orElseThrow().stage()).isEqualTo(JobStage.TRIMAP);
        assertThat(empty.failure().get().getCause()).isInstanceOf(DegenerateMaskException.class);
        assertThat(fine.failed()).isFalse();
    }

    @Test
    void matteFailures() {
        // every pixel unknown: closed-form refuses to guess
        byte[] unknown = new byte[W * H];
        Arrays.fill(unknown, (byte) Trimap.UNKNOWN);
        CutoutPipeline pipeline = pipeline(Segmenter.unavailable("test"), new ClosedFormMatting());
        CutoutTask task = pipeline.task(RgbImage.blank(W, H), new Guide.GivenTrimap(new Trimap(W, H, unknown)),
                JobOptions.defaults());
        assertThat(failedStage(pipeline, task)).isEqualTo(JobStage.MATTE);
    }

    @Test
    void colourFailures() {
        CutoutPipeline pipeline = new CutoutPipeline(returning(disc()), new RecordingMatting(), (image, alpha) -> {
            throw new IllegalStateException("no colours today");
        });
        assertThat(failedStage(pipeline, pipeline.task(RgbImage.blank(W, H), Guide.segment(), JobOptions.defaults())))
                .isEqualTo(JobStage.COLOUR);
    }

    @Test
    void encodeFailures() {
        // WebP allows at most 16383 px a side
        int wide = 16_400;
        byte[] labels = new byte[wide * 4];
        for (int x = 0; x < wide; x++) {
            for (int y = 0; y < 4; y++) {
                labels[y * wide + x] = (byte) (x < wide / 2 ? Trimap.BACKGROUND : Trimap.FOREGROUND);
            }
        }
        CutoutPipeline pipeline = pipeline(Segmenter.unavailable("test"), new RecordingMatting());
        CutoutTask task = pipeline.task(RgbImage.blank(wide, 4), new Guide.GivenTrimap(new Trimap(wide, 4, labels)),
                JobOptions.defaults().withFormat(OutputFormat.WEBP));
        assertThat(failedStage(pipeline, task)).isEqualTo(JobStage.ENCODE);
        assertThat(task.failure().get().getCause()).isInstanceOf(ImageEncodingException.class);
    }

    @Test
    void storeFailures() {
        CutoutPipeline pipeline = pipeline(returning(disc()), new RecordingMatting());
        CutoutTask task = pipeline.task(() -> png(W, H), Guide.segment(), JobOptions.defaults(), outputs -> {
            throw new IllegalStateException("bucket gone");
        }, StageListener.NONE);
        assertThat(failedStage(pipeline, task)).isEqualTo(JobStage.STORE);
    }

    @Test
    void cutThrowsTheFailingStagesOwnException() {
        CutoutPipeline pipeline = pipeline(returning(Matte.blank(W, H)), new RecordingMatting());
        assertThatThrownBy(() -> pipeline.cut(RgbImage.blank(W, H))).isInstanceOf(DegenerateMaskException.class);
    }

    @Test
    void aGivenMaskOfAnotherSizeIsRefused() {
        CutoutPipeline pipeline = pipeline(Segmenter.unavailable("test"), new RecordingMatting());
        assertThatThrownBy(() -> pipeline.task(RgbImage.blank(W + 1, H), new Guide.RoughMask(disc()), JobOptions.defaults()))
                .isInstanceOf(MismatchedGuideException.class);
        CutoutTask late = pipeline.task(() -> png(W + 1, H), new Guide.RoughMask(disc()), JobOptions.defaults(),
                outputs -> { }, StageListener.NONE);
        assertThat(failedStage(pipeline, late)).isEqualTo(JobStage.DECODE);
    }

    @Test
    void warmUpWarmsTheSegmenterAndTheMattingOnce() {
        int[] segmenterWarmUps = {0};
        Segmenter segmenter = new Segmenter() {
            @Override
            public List<Matte> segment(List<RgbImage> images) {
                return images.stream().map(i -> disc()).toList();
            }

            @Override
            public Duration warmUp() {
                segmenterWarmUps[0]++;
                return Duration.ZERO;
            }

            @Override
            public String modelName() {
                return "counting";
            }

            @Override
            public String modelVersion() {
                return "1";
            }

            @Override
            public void close() {
            }
        };
        RecordingMatting matting = new RecordingMatting();
        new CutoutPipeline(segmenter, new TrimapMatting(matting), SAME_COLOURS, ImageLimits.DEFAULT).warmUp();
        assertThat(segmenterWarmUps[0]).isEqualTo(1);
        assertThat(matting.masks).hasSize(1);
    }
}
