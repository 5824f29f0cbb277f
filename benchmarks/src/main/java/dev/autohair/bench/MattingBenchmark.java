package dev.autohair.bench;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.image.Resampler;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.testing.MatteDifference;
import dev.autohair.testing.Samples;
import java.util.Arrays;

/**
 * Closed-form matting: the production solver (IC-preconditioned CG, coarse-to-fine start) against
 * plain conjugate gradients on the same unknown-only system with the same stopping tolerance, in
 * the same JVM run. Lemur against pymatting's solution, a lemur composite with exactly known alpha,
 * and lemur scaled up to ~0.5, 2 and 8 MP (image bilinear, trimap nearest, so the unknown band
 * scales with the image as a band from an upsampled segmentation would).
 *
 * <p>Run: mvn -q -B -Pbench install -DskipTests &amp;&amp;
 * mvn -q -B -Pbench -pl benchmarks exec:java -Dexec.mainClass=dev.autohair.bench.MattingBenchmark
 */
public final class MattingBenchmark {

    private MattingBenchmark() {}

    public static void main(String[] args) {
        ClosedFormMatting fast = new ClosedFormMatting();
        double tolerance = fast.options().tolerance();
        PlainConjugateGradientMatting plain = new PlainConjugateGradientMatting(fast.options().epsilon(), tolerance, 100_000);

        RgbImage lemur = Samples.rgb("lemur.png");
        Trimap trimap = Samples.trimap("lemur_trimap.png");
        Matte reference = Samples.matte("lemur_alpha.png");
        RgbImage composite = Samples.composite(Samples.rgb("lemur_foreground.png"), reference,
                Resampler.resize(Samples.rgb("coffee.png"), lemur.width(), lemur.height()));

        System.out.printf("closed-form matting, epsilon %.0e, relative-residual tolerance %.0e, %s%n%n",
                fast.options().epsilon(), tolerance, Machine.describe());
        System.out.printf("%-22s %9s %9s | %9s %6s %8s | %9s %6s | %6s | %s%n", "case", "pixels", "unknowns",
                "fast ms", "iters", "ms/MPu", "plain ms", "iters", "ratio", "error (SAD / MSE)");

        run("lemur vs pymatting", lemur, trimap, reference, fast, plain, 4, 11, 11);
        run("lemur composite", composite, trimap, reference, fast, plain, 1, 7, 7);
        for (double megapixels : new double[] {0.5, 2, 8}) {
            double scale = Math.sqrt(megapixels * 1e6 / lemur.pixelCount());
            int w = (int) Math.round(lemur.width() * scale);
            int h = (int) Math.round(lemur.height() * scale);
            RgbImage image = Resampler.resize(lemur, w, h);
            Trimap band = NearestNeighbour.resize(trimap, w, h);
            // plain CG needs ~4700 iterations at 8 MP (over 4 minutes on 2 cores): fast solver only there
            boolean huge = megapixels > 4;
            run(String.format("lemur x%.2f (%.1f MP)", scale, w * h / 1e6), image, band, null, fast,
                    huge ? null : plain, 1, 3, 1);
        }
    }

    /** Errors are against {@code truth} when given, else fast vs the plain solution of the same system. */
    private static void run(String name, RgbImage image, Trimap trimap, Matte truth, ClosedFormMatting fast,
            PlainConjugateGradientMatting plain, int warmups, int fastRuns, int plainRuns) {
        for (int i = 0; i < warmups; i++) {
            fast.solve(image, trimap);
            if (plain != null) {
                plain.solve(image, trimap);
            }
        }
        // fast and plain runs alternate, so drifting load on the shared machine hits both alike
        double[] fastMs = new double[fastRuns];
        double[] plainMs = new double[plain == null ? 0 : plainRuns];
        ClosedFormMatting.Result fastResult = null;
        PlainConjugateGradientMatting.Result plainResult = null;
        for (int round = 0; round < Math.max(fastMs.length, plainMs.length); round++) {
            if (round < fastMs.length) {
                long t0 = System.nanoTime();
                fastResult = fast.solve(image, trimap);
                fastMs[round] = (System.nanoTime() - t0) / 1e6;
            }
            if (round < plainMs.length) {
                long t0 = System.nanoTime();
                plainResult = plain.solve(image, trimap);
                plainMs[round] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double fastMedian = median(fastMs);
        Matte f = fastResult.matte();
        int unknowns = fastResult.unknowns();
        if (plain == null) {
            String error = truth != null
                    ? String.format("fast %.1f / %.2e (vs truth)", MatteDifference.sad(f, truth), MatteDifference.mse(f, truth))
                    : "";
            System.out.printf("%-22s %9d %9d | %9.1f %6d %8.1f | %9s %6s | %6s | %s%n", name, image.pixelCount(),
                    unknowns, fastMedian, fastResult.iterations(), fastMedian / (unknowns / 1e6), "not run", "", "", error);
            return;
        }
        double plainMedian = median(plainMs);
        Matte p = plainResult.matte();
        String error = truth != null
                ? String.format("fast %.1f / %.2e, plain %.1f / %.2e (vs truth)", MatteDifference.sad(f, truth),
                        MatteDifference.mse(f, truth), MatteDifference.sad(p, truth), MatteDifference.mse(p, truth))
                : String.format("fast vs plain %.1f / %.2e", MatteDifference.sad(f, p), MatteDifference.mse(f, p));
        System.out.printf("%-22s %9d %9d | %9.1f %6d %8.1f | %9.1f %6d | %5.1fx | %s%n", name,
                image.pixelCount(), unknowns, fastMedian, fastResult.iterations(), fastMedian / (unknowns / 1e6),
                plainMedian, plainResult.iterations(), plainMedian / fastMedian, error);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
