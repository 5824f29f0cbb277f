package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import java.util.List;
import java.util.Objects;

/** A weights-free matting method (closed-form, information-flow) as a per-image strategy. */
public final class TrimapMatting implements MattingStrategy {

    private static final int WARM_UP_SIDE = 32;

    private final AlphaMatting method;

    public TrimapMatting(AlphaMatting method) {
        this.method = Objects.requireNonNull(method, "matting method");
    }

    @Override
    public String method() {
        return method.name();
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public boolean takesTrimap() {
        return true;
    }

    @Override
    public Batching batching() {
        return Batching.PER_IMAGE;
    }

    @Override
    public List<Matte> matte(List<MattingInput> inputs) {
        return inputs.stream().map(in -> method.estimate(in.image(), in.trimap(), in.prior())).toList();
    }

    /** A small solve: left half background, right half foreground, a band between. */
    @Override
    public void warmUp() {
        int n = WARM_UP_SIDE;
        RgbImage image = RgbImage.blank(n, n);
        byte[] labels = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = y * n + x;
                float v = x < n / 2 ? 0.1f : 0.9f;
                image.rgb()[3 * i] = v;
                image.rgb()[3 * i + 1] = v;
                image.rgb()[3 * i + 2] = v;
                int label = x < n / 3 ? Trimap.BACKGROUND : x >= 2 * n / 3 ? Trimap.FOREGROUND : Trimap.UNKNOWN;
                labels[i] = (byte) label;
            }
        }
        method.estimate(image, new Trimap(n, n, labels), null);
    }

    @Override
    public void close() {
    }
}
