package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.trimap.TrimapGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Measures how close each way of getting alpha comes to the exact alpha of rendered composites:
 * a perfect hard mask, the rough mask alone, rough mask → automatic trimap → matting, and the
 * true trimap → matting (the ceiling for the matting method itself).
 */
public final class QualityReport {

    private final CompositeGenerator generator;
    private final TrimapGenerator trimaps;
    private final AlphaMatting matting;

    public QualityReport(CompositeGenerator generator, TrimapGenerator trimaps, AlphaMatting matting) {
        this.generator = Objects.requireNonNull(generator, "composite generator");
        this.trimaps = Objects.requireNonNull(trimaps, "trimap generator");
        this.matting = Objects.requireNonNull(matting, "matting method");
    }

    public QualityResult measure(List<CompositeKind> kinds, int width, int height, long seed) {
        List<QualityRow> rows = new ArrayList<>();
        for (CompositeKind kind : kinds) {
            Composite composite = generator.generate(kind, width, height, seed);
            Matte truth = composite.alpha();
            boolean[] unknown = GroundTruthTrimap.unknownRegion(truth);
            Matte rough = RoughMask.of(truth);

            rows.add(row(kind, MaskSource.PERFECT_HARD_MASK, hard(truth), truth, unknown, 0));
            rows.add(row(kind, MaskSource.ROUGH_MASK, rough, truth, unknown, 0));
            // the pipeline hands matting the mask its trimap came from; the true trimap has none
            rows.add(matted(composite, MaskSource.ROUGH_MASK_TRIMAP_MATTING, trimaps.generate(rough), rough, unknown));
            rows.add(matted(composite, MaskSource.TRUE_TRIMAP_MATTING, GroundTruthTrimap.of(truth), null, unknown));
        }
        return new QualityResult(matting.name(), width, height, seed, rows);
    }

    private QualityRow matted(Composite composite, MaskSource source, Trimap trimap, Matte mask, boolean[] unknown) {
        long start = System.nanoTime();
        Matte estimate = matting.estimate(composite.image(), trimap, mask);
        double seconds = (System.nanoTime() - start) / 1e9;
        return row(composite.kind(), source, estimate, composite.alpha(), unknown, seconds);
    }

    private static QualityRow row(CompositeKind kind, MaskSource source, Matte estimate, Matte truth,
            boolean[] unknown, double seconds) {
        return new QualityRow(kind, source, AlphaMetrics.overWholeImage(estimate, truth),
                AlphaMetrics.over(estimate, truth, unknown), seconds);
    }

    private static Matte hard(Matte truth) {
        float[] a = new float[truth.pixelCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = truth.alpha()[i] >= 0.5f ? 1f : 0f;
        }
        return new Matte(truth.width(), truth.height(), a);
    }

    /** A Markdown report: one table over the whole image, one over the true unknown region. */
    public static String render(QualityResult result) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Matting: `%s`; composites %dx%d, seed %d.%n%n",
                result.matting(), result.width(), result.height(), result.seed()));
        md.append("SAD in thousands (Σ|Δα| ÷ 1000), MSE ×10⁻³ (mean of Δα²), gradient error Σ(|∇α| − |∇α*|)² with"
                + " σ = 1.4 Gaussian derivatives (not ÷1000); alpha in [0, 1]; lower is better.\n\n");
        table(md, result, "Whole image", true);
        md.append('\n');
        table(md, result, "True unknown region (0 < α < 1, dilated 2 px)", false);
        return md.toString();
    }

    private static void table(StringBuilder md, QualityResult result, String title, boolean whole) {
        md.append("**").append(title).append("**\n\n");
        md.append("| composite | alpha from | SAD (k) | MSE (×10⁻³) | gradient | matting s |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (QualityRow row : result.rows()) {
            AlphaError e = whole ? row.wholeImage() : row.unknownRegion();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.3f | %.2f | %s |%n",
                    row.kind().name().toLowerCase(Locale.ROOT), row.source().label(), e.sad(), e.mse() * 1000,
                    e.gradient(), row.seconds() > 0 ? String.format(Locale.ROOT, "%.1f", row.seconds()) : "–"));
        }
    }
}
