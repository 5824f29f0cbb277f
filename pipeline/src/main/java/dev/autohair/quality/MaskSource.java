package dev.autohair.quality;

/** Where the measured alpha comes from. */
public enum MaskSource {
    PERFECT_HARD_MASK("perfect hard mask (truth ≥ 0.5)"),
    ROUGH_MASK("rough mask alone (320 px, upscaled)"),
    ROUGH_MASK_TRIMAP_MATTING("rough mask → auto trimap → matting"),
    TRUE_TRIMAP_MATTING("true trimap → matting");

    private final String label;

    MaskSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
