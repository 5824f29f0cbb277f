package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.colour.ForegroundEstimation;

/**
 * How much of the old background a cutout carries onto a new one, on a composite whose
 * foreground colour F* and alpha α* are exactly known. The cutout is an estimated alpha α̂ with
 * the foreground colours F̂ that {@link ForegroundEstimation} recovers from the photo under α̂, as
 * the pipeline makes it; both are put over a plain {@link #GREEN} background (far from every
 * subject and photo colour, so any old background shows).
 *
 * <p>Measured over the same pixels for every cutout: those with {@value #LOW} ≤ α* ≤ {@value #HIGH}
 * (where a halo can appear at all), as {@code MultiLevelForegroundEstimationTest} does:
 *
 * <ul>
 *   <li>{@code colour}: mean over those pixels and the channels of α*·|F̂ − F*|, the old
 *       background left in the foreground colour, weighted as it shows on a new background with
 *       the true alpha. With α̂ = α* it is exactly the cutout's error on green.
 *   <li>{@code cutout}: mean of |α̂F̂ + (1 − α̂)G − (α*F* + (1 − α*)G)|, the error one sees on
 *       green, alpha error included.
 * </ul>
 *
 * @param colour mean α*·|F̂ − F*| per pixel and channel over the fractional pixels
 * @param cutout mean |cutout − truth| on green per pixel and channel over the same pixels
 * @param pixels how many pixels were measured
 */
public record Halo(double colour, double cutout, long pixels) {

    /** Pixels with true alpha in [LOW, HIGH] are measured. */
    public static final float LOW = 0.01f;
    public static final float HIGH = 0.99f;
    /** The new background: pure green, as a keying screen. */
    public static final float[] GREEN = {0f, 1f, 0f};

    /** The halo of the cutout (alpha, F̂ estimated by {@code estimation}) of {@code composite}. */
    public static Halo of(Composite composite, Matte alpha, ForegroundEstimation estimation) {
        return of(composite, alpha, estimation.estimate(composite.image(), alpha));
    }

    /** The halo of the cutout (alpha, foreground) of {@code composite}. */
    public static Halo of(Composite composite, Matte alpha, RgbImage foreground) {
        Matte truth = composite.alpha();
        if (!alpha.sameSizeAs(composite.image()) || foreground.width() != truth.width()
                || foreground.height() != truth.height()) {
            throw new IllegalArgumentException("cutout " + alpha.width() + "x" + alpha.height() + " / "
                    + foreground.width() + "x" + foreground.height() + " does not match the composite "
                    + truth.width() + "x" + truth.height());
        }
        float[] a = alpha.alpha();
        float[] t = truth.alpha();
        float[] f = foreground.rgb();
        float[] ft = composite.foreground().rgb();
        double colour = 0;
        double cutout = 0;
        long pixels = 0;
        for (int i = 0; i < t.length; i++) {
            float at = t[i];
            if (at < LOW || at > HIGH) {
                continue;
            }
            pixels++;
            for (int c = 0; c < 3; c++) {
                double fe = f[3 * i + c];
                double ftc = ft[3 * i + c];
                colour += at * Math.abs(fe - ftc);
                double estimated = a[i] * fe + (1 - a[i]) * GREEN[c];
                double expected = at * ftc + (1 - at) * GREEN[c];
                cutout += Math.abs(estimated - expected);
            }
        }
        long n = Math.max(1, 3 * pixels);
        return new Halo(colour / n, cutout / n, pixels);
    }
}
