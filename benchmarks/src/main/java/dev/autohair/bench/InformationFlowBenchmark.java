package dev.autohair.bench;

import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.flow.InformationFlowMatting;
import dev.autohair.pipeline.trimap.Trimaps;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.Composite;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.RoughMask;
import dev.autohair.testing.Samples;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Information-flow matting against closed-form, its baseline in the same run, on the product's
 * path: a composite (seed 1), its 320 px network-like rough mask, the default (adaptive) band,
 * matting with the mask as prior. Median wall time over the rounds after one warm-up, the
 * information-flow solve's iterations, and each method's SAD (k) against the exact alpha.
 *
 * <p>Run: mvn -q -B -Pbench install -DskipTests &amp;&amp; mvn -q -B -Pbench -pl benchmarks exec:java
 * -Dexec.mainClass=dev.autohair.bench.InformationFlowBenchmark [-Dexec.args="widths=640,1280
 * kinds=hair,curls,fur,product_edge rounds=3"]
 */
public final class InformationFlowBenchmark {

    private InformationFlowBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkArguments.parse(args);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        CompositeGenerator generator = new CompositeGenerator(BackgroundPhotos.load(Samples.dir()));
        ClosedFormMatting closedForm = new ClosedFormMatting();
        InformationFlowMatting flow = new InformationFlowMatting();
        System.out.printf(Locale.ROOT, "%s; %d rounds after a warm-up; median ms%n%n", Machine.describe(), rounds);
        System.out.println("| case | unknowns | closed-form ms | information-flow ms | IFM iterations | IFM / CF"
                + " | SAD CF | SAD IFM |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String width : options.getOrDefault("widths", "640,1280").split(",")) {
            int w = Integer.parseInt(width.trim());
            for (String kind : options.getOrDefault("kinds", "hair,curls,fur,product_edge").split(",")) {
                Composite composite = generator.generate(CompositeKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)),
                        w, w * 3 / 4, 1);
                Matte mask = RoughMask.network(composite.alpha(), RoughMask.DEFAULT_LONG_SIDE);
                Trimap trimap = Trimaps.forSpec(TrimapSpec.auto()).generate(mask);
                double[] cfMs = new double[rounds];
                double[] ifmMs = new double[rounds];
                Matte cf = null;
                InformationFlowMatting.Result ifm = null;
                for (int round = -1; round < rounds; round++) { // round -1 warms up
                    long start = System.nanoTime();
                    cf = closedForm.estimate(composite.image(), trimap, mask);
                    long middle = System.nanoTime();
                    ifm = flow.solve(composite.image(), trimap, mask);
                    long end = System.nanoTime();
                    if (round >= 0) {
                        cfMs[round] = (middle - start) / 1e6;
                        ifmMs[round] = (end - middle) / 1e6;
                    }
                }
                double c = median(cfMs);
                double f = median(ifmMs);
                System.out.printf(Locale.ROOT, "| %s %dx%d | %d | %.0f | %.0f | %d | %.1f× | %.2f | %.2f |%n", kind, w,
                        w * 3 / 4, trimap.unknownCount(), c, f, ifm.iterations(), f / c, sad(cf, composite.alpha()),
                        sad(ifm.matte(), composite.alpha()));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double sad(Matte estimate, Matte truth) {
        double sum = 0;
        for (int i = 0; i < truth.pixelCount(); i++) {
            sum += Math.abs(estimate.alpha()[i] - truth.alpha()[i]);
        }
        return sum / 1000;
    }
}
