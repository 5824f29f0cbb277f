package dev.autohair.pipeline.trimap;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import java.util.Objects;

/**
 * Builds a trimap from a segmentation mask by morphology.
 *
 * <ul>
 *   <li>BINARY: mask ≥ 0.5 is the subject; sure foreground = subject eroded by
 *       {@code erosion} px; unknown = subject dilated by {@code size} px minus the sure
 *       foreground; the rest is background.</li>
 *   <li>CONFIDENCE: sure foreground = (mask &gt; high) eroded by {@code erosion} px; sure
 *       background = (mask &lt; low) eroded by {@code size} px; everything else unknown.</li>
 * </ul>
 *
 * Masks that cannot give a usable trimap throw {@link DegenerateMaskException} rather than
 * returning a trimap that matting would turn into an empty or full cutout.
 */
public final class AutomaticTrimap implements TrimapGenerator {

    private static final float SUBJECT_THRESHOLD = 0.5f;

    private final TrimapSettings settings;

    public AutomaticTrimap(TrimapSettings settings) {
        this.settings = Objects.requireNonNull(settings, "trimap settings");
    }

    /** Binary mode with the band scaled to the image ({@link TrimapSettings#scaledToImage()}). */
    public AutomaticTrimap() {
        this(TrimapSettings.scaledToImage());
    }

    public TrimapSettings settings() {
        return settings;
    }

    @Override
    public Trimap generate(Matte mask) {
        rejectEmptyOrFullFrame(mask);
        SureRegions sure = sureRegions(mask);
        if (!any(sure.foreground())) {
            throw new DegenerateMaskException("no sure foreground left after eroding the mask by "
                    + sure.band().erosion() + " px" + (settings.mode() == TrimapMode.CONFIDENCE
                            ? " (mask values above " + settings.highThreshold() + ")" : "")
                    + ": the subject is too thin or too faint for this band; use a smaller erosion, a lower high"
                    + " threshold, or a mask from a higher-resolution segmentation");
        }
        if (!any(sure.background())) {
            throw new DegenerateMaskException("no sure background left after widening the band by " + sure.band().size()
                    + " px: the subject and its band cover the whole " + mask.width() + "x" + mask.height()
                    + " frame; use a smaller band size or an image with visible background around the subject");
        }
        return new Trimap(mask.width(), mask.height(), sure.labels());
    }

    /**
     * The labels this band gives, without the checks that they make a usable trimap: for {@link
     * AdaptiveTrimap}, which borrows only some of their known pixels.
     */
    byte[] labels(Matte mask) {
        return sureRegions(mask).labels();
    }

    private record SureRegions(TrimapBand band, boolean[] foreground, boolean[] background) {
        byte[] labels() {
            byte[] labels = new byte[foreground.length];
            for (int i = 0; i < labels.length; i++) {
                int label = foreground[i] ? Trimap.FOREGROUND : background[i] ? Trimap.BACKGROUND : Trimap.UNKNOWN;
                labels[i] = (byte) label;
            }
            return labels;
        }
    }

    private SureRegions sureRegions(Matte mask) {
        int width = mask.width();
        int height = mask.height();
        TrimapBand band = settings.band().bandFor(width, height);
        if (settings.mode() == TrimapMode.BINARY) {
            boolean[] subject = threshold(mask, SUBJECT_THRESHOLD, true);
            return new SureRegions(band, SquareMorphology.erode(subject, width, height, band.erosion()),
                    not(SquareMorphology.dilate(subject, width, height, band.size())));
        }
        boolean[] confident = threshold(mask, settings.highThreshold(), false);
        boolean[] absent = below(mask, settings.lowThreshold());
        return new SureRegions(band, SquareMorphology.erode(confident, width, height, band.erosion()),
                SquareMorphology.erode(absent, width, height, band.size()));
    }

    private void rejectEmptyOrFullFrame(Matte mask) {
        float backgroundBelow = settings.mode() == TrimapMode.BINARY ? SUBJECT_THRESHOLD : settings.lowThreshold();
        boolean anySubject = false;
        boolean anyBackground = false;
        for (float a : mask.alpha()) {
            anySubject |= a >= SUBJECT_THRESHOLD;
            anyBackground |= a < backgroundBelow;
        }
        if (!anySubject) {
            throw new DegenerateMaskException("the mask is empty (no value reaches " + SUBJECT_THRESHOLD
                    + "): segmentation found no subject; check that the image shows one, or try another"
                    + " segmentation model");
        }
        if (!anyBackground) {
            throw new DegenerateMaskException("the mask covers the whole frame (no value below " + backgroundBelow
                    + "): there is no background to remove; check the segmentation output, or crop the image so"
                    + " background is visible");
        }
    }

    /** Pixels above (or at, when {@code inclusive}) the threshold. */
    private static boolean[] threshold(Matte mask, float threshold, boolean inclusive) {
        float[] alpha = mask.alpha();
        boolean[] out = new boolean[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            out[i] = inclusive ? alpha[i] >= threshold : alpha[i] > threshold;
        }
        return out;
    }

    private static boolean[] below(Matte mask, float threshold) {
        float[] alpha = mask.alpha();
        boolean[] out = new boolean[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            out[i] = alpha[i] < threshold;
        }
        return out;
    }

    private static boolean[] not(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }

    private static boolean any(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
