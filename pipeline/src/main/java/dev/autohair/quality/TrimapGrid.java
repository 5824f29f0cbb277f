package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The trimap comparison over kinds × widths × rough-mask resolutions × seeds: every
 * {@link GridMethod}, scored by SAD and MSE over the whole image. Composites are width × ¾ width;
 * rough masks are {@link RoughMask#network} at the given working resolution.
 */
public final class TrimapGrid {

    /** What to measure. */
    public record Spec(List<CompositeKind> kinds, List<Integer> widths, List<Integer> maskSides, List<Long> seeds,
            List<GridMethod> methods) {
        public Spec {
            kinds = List.copyOf(kinds);
            widths = List.copyOf(widths);
            maskSides = List.copyOf(maskSides);
            seeds = List.copyOf(seeds);
            methods = List.copyOf(methods);
            if (kinds.isEmpty() || widths.isEmpty() || maskSides.isEmpty() || seeds.isEmpty() || methods.isEmpty()) {
                throw new IllegalArgumentException("the grid needs at least one kind, width, mask side, seed and method");
            }
        }
    }

    /** One measurement: SAD in thousands, MSE per pixel, matting seconds (0 without matting). */
    public record Cell(CompositeKind kind, int width, int maskSide, long seed, GridMethod method, double sad, double mse,
            double seconds) {
    }

    private final CompositeGenerator generator;
    private final AlphaMatting matting;

    public TrimapGrid(CompositeGenerator generator, AlphaMatting matting) {
        this.generator = Objects.requireNonNull(generator, "composite generator");
        this.matting = Objects.requireNonNull(matting, "matting method");
    }

    /** Measures every cell; one progress line per cell goes to {@code progress}. */
    public List<Cell> measure(Spec spec, PrintStream progress) {
        List<Cell> cells = new ArrayList<>();
        for (int width : spec.widths()) {
            int height = width * 3 / 4;
            for (long seed : spec.seeds()) {
                for (CompositeKind kind : spec.kinds()) {
                    Composite composite = generator.generate(kind, width, height, seed);
                    for (int side : spec.maskSides()) {
                        Matte rough = RoughMask.network(composite.alpha(), side);
                        for (GridMethod method : spec.methods()) {
                            Cell cell = measure(composite, rough, method, side, seed);
                            cells.add(cell);
                            progress.printf(Locale.ROOT, "%s %d mask %d seed %d %s: SAD %.2f MSE %.3f (%.1f s)%n",
                                    kind, width, side, seed, method, cell.sad(), cell.mse() * 1000, cell.seconds());
                        }
                    }
                }
            }
        }
        return cells;
    }

    private Cell measure(Composite composite, Matte rough, GridMethod method, int side, long seed) {
        Matte truth = composite.alpha();
        Matte estimate;
        double seconds = 0;
        if (method == GridMethod.PERFECT_HARD_MASK) {
            estimate = hard(truth);
        } else if (method == GridMethod.ROUGH_MASK) {
            estimate = rough;
        } else {
            TrimapGenerator trimaps = method.trimaps().orElseThrow();
            long start = System.nanoTime();
            Trimap trimap = trimaps.generate(rough);
            estimate = matting.estimate(composite.image(), trimap, rough);
            seconds = (System.nanoTime() - start) / 1e9;
        }
        double sad = 0;
        double squares = 0;
        for (int i = 0; i < truth.pixelCount(); i++) {
            double d = estimate.alpha()[i] - truth.alpha()[i];
            sad += Math.abs(d);
            squares += d * d;
        }
        return new Cell(composite.kind(), truth.width(), side, seed, method, sad / 1000, squares / truth.pixelCount(),
                seconds);
    }

    private static Matte hard(Matte truth) {
        float[] a = new float[truth.pixelCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = truth.alpha()[i] >= 0.5f ? 1f : 0f;
        }
        return new Matte(truth.width(), truth.height(), a);
    }

    /** Markdown: per mask side a table of kind × width × method (SAD / MSE, means over the seeds), then the checks. */
    public String render(Spec spec, List<Cell> cells) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Seeds %s; matting %s; SAD in thousands / MSE ×10⁻³ over the whole image,"
                + " mean over the seeds; lower is better.%n%n", spec.seeds(), matting.name()));
        for (int side : spec.maskSides()) {
            md.append(String.format(Locale.ROOT, "**Rough mask at %d px (network-like, scaled up)**%n%n", side));
            md.append("| kind | width |");
            spec.methods().forEach(m -> md.append(' ').append(m.label()).append(" |"));
            md.append("\n|---|---:|");
            spec.methods().forEach(m -> md.append("---:|"));
            md.append('\n');
            for (int width : spec.widths()) {
                for (CompositeKind kind : spec.kinds()) {
                    md.append(String.format(Locale.ROOT, "| %s | %d |", label(kind), width));
                    for (GridMethod m : spec.methods()) {
                        md.append(String.format(Locale.ROOT, " %.2f / %.2f |",
                                mean(cells, c -> c.kind() == kind && c.width() == width && c.maskSide() == side
                                        && c.method() == m, true),
                                mean(cells, c -> c.kind() == kind && c.width() == width && c.maskSide() == side
                                        && c.method() == m, false) * 1000));
                    }
                    md.append('\n');
                }
                md.append(String.format(Locale.ROOT, "| **mean** | %d |", width));
                for (GridMethod m : spec.methods()) {
                    md.append(String.format(Locale.ROOT, " **%.2f** / %.2f |",
                            mean(cells, c -> c.width() == width && c.maskSide() == side && c.method() == m, true),
                            mean(cells, c -> c.width() == width && c.maskSide() == side && c.method() == m, false)
                                    * 1000));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        checks(md, spec, cells);
        return md.toString();
    }

    private static void checks(StringBuilder md, Spec spec, List<Cell> cells) {
        if (!spec.methods().contains(GridMethod.ADAPTIVE)) {
            return;
        }
        if (spec.methods().contains(GridMethod.PERFECT_HARD_MASK)) {
            List<String> losses = new ArrayList<>();
            int total = 0;
            for (int side : spec.maskSides()) {
                for (int width : spec.widths()) {
                    for (CompositeKind kind : spec.kinds()) {
                        total++;
                        double auto = mean(cells, c -> c.kind() == kind && c.width() == width && c.maskSide() == side
                                && c.method() == GridMethod.ADAPTIVE, true);
                        double hard = mean(cells, c -> c.kind() == kind && c.width() == width && c.maskSide() == side
                                && c.method() == GridMethod.PERFECT_HARD_MASK, true);
                        if (!(auto < hard)) {
                            losses.add(String.format(Locale.ROOT, "%s %d px, mask %d (%.2f vs %.2f)", label(kind),
                                    width, side, auto, hard));
                        }
                    }
                }
            }
            md.append(String.format(Locale.ROOT, "- adaptive beats a perfect hard mask (mean SAD) in %d of %d kind × size ×"
                    + " mask cells%s%n", total - losses.size(), total,
                    losses.isEmpty() ? "" : "; not in: " + String.join(", ", losses)));
        }
        if (spec.methods().contains(GridMethod.REMBG_RULE)) {
            for (int side : spec.maskSides()) {
                for (int width : spec.widths()) {
                    double auto = mean(cells, c -> c.width() == width && c.maskSide() == side
                            && c.method() == GridMethod.ADAPTIVE, true);
                    double rembg = mean(cells, c -> c.width() == width && c.maskSide() == side
                            && c.method() == GridMethod.REMBG_RULE, true);
                    md.append(String.format(Locale.ROOT, "- %d px, mask %d: adaptive %.2f vs rembg rule %.2f (mean SAD"
                            + " over kinds): %s%n", width, side, auto, rembg, auto < rembg ? "adaptive wins" : "rembg wins"));
                }
            }
        }
    }

    private static double mean(List<Cell> cells, Predicate<Cell> which, boolean sad) {
        return cells.stream().filter(which).mapToDouble(c -> sad ? c.sad() : c.mse()).average().orElse(Double.NaN);
    }

    private static String label(CompositeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
