package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.image.Resampler;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.quality.AlphaError;
import dev.autohair.quality.AlphaMetrics;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.Composite;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.GroundTruthTrimap;
import dev.autohair.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A measurement, not a test: SAD, MSE and time of information-flow against closed-form matting
 * on the quality generator's composites with ground-truth trimaps, and on lemur. Prints
 * Markdown. Arguments: {@code seeds=1-3 sizes=640x480,1280x960 kinds=HAIR,CURLS,FUR,PRODUCT_EDGE
 * lemur=true}; information-flow options from system properties {@code ifm.sigmaKu} and friends
 * (see {@link #options()}). Closed-form results are cached in {@code ifm.cache} (default
 * /tmp/autohair-cf-cache.tsv) since they do not change while information-flow is tuned.
 */
public final class FlowComparison {

    private FlowComparison() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            arguments.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String[] seedRange = arguments.getOrDefault("seeds", "1-3").split("-");
        long firstSeed = Long.parseLong(seedRange[0]);
        long lastSeed = Long.parseLong(seedRange[seedRange.length - 1]);
        List<int[]> sizes = new ArrayList<>();
        for (String size : arguments.getOrDefault("sizes", "640x480,1280x960").split(",")) {
            String[] wh = size.split("x");
            sizes.add(new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])});
        }
        List<CompositeKind> kinds = new ArrayList<>();
        for (String kind : arguments.getOrDefault("kinds", "HAIR,CURLS,FUR,PRODUCT_EDGE").split(",")) {
            kinds.add(CompositeKind.valueOf(kind));
        }
        InformationFlowMatting.Options options = options();
        System.out.println("information-flow options: " + options);
        InformationFlowMatting flow = new InformationFlowMatting(options);
        ClosedFormMatting closedForm = new ClosedFormMatting();
        Path cacheFile = Path.of(System.getProperty("ifm.cache", "/tmp/autohair-cf-cache.tsv"));
        Map<String, double[]> cache = readCache(cacheFile);
        CompositeGenerator generator = new CompositeGenerator(BackgroundPhotos.load(Samples.dir()));

        System.out.println();
        System.out.println("| composite | size | seed | unknowns | CF SAD (k) | IFM SAD (k) | IFM/CF | CF MSE ×10⁻³"
                + " | IFM MSE ×10⁻³ | CF s | IFM s | IFM iterations |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (int[] size : sizes) {
            for (CompositeKind kind : kinds) {
                for (long seed = firstSeed; seed <= lastSeed; seed++) {
                    Composite composite = generator.generate(kind, size[0], size[1], seed);
                    Trimap trimap = GroundTruthTrimap.of(composite.alpha());
                    String key = kind + "\t" + size[0] + "x" + size[1] + "\t" + seed;
                    double[] cf = cache.get(key);
                    if (cf == null) {
                        cf = measure(closedForm, composite.image(), trimap, composite.alpha());
                        cache.put(key, cf);
                        writeCache(cacheFile, cache);
                    }
                    long start = System.nanoTime();
                    InformationFlowMatting.Result result = flow.solve(composite.image(), trimap);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    AlphaError ifm = AlphaMetrics.overWholeImage(result.matte(), composite.alpha());
                    System.out.printf(Locale.ROOT, "| %s | %dx%d | %d | %d | %.2f | %.2f | %.2f | %.3f | %.3f | %.1f"
                            + " | %.1f | %d |%n", kind.name().toLowerCase(Locale.ROOT), size[0], size[1], seed,
                            result.unknowns(), cf[0], ifm.sad(), ifm.sad() / cf[0], cf[1] * 1000, ifm.mse() * 1000,
                            cf[2], seconds, result.iterations());
                    double[] total = totals.computeIfAbsent(kind.name().toLowerCase(Locale.ROOT) + " " + size[0]
                            + "x" + size[1], k -> new double[4]);
                    total[0] += cf[0];
                    total[1] += ifm.sad();
                    total[2] += cf[2];
                    total[3] += seconds;
                }
            }
        }
        System.out.println();
        System.out.println("| composite | seeds " + firstSeed + "-" + lastSeed + ": CF SAD (k) | IFM SAD (k)"
                + " | change | CF s | IFM s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, double[]> e : totals.entrySet()) {
            double[] t = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.1f %% | %.1f | %.1f |%n", e.getKey(), t[0], t[1],
                    100 * (t[1] / t[0] - 1), t[2], t[3]);
        }
        if (Boolean.parseBoolean(arguments.getOrDefault("lemur", "true"))) {
            lemur(closedForm, flow);
        }
    }

    /** lemur.png against pymatting's closed-form matte of it, and lemur composited over coffee (exact alpha). */
    private static void lemur(ClosedFormMatting closedForm, InformationFlowMatting flow) {
        RgbImage lemur = Samples.rgb("lemur.png");
        Trimap trimap = Samples.trimap("lemur_trimap.png");
        Matte reference = Samples.matte("lemur_alpha.png");
        RgbImage composite = Samples.composite(Samples.rgb("lemur_foreground.png"), reference,
                Resampler.resize(Samples.rgb("coffee.png"), lemur.width(), lemur.height()));
        System.out.println();
        System.out.println("| lemur | CF SAD | IFM SAD | CF s | IFM s |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Object[] row : new Object[][] {{"lemur.png vs lemur_alpha.png (a closed-form matte)", lemur},
                {"lemur_foreground over coffee (exact alpha)", composite}}) {
            RgbImage image = (RgbImage) row[1];
            double[] cf = measure(closedForm, image, trimap, reference);
            double[] ifm = measure(flow, image, trimap, reference);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", row[0], cf[0] * 1000, ifm[0] * 1000,
                    cf[2], ifm[2]);
        }
    }

    /** SAD (thousands), MSE and seconds over the whole image. */
    private static double[] measure(AlphaMatting matting, RgbImage image, Trimap trimap, Matte truth) {
        long start = System.nanoTime();
        Matte estimate = matting.estimate(image, trimap);
        double seconds = (System.nanoTime() - start) / 1e9;
        AlphaError error = AlphaMetrics.overWholeImage(estimate, truth);
        return new double[] {error.sad(), error.mse(), seconds};
    }

    /** Defaults, overridden by system properties ifm.sigmaKu, ifm.sigmaUu, ifm.sigmaL, ifm.kCm, ifm.kKu, ifm.kUu,
     * ifm.sCm, ifm.sKu, ifm.sUu, ifm.lle, ifm.margin, ifm.rowMargin, ifm.tolerance. */
    static InformationFlowMatting.Options options() {
        InformationFlowMatting.Options d = InformationFlowMatting.Options.defaults();
        return new InformationFlowMatting.Options(
                Integer.getInteger("ifm.kCm", d.colourMixtureNeighbours()),
                Integer.getInteger("ifm.kKu", d.knownToUnknownNeighbours()),
                Integer.getInteger("ifm.kUu", d.intraUnknownNeighbours()),
                real("ifm.sigmaKu", d.sigmaKu()), real("ifm.sigmaUu", d.sigmaUu()), real("ifm.sigmaL", d.sigmaLocal()),
                real("ifm.sCm", d.colourMixtureSpatial()), real("ifm.sKu", d.knownToUnknownSpatial()),
                real("ifm.sUu", d.intraUnknownSpatial()), real("ifm.lle", d.lleRegularisation()),
                Integer.getInteger("ifm.margin", d.knownMargin()), Integer.getInteger("ifm.rowMargin",
                d.knownRowMargin()), d.epsilon(), real("ifm.tolerance", d.tolerance()),
                d.maxIterations());
    }

    private static double real(String property, double fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback : Double.parseDouble(value);
    }

    private static Map<String, double[]> readCache(Path file) throws IOException {
        Map<String, double[]> cache = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                cache.put(f[0] + "\t" + f[1] + "\t" + f[2],
                        new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
            }
        }
        return cache;
    }

    private static void writeCache(Path file, Map<String, double[]> cache) throws IOException {
        List<String> lines = new ArrayList<>();
        cache.forEach((k, v) -> lines.add(k + "\t" + v[0] + "\t" + v[1] + "\t" + v[2]));
        Files.write(file, lines);
    }
}
