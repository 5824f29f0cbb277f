package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.Composite;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.GroundTruthTrimap;
import dev.autohair.quality.Halo;
import dev.autohair.quality.RoughMask;
import dev.autohair.testing.Samples;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A measurement, not a test: the {@link Halo} of closed-form's and information-flow's cutouts
 * (alpha from each, foreground colours from {@link MultiLevelForegroundEstimation} under that
 * alpha, as the pipeline makes them), with the floor the true alpha gives (foreground estimated
 * under α*). Trimaps as {@link StrategyComparison}: {@code truth} and {@code auto} (320 px rough
 * mask, default automatic trimap, mask prior). Arguments: {@code seeds=1-1 sizes=816x612,3264x2448
 * kinds=HAIR,CURLS,FUR,PRODUCT_EDGE trimaps=truth,auto}. Prints Markdown rows as they come, then
 * means per size and trimap.
 */
public final class HaloComparison {

    private HaloComparison() {}

    public static void main(String[] args) throws IOException {
        ComparisonArguments arguments = ComparisonArguments.parse(args, "1-1", "816x612,3264x2448");
        long firstSeed = arguments.firstSeed();
        long lastSeed = arguments.lastSeed();
        List<int[]> sizes = arguments.sizes();
        List<CompositeKind> kinds = arguments.kinds();
        List<String> trimaps = arguments.trimaps();
        List<AlphaMatting> methods = List.of(new ClosedFormMatting(),
                new InformationFlowMatting(StrategyComparison.options()));
        MultiLevelForegroundEstimation estimation = new MultiLevelForegroundEstimation();
        CompositeGenerator generator = new CompositeGenerator(BackgroundPhotos.load(Samples.dir()));

        System.out.println("Halo on green over the pixels with 0.01 ≤ α* ≤ 0.99: colour = mean α*·|F̂ − F*|,"
                + " cutout = mean |α̂F̂ + (1 − α̂)G − (α*F* + (1 − α*)G)|, both ×10⁻³ per channel");
        System.out.println();
        System.out.println("| composite | size | seed | trimap | pixels | true α colour | CF colour | IFM colour"
                + " | IFM/CF colour | true α cutout | CF cutout | IFM cutout | IFM/CF cutout | CF s | IFM s |");
        System.out.println("|---|---|---:|---|" + "---:|".repeat(11));
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int[] size : sizes) {
            for (CompositeKind kind : kinds) {
                for (long seed = firstSeed; seed <= lastSeed; seed++) {
                    Composite composite = generator.generate(kind, size[0], size[1], seed);
                    Matte truth = composite.alpha();
                    Halo floor = Halo.of(composite, truth, estimation);
                    for (String which : trimaps) {
                        Matte mask = which.equals("truth") ? null : RoughMask.network(truth, RoughMask.DEFAULT_LONG_SIDE);
                        Trimap trimap = mask == null ? GroundTruthTrimap.of(truth) : new AutomaticTrimap().generate(mask);
                        Halo[] halo = new Halo[2];
                        double[] seconds = new double[2];
                        for (int m = 0; m < 2; m++) {
                            long start = System.nanoTime();
                            Matte alpha = methods.get(m).estimate(composite.image(), trimap, mask);
                            seconds[m] = (System.nanoTime() - start) / 1e9;
                            halo[m] = Halo.of(composite, alpha, estimation);
                        }
                        System.out.printf(Locale.ROOT, "| %s | %dx%d | %d | %s | %d | %.2f | %.2f | %.2f | %.3f | %.2f"
                                + " | %.2f | %.2f | %.3f | %.1f | %.1f |%n", kind.name().toLowerCase(Locale.ROOT),
                                size[0], size[1], seed, which, floor.pixels(), 1000 * floor.colour(),
                                1000 * halo[0].colour(), 1000 * halo[1].colour(), halo[1].colour() / halo[0].colour(),
                                1000 * floor.cutout(), 1000 * halo[0].cutout(), 1000 * halo[1].cutout(),
                                halo[1].cutout() / halo[0].cutout(), seconds[0], seconds[1]);
                        System.out.flush();
                        double[] s = sums.computeIfAbsent(kind.name().toLowerCase(Locale.ROOT) + " " + size[0] + "x"
                                + size[1] + "\t" + which, k -> new double[9]);
                        s[0] += floor.colour();
                        s[1] += halo[0].colour();
                        s[2] += halo[1].colour();
                        s[3] += floor.cutout();
                        s[4] += halo[0].cutout();
                        s[5] += halo[1].cutout();
                        s[6] += seconds[0];
                        s[7] += seconds[1];
                        s[8]++;
                    }
                }
            }
        }
        System.out.println();
        System.out.println("Means over seeds " + firstSeed + "–" + lastSeed + " (×10⁻³); seconds summed");
        System.out.println();
        System.out.println("| composite | trimap | true α colour | CF colour | IFM colour | IFM/CF | true α cutout"
                + " | CF cutout | IFM cutout | IFM/CF | IFM s / CF s |");
        System.out.println("|---|---|" + "---:|".repeat(9));
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            String[] key = e.getKey().split("\t");
            double[] s = e.getValue();
            double n = s[8];
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.3f | %.2f | %.2f | %.2f | %.3f | %.1f |%n",
                    key[0], key[1], 1000 * s[0] / n, 1000 * s[1] / n, 1000 * s[2] / n, s[2] / s[1], 1000 * s[3] / n,
                    1000 * s[4] / n, 1000 * s[5] / n, s[5] / s[4], s[7] / s[6]);
        }
    }
}
