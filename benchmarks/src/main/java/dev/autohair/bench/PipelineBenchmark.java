package dev.autohair.bench;

import dev.autohair.common.contract.JobStage;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutResult;

import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.Composite;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The whole cutout pipeline (selfie segmentation → automatic trimap → closed-form matting →
 * foreground colours) on hair composites of about 0.5, 2 and 8 megapixels, against the same
 * pipeline with a naive matting solver (plain conjugate gradients, no preconditioner, no
 * coarse-to-fine start) measured in the same run.
 *
 * <p>Run: {@code mvn -q -B -Pbench install -DskipTests && mvn -q -B -Pbench -pl benchmarks exec:java
 * -Dexec.mainClass=dev.autohair.bench.PipelineBenchmark}
 */
public final class PipelineBenchmark {

    private static final int[][] SIZES = {{816, 612}, {1632, 1224}, {3264, 2448}};
    private static final List<JobStage> STAGES = List.of(JobStage.MATTE, JobStage.SEGMENT, JobStage.TRIMAP,
            JobStage.COLOUR);

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CompositeGenerator generator = new CompositeGenerator(BackgroundPhotos.load(Path.of(args.length > 0 ? args[0] : "samples")));
        ClosedFormMatting naive = new ClosedFormMatting(ClosedFormMatting.Options.defaults()
                .withPreconditioning(ClosedFormMatting.Preconditioning.NONE).withCoarseToFine(false));
        try (CutoutPipeline production = pipeline(new ClosedFormMatting());
                CutoutPipeline baseline = pipeline(naive)) {
            System.out.printf(Locale.ROOT, "%s, max heap: %d MiB%n", Machine.describe(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| image | MP | unknown MP | stage | AutoHair ms | naive CG ms | speed-up | AutoHair ms per unknown MP |");
            System.out.println("|---|---:|---:|---|---:|---:|---:|---:|");
            // Warm both pipelines (JIT, TensorFlow's first run, thread pools) before anything is timed.
            RgbImage warmUp = generator.generate(CompositeKind.HAIR, 320, 240, 1).image();
            run(production, warmUp);
            run(baseline, warmUp);
            for (int[] size : SIZES) {
                Composite composite = generator.generate(CompositeKind.HAIR, size[0], size[1], 7);
                RgbImage request = composite.image();
                int reps = size[0] * size[1] > 4_000_000 ? 1 : 3;
                run(production, request); // warm-up at this size (allocation patterns, JIT of size-dependent paths)
                CutoutResult[] fast = repeat(production, request, reps);
                // Plain CG needs minutes at 8 MP (see the matting benchmark): the baseline runs up to 2 MP.
                CutoutResult[] slow = size[0] * size[1] > 4_000_000 ? null : repeat(baseline, request, 1);
                Trimap trimap = fast[0].trimap();
                double unknownMp = trimap.unknownCount() / 1e6;
                double mp = size[0] * (double) size[1] / 1e6;
                for (JobStage stage : STAGES) {
                    row(size, mp, unknownMp, stage.wireName(), median(fast, stage),
                            slow == null ? Double.NaN : median(slow, stage));
                }
                row(size, mp, unknownMp, "whole pipeline", medianTotal(fast), slow == null ? Double.NaN : medianTotal(slow));
            }
        }
    }

    private static CutoutPipeline pipeline(ClosedFormMatting matting) {
        return new CutoutPipeline(SelfieSegmentation.loadDefault(), matting, new MultiLevelForegroundEstimation());
    }

    private static CutoutResult run(CutoutPipeline pipeline, RgbImage request) {
        return pipeline.cut(request);
    }

    private static CutoutResult[] repeat(CutoutPipeline pipeline, RgbImage request, int reps) {
        CutoutResult[] results = new CutoutResult[reps];
        for (int i = 0; i < reps; i++) {
            results[i] = run(pipeline, request);
        }
        return results;
    }

    private static double median(CutoutResult[] results, JobStage stage) {
        return median(Arrays.stream(results).mapToDouble(r -> r.timings().millis(stage)).toArray());
    }

    /** The four stages the table lists (encoding the PNG is not part of the figure). */
    private static double medianTotal(CutoutResult[] results) {
        return median(Arrays.stream(results).mapToDouble(r -> STAGES.stream().mapToDouble(r.timings()::millis).sum())
                .toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void row(int[] size, double mp, double unknownMp, String stage, double fast, double slow) {
        String naive = Double.isNaN(slow) ? "not run" : String.format(Locale.ROOT, "%.0f", slow);
        String ratio = Double.isNaN(slow) ? "–" : String.format(Locale.ROOT, "%.1fx", slow / fast);
        System.out.printf(Locale.ROOT, "| %dx%d | %.2f | %.3f | %s | %.0f | %s | %s | %.0f |%n", size[0], size[1], mp,
                unknownMp, stage, fast, naive, ratio, fast / unknownMp);
    }
}
