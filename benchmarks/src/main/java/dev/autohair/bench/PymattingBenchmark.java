package dev.autohair.bench;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.image.Resampler;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.quality.BackgroundPhotos;
import dev.autohair.quality.Composite;
import dev.autohair.quality.CompositeGenerator;
import dev.autohair.quality.CompositeKind;
import dev.autohair.quality.GroundTruthTrimap;
import dev.autohair.quality.RembgTrimapRule;
import dev.autohair.quality.labelled.LabelledFolder;
import dev.autohair.quality.labelled.LabelledPhoto;
import dev.autohair.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Closed-form matting plus multi-level foreground estimation, AutoHair's against pymatting's
 * ({@code estimate_alpha_cf} + {@code estimate_foreground_ml}, what rembg runs), on the same 8-bit
 * images and trimaps, in the same run: AutoHair warm in this JVM (median of several runs),
 * pymatting's compute time as its anchor script reports it (after numba's warm-up). Errors are
 * against the true alpha, on 8-bit mattes for both.
 *
 * <p>Cases: lemur (error against pymatting's own {@code lemur_alpha.png}), a lemur composite with
 * exactly known alpha, the generator's hair / curls / fur / product edges at 0.5, 2 and 8 MP with
 * their ground-truth trimaps, and the labelled photos ({@code ../shared/labelled-photos}, when
 * present) with rembg's trimap rule on their binary masks, scored against those masks.
 *
 * <p>Run: mvn -q -B -Pbench install -DskipTests &amp;&amp; mvn -q -B -Pbench -pl benchmarks exec:java
 * -Dexec.mainClass=dev.autohair.bench.PymattingBenchmark [-Dexec.args="sizes=0.5,2,8 kinds=hair,fur labelled=DIR tolerances=1e-4,3e-4 epsilons=1e-6 start=doubled rounds=2 keep=DIR"]
 */
public final class PymattingBenchmark {

    private record Case(String name, RgbImage image, Trimap trimap, Matte truth) {}

    private PymattingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkArguments.parse(args);
        List<Case> cases = cases(options);
        Map<String, ClosedFormMatting> configurations = new LinkedHashMap<>();
        configurations.put("default", new ClosedFormMatting());
        addVariants(configurations, options.get("tolerances"), "tolerance", ClosedFormMatting.Options::withTolerance);
        addVariants(configurations, options.get("epsilons"), "epsilon", ClosedFormMatting.Options::withEpsilon);
        String start = options.get("start");
        if (start != null) { // the bilinear coarse-to-fine start, as before the guided one
            if (!start.equals("doubled")) {
                throw new IllegalArgumentException("start=" + start + ": the guided start is the default; start=doubled adds the bilinear one beside it");
            }
            configurations.put("start doubled", new ClosedFormMatting(ClosedFormMatting.Options.defaults().withGuidedStart(false)));
        }
        MultiLevelForegroundEstimation foreground = new MultiLevelForegroundEstimation();

        Optional<PymattingAnchor> anchor = PymattingAnchor.find();
        if (anchor.isPresent()) {
            System.out.println("pymatting: " + anchor.get().script());
        } else {
            System.out.println("pymatting: no shared/anchors/pymatting_anchor.py at or above " + Path.of("").toAbsolutePath()
                    + "; AutoHair's figures only, no ratio");
        }
        // Rounds alternate pymatting's process with AutoHair's runs; each side keeps its fastest
        // round, so load from elsewhere on a shared machine penalises neither side alone.
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        Map<String, PymattingAnchor.Run> pymatting = new LinkedHashMap<>();
        Map<String, Measured> ours = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            if (anchor.isPresent()) {
                Map<String, PymattingAnchor.Case> inputs = new LinkedHashMap<>();
                cases.forEach(c -> inputs.put(c.name(), new PymattingAnchor.Case(c.image(), c.trimap())));
                anchor.get().run(inputs).forEach((name, run) -> pymatting.merge(name, run,
                        (a1, a2) -> a1.seconds() <= a2.seconds() ? a1 : a2));
            }
            for (Case c : cases) {
                for (Map.Entry<String, ClosedFormMatting> configuration : configurations.entrySet()) {
                    Measured m = measure(c, configuration.getValue(), foreground);
                    ours.merge(c.name() + "\t" + configuration.getKey(), m, (m1, m2) -> m1.ms() <= m2.ms() ? m1 : m2);
                }
            }
        }

        if (options.containsKey("keep")) {
            keep(Path.of(options.get("keep")), cases, ours);
        }
        System.out.printf(Locale.ROOT, "%s; %d rounds; AutoHair = ClosedFormMatting.solve + MultiLevelForegroundEstimation%n%n",
                Machine.describe(), rounds);
        System.out.println("| case | pixels | unknowns | configuration | AutoHair ms | pymatting ms | ratio | SAD AutoHair | SAD pymatting | MSE AutoHair | MSE pymatting |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Case c : cases) {
            PymattingAnchor.Run theirs = pymatting.get(c.name());
            for (String configuration : configurations.keySet()) {
                Measured m = ours.get(c.name() + "\t" + configuration);
                Matte alpha = eightBit(m.result().matte());
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %.1f | %s | %s | %.3f | %s | %.2e | %s |%n", c.name(),
                        c.image().pixelCount(), m.result().unknowns(), configuration, m.ms(),
                        theirs == null ? "—" : String.format(Locale.ROOT, "%.1f", theirs.seconds() * 1000),
                        theirs == null ? "—" : String.format(Locale.ROOT, "%.1f×", theirs.seconds() * 1000 / m.ms()),
                        sad(alpha, c.truth()), theirs == null ? "—" : String.format(Locale.ROOT, "%.3f", sad(theirs.alpha(), c.truth())),
                        mse(alpha, c.truth()), theirs == null ? "—" : String.format(Locale.ROOT, "%.2e", mse(theirs.alpha(), c.truth())));
            }
        }
    }

    private record Measured(double ms, ClosedFormMatting.Result result) {}

    /**
     * Writes each case as the anchor reads it, with its true alpha (NAME.truth.png) and the
     * default configuration's (NAME.autohair.png), for checks outside the JVM
     * ({@code benchmarks/scripts/pymatting_stable_inverse.py}).
     */
    private static void keep(Path dir, List<Case> cases, Map<String, Measured> ours) throws IOException {
        Files.createDirectories(dir);
        for (Case c : cases) {
            PymattingAnchor.write(dir, c.name(), new PymattingAnchor.Case(c.image(), c.trimap()));
            PymattingAnchor.write(dir.resolve(c.name() + ".truth.png"), c.truth());
            PymattingAnchor.write(dir.resolve(c.name() + ".autohair.png"), ours.get(c.name() + "\tdefault").result().matte());
        }
        System.out.println("cases written to " + dir.toAbsolutePath());
    }

    /** One configuration per comma-separated value: the defaults with that value set, named "NAME VALUE". */
    private static void addVariants(Map<String, ClosedFormMatting> configurations, String values, String name,
            BiFunction<ClosedFormMatting.Options, Double, ClosedFormMatting.Options> with) {
        for (String value : values == null ? new String[0] : values.split(",")) {
            if (!value.isBlank()) {
                configurations.put(name + " " + value,
                        new ClosedFormMatting(with.apply(ClosedFormMatting.Options.defaults(), Double.parseDouble(value))));
            }
        }
    }

    /** Median of several warm runs (one run from 4 MP up), after a warm-up run. */
    private static Measured measure(Case c, ClosedFormMatting matting, MultiLevelForegroundEstimation foreground) {
        int runs = c.image().pixelCount() < 1_000_000 ? 7 : c.image().pixelCount() < 4_000_000 ? 3 : 1;
        ClosedFormMatting.Result result = matting.solve(c.image(), c.trimap());
        foreground.estimate(c.image(), result.matte());
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            result = matting.solve(c.image(), c.trimap());
            foreground.estimate(c.image(), result.matte());
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Measured(ms[runs / 2], result);
    }

    private static List<Case> cases(Map<String, String> options) throws Exception {
        List<Case> cases = new ArrayList<>();
        RgbImage lemur = quantised(Samples.rgb("lemur.png"));
        Trimap lemurTrimap = Samples.trimap("lemur_trimap.png");
        Matte lemurAlpha = Samples.matte("lemur_alpha.png");
        cases.add(new Case("lemur", lemur, lemurTrimap, lemurAlpha));
        RgbImage composite = Samples.composite(Samples.rgb("lemur_foreground.png"), lemurAlpha,
                Resampler.resize(Samples.rgb("coffee.png"), lemur.width(), lemur.height()));
        cases.add(new Case("lemur-composite", quantised(composite), lemurTrimap, lemurAlpha));

        CompositeGenerator generator = new CompositeGenerator(BackgroundPhotos.load(Samples.dir()));
        for (String size : options.getOrDefault("sizes", "0.5,2,8").split(",")) {
            if (size.isBlank()) {
                continue;
            }
            double megapixels = Double.parseDouble(size);
            int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
            int height = width * 3 / 4;
            for (String kind : options.getOrDefault("kinds", "hair,curls,fur,product_edge").split(",")) {
                Composite c = generator.generate(CompositeKind.valueOf(kind.toUpperCase(Locale.ROOT)), width, height, 1);
                Matte truth = eightBit(c.alpha());
                cases.add(new Case(kind + "-" + size + "MP", quantised(c.image()), GroundTruthTrimap.of(truth), truth));
            }
        }

        Path labelled = Path.of(options.getOrDefault("labelled", "../shared/labelled-photos"));
        if (!labelled.isAbsolute()) {
            labelled = findAbove(labelled);
        }
        if (labelled != null && Files.isDirectory(labelled)) {
            for (LabelledPhoto photo : LabelledFolder.load(labelled, 0)) {
                cases.add(new Case("labelled-" + photo.name(), quantised(photo.image()),
                        new RembgTrimapRule().generate(photo.truth()), photo.truth()));
            }
        } else {
            System.out.println("labelled photos: none found (labelled=DIR to name them); their rows are left out");
        }
        return cases;
    }

    private static Path findAbove(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative).normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static RgbImage quantised(RgbImage image) {
        float[] rgb = image.rgb().clone();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = PymattingAnchor.byte8(rgb[i]) / 255f;
        }
        return new RgbImage(image.width(), image.height(), rgb);
    }

    private static Matte eightBit(Matte matte) {
        float[] alpha = matte.alpha().clone();
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = PymattingAnchor.byte8(alpha[i]) / 255f;
        }
        return new Matte(matte.width(), matte.height(), alpha);
    }

    /** Sum of absolute differences, in thousands. */
    private static double sad(Matte a, Matte b) {
        double s = 0;
        for (int i = 0; i < a.pixelCount(); i++) {
            s += Math.abs(a.alpha()[i] - b.alpha()[i]);
        }
        return s / 1000;
    }

    private static double mse(Matte a, Matte b) {
        double s = 0;
        for (int i = 0; i < a.pixelCount(); i++) {
            double d = a.alpha()[i] - b.alpha()[i];
            s += d * d;
        }
        return s / a.pixelCount();
    }
}
