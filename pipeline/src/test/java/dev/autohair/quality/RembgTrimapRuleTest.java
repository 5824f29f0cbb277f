package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RembgTrimapRuleTest {

    @Test
    void matchesTheRuleWrittenOutPixelByPixel() {
        int w = 47;
        int h = 31;
        Random random = new Random(7);
        Matte mask = Matte.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x - 20, y - 14) + 3 * random.nextGaussian();
                mask.set(x, y, (float) Math.min(1, Math.max(0, (16 - d) / 6)));
            }
        }
        Trimap trimap = new RembgTrimapRule().generate(mask);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean fg = true;
                boolean bg = true;
                for (int dy = -5; dy <= 4; dy++) {
                    for (int dx = -5; dx <= 4; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                            fg = false; // foreground: outside counts as unset
                            continue;   // background: outside counts as set
                        }
                        int v = Math.round(mask.get(xx, yy) * 255);
                        fg &= v > 240;
                        bg &= v < 10;
                    }
                }
                int expected = fg ? Trimap.FOREGROUND : bg ? Trimap.BACKGROUND : Trimap.UNKNOWN;
                assertThat(trimap.label(y * w + x)).as("(%d,%d)", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void theBandIsTenPixelsWideAroundAHardEdgeWhateverTheImageSize() {
        Matte mask = Matte.blank(400, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 200; x++) {
                mask.set(x, y, 1f);
            }
        }
        Trimap trimap = new RembgTrimapRule().generate(mask);
        int unknown = 0;
        for (int x = 100; x < 400; x++) { // x < 5 is unknown too: the frame erodes the foreground
            unknown += trimap.isUnknown(20 * 400 + x) ? 1 : 0;
        }
        // foreground while the window's right end x + 4 is still at most 199; background once its left end x − 5 is 200
        assertThat(trimap.isForeground(20 * 400 + 195)).isTrue();
        assertThat(trimap.isUnknown(20 * 400 + 196)).isTrue();
        assertThat(trimap.isBackground(20 * 400 + 205)).isTrue();
        assertThat(unknown).isEqualTo(9);
        assertThat(trimap.isUnknown(20 * 400 + 2)).isTrue();
        assertThat(trimap.isBackground(20 * 400 + 398)).as("the frame does not erode the background").isTrue();
    }
}
