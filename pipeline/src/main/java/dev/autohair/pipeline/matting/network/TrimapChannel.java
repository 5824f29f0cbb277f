package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.Trimap;

/** Whether a network takes the trimap as a fourth input channel, and how it is scaled. */
public enum TrimapChannel {

    /** No trimap: the network predicts alpha from the image alone (trimap-free matting). */
    NONE,

    /** label / 255: background 0, unknown 128/255, foreground 1 (Deep Image Matting). */
    DIVIDED_BY_255;

    /** Input channels the network takes: RGB, plus the trimap unless {@link #NONE}. */
    public int inputChannels() {
        return this == NONE ? 3 : 4;
    }

    float encode(int label) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("this network takes no trimap");
            case DIVIDED_BY_255 -> label / 255f;
        };
    }

    static void checkUnused(TrimapChannel channel, Trimap trimap) {
        if (channel == NONE && trimap != null) {
            throw new IllegalArgumentException("the network takes no trimap channel, but a trimap was given");
        }
    }
}
