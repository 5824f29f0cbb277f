package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.image.Resampler;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.MaskPrior;
import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import dev.autohair.pipeline.trimap.Trimaps;
import dev.autohair.quality.AlphaError;
import dev.autohair.quality.AlphaMetrics;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.Composite;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.GroundTruthTrimap;
import dev.autohair.quality.RoughMask;
import dev.autohair.quality.labelled.LabelledFolder;
import dev.autohair.quality.labelled.LabelledPhoto;
import dev.autohair.testing.Samples;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A measurement, not a test: closed-form against information-flow matting (each with its
 * defaults, as {@code AUTOHAIR_MATTING_MODE} builds them) on the same trimaps, scored by SAD, MSE
 * and gradient error over the whole image, with each solve's time (the two run alternately, so
 * their ratio within one run is meaningful on a loaded machine).
 *
 * <p>Trimaps: {@code truth} ({@link GroundTruthTrimap}, no mask) and {@code auto} (as the product
 * runs on a rough mask: {@link RoughMask#network} at 320 px, the default (adaptive) band on it,
 * matting handed the mask as its prior) or {@code scaled} (the same with the seed's image-scaled
 * {@link AutomaticTrimap}, the default until the adaptive band). With
 * {@code labelled=DIR}, also the labelled photos: {@code mask} (the default band
 * made from the binary ground-truth mask, no prior, the same for both) and {@code auto} (the
 * mask made rough at 320 px, as on the composites), scored against the binary mask.
 *
 * <p>Arguments: {@code seeds=1-3 sizes=640x480,1280x960 kinds=HAIR,CURLS,FUR,PRODUCT_EDGE
 * trimaps=truth,auto composites=true lemur=false labelled=DIR}; information-flow options as
 * {@link #options()}. Prints Markdown: one row per solve, then sums over the seeds.
 */
public final class StrategyComparison {

    /** Rough-mask working resolution, as {@link RoughMask#DEFAULT_LONG_SIDE}. */
    private static final int MASK_SIDE = RoughMask.DEFAULT_LONG_SIDE;

    /** The product's band: what {@code "mode": "auto"} builds (the adaptive band). */
    private static final TrimapGenerator DEFAULT_BAND = Trimaps.forSpec(TrimapSpec.auto());

    private StrategyComparison() {}

    /** {@code auto}: the default band; {@code scaled}: the seed's image-scaled band (the default before the adaptive one). */
    private static TrimapGenerator bandFor(String name) {
        return switch (name) {
            case "auto" -> DEFAULT_BAND;
            case "scaled" -> new AutomaticTrimap();
            default -> throw new IllegalArgumentException("trimaps: truth, auto or scaled, got " + name);
        };
    }

    public static void main(String[] args) throws java.io.IOException {
        ComparisonArguments arguments = ComparisonArguments.parse(args, "1-3", "640x480,1280x960");
        long firstSeed = arguments.firstSeed();
        long lastSeed = arguments.lastSeed();
        List<int[]> sizes = arguments.sizes();
        List<CompositeKind> kinds = arguments.kinds();
        List<String> trimaps = arguments.trimaps();
        InformationFlowMatting.Options options = options();
        System.out.println("information-flow options: " + options);
        // -Difm.prior=off: information-flow without the mask prior (as before it took one)
        MaskPrior prior = "off".equals(System.getProperty("ifm.prior")) ? MaskPrior.OFF
                : InformationFlowMatting.DEFAULT_PRIOR;
        System.out.println("information-flow mask prior: " + prior);
        List<AlphaMatting> methods = List.of(new ClosedFormMatting(), new InformationFlowMatting(options, prior));

        StrategyComparison.Table table = new Table();
        if (Boolean.parseBoolean(arguments.getOrDefault("composites", "true"))) {
            CompositeGenerator generator = new CompositeGenerator(BackgroundPhotos.load(Samples.dir()));
            table.header("composite | size | seed");
            for (int[] size : sizes) {
                for (CompositeKind kind : kinds) {
                    for (long seed = firstSeed; seed <= lastSeed; seed++) {
                        Composite composite = generator.generate(kind, size[0], size[1], seed);
                        Matte truth = composite.alpha();
                        String group = kind.name().toLowerCase(Locale.ROOT) + " " + size[0] + "x" + size[1];
                        for (String kindOfTrimap : trimaps) {
                            Trimap trimap;
                            Matte mask;
                            if (kindOfTrimap.equals("truth")) {
                                trimap = GroundTruthTrimap.of(truth);
                                mask = null;
                            } else {
                                mask = RoughMask.network(truth, MASK_SIDE);
                                trimap = bandFor(kindOfTrimap).generate(mask);
                            }
                            table.row(group + " | " + seed, kindOfTrimap, group, trimap.unknownCount(),
                                    measure(methods, composite.image(), trimap, mask, truth));
                        }
                    }
                }
            }
            table.summary("composite (seeds " + firstSeed + "–" + lastSeed + ")");
        }
        if (Boolean.parseBoolean(arguments.getOrDefault("lemur", "false"))) {
            lemur(methods);
        }
        String labelled = arguments.get("labelled");
        if (labelled != null) {
            Table photos = new Table();
            photos.header("photo | size | –");
            for (LabelledPhoto photo : LabelledFolder.load(Path.of(labelled), 0)) {
                Matte truth = photo.truth();
                RgbImage image = photo.image();
                String size = image.width() + "x" + image.height();
                Trimap fromMask = DEFAULT_BAND.generate(truth);
                photos.row(photo.name() + " | " + size + " | –", "mask", "labelled photos", fromMask.unknownCount(),
                        measure(methods, image, fromMask, null, truth));
                Matte rough = RoughMask.network(truth, MASK_SIDE);
                Trimap auto = DEFAULT_BAND.generate(rough);
                photos.row(photo.name() + " | " + size + " | –", "auto", "labelled photos", auto.unknownCount(),
                        measure(methods, image, auto, rough, truth));
            }
            photos.summary("labelled photos (" + labelled + ")");
        }
    }

    /**
     * lemur.png with its trimap against pymatting's closed-form matte of it (which favours
     * closed-form), and lemur_foreground composited with that matte over coffee (exact alpha).
     */
    private static void lemur(List<AlphaMatting> methods) {
        RgbImage lemur = Samples.rgb("lemur.png");
        Trimap trimap = Samples.trimap("lemur_trimap.png");
        Matte reference = Samples.matte("lemur_alpha.png");
        RgbImage composite = Samples.composite(Samples.rgb("lemur_foreground.png"), reference,
                Resampler.resize(Samples.rgb("coffee.png"), lemur.width(), lemur.height()));
        Table table = new Table();
        table.header("lemur | size | –");
        String size = lemur.width() + "x" + lemur.height() + " | –";
        table.row("lemur.png vs lemur_alpha.png | " + size, "lemur_trimap", "lemur.png", trimap.unknownCount(),
                measure(methods, lemur, trimap, null, reference));
        table.row("lemur_foreground over coffee | " + size, "lemur_trimap", "lemur over coffee",
                trimap.unknownCount(), measure(methods, composite, trimap, null, reference));
    }

    /** Per method: SAD (k), MSE, gradient error, seconds, IoU at 0.5. */
    private static double[][] measure(List<AlphaMatting> methods, RgbImage image, Trimap trimap, Matte mask,
            Matte truth) {
        double[][] out = new double[methods.size()][];
        for (int m = 0; m < methods.size(); m++) {
            long start = System.nanoTime();
            Matte estimate = methods.get(m).estimate(image, trimap, mask);
            double seconds = (System.nanoTime() - start) / 1e9;
            AlphaError e = AlphaMetrics.overWholeImage(estimate, truth);
            out[m] = new double[] {e.sad(), e.mse(), e.gradient(), seconds, iou(estimate, truth)};
        }
        return out;
    }

    /**
     * Information-flow defaults, overridden by system properties ifm.sigmaKu, ifm.sigmaUu,
     * ifm.sigmaL, ifm.kCm, ifm.kKu, ifm.kUu, ifm.sCm, ifm.sKu, ifm.sUu, ifm.lle, ifm.margin,
     * ifm.rowMargin, ifm.tolerance; {@code -Difm.paper=true} starts from the paper's parameters.
     */
    static InformationFlowMatting.Options options() {
        InformationFlowMatting.Options d = Boolean.getBoolean("ifm.paper") ? InformationFlowMatting.Options.paper()
                : InformationFlowMatting.Options.defaults();
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

    private static double iou(Matte a, Matte b) {
        long both = 0;
        long either = 0;
        for (int i = 0; i < a.pixelCount(); i++) {
            boolean x = a.alpha()[i] >= 0.5f;
            boolean y = b.alpha()[i] >= 0.5f;
            both += x && y ? 1 : 0;
            either += x || y ? 1 : 0;
        }
        return either == 0 ? 1 : (double) both / either;
    }

    /** Rows as they come (flushed, so a long run can be followed), sums per group and trimap at the end. */
    static final class Table {
        private final Map<String, double[]> sums = new LinkedHashMap<>();

        void header(String first) {
            System.out.println();
            System.out.println("| " + first + " | trimap | unknowns | CF SAD (k) | IFM SAD (k) | IFM/CF | CF MSE ×10⁻³"
                    + " | IFM MSE ×10⁻³ | CF grad | IFM grad | CF IoU | IFM IoU | CF s | IFM s |");
            System.out.println("|---|---|---|---|" + "---:|".repeat(12));
        }

        void row(String label, String trimap, String group, int unknowns, double[][] r) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.4f | %.4f | %.1f | %.1f | %.4f"
                    + " | %.4f | %.2f | %.2f |%n", label, trimap, unknowns, r[0][0], r[1][0], r[1][0] / r[0][0],
                    r[0][1] * 1000, r[1][1] * 1000, r[0][2], r[1][2], r[0][4], r[1][4], r[0][3], r[1][3]);
            System.out.flush();
            double[] sum = sums.computeIfAbsent(group + "\t" + trimap, k -> new double[11]);
            for (int m = 0; m < 2; m++) {
                for (int j = 0; j < 5; j++) {
                    sum[5 * m + j] += r[m][j];
                }
            }
            sum[10]++;
        }

        void summary(String title) {
            System.out.println();
            System.out.println("**" + title + "**: SAD (k) and gradient error summed, MSE (×10⁻³) and IoU averaged"
                    + " over the rows; seconds summed");
            System.out.println();
            System.out.println("| group | trimap | CF SAD | IFM SAD | change | CF MSE | IFM MSE | CF grad | IFM grad"
                    + " | change | CF IoU | IFM IoU | CF s | IFM s | IFM s / CF s |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                String[] key = e.getKey().split("\t");
                double[] s = e.getValue();
                double n = s[10];
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %+.1f %% | %.3f | %.3f | %.0f | %.0f"
                        + " | %+.1f %% | %.4f | %.4f | %.1f | %.1f | %.1f |%n", key[0], key[1], s[0], s[5],
                        100 * (s[5] / s[0] - 1), 1000 * s[1] / n, 1000 * s[6] / n, s[2], s[7],
                        100 * (s[7] / s[2] - 1), s[4] / n, s[9] / n, s[3], s[8], s[8] / s[3]);
            }
            System.out.flush();
        }
    }
}
