package dev.autohair.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import org.junit.jupiter.api.Test;

class CutoutTest {

    @Test
    void flattensWithAlphaWeights() {
        RgbImage red = RgbImage.blank(2, 1);
        red.rgb()[0] = 1f;
        red.rgb()[3] = 1f;
        Cutout cutout = new Cutout(red, new Matte(2, 1, new float[] {1f, 0.25f}));

        RgbImage flat = cutout.flattenOnto(BackgroundColour.parseHex("0000FF"));

        assertThat(flat.get(0, 0, 0)).isEqualTo(1f);
        assertThat(flat.get(0, 0, 2)).isEqualTo(0f);
        assertThat(flat.get(1, 0, 0)).isCloseTo(0.25f, offset(1e-6f));
        assertThat(flat.get(1, 0, 2)).isCloseTo(0.75f, offset(1e-6f));
    }

    @Test
    void boundsTheVisibleSubjectWithMarginInsideTheImage() {
        Matte alpha = Matte.blank(10, 8);
        alpha.set(3, 2, 0.5f);
        alpha.set(6, 5, 1f);
        alpha.set(9, 0, 0.001f); // below half an 8-bit step: invisible
        Cutout cutout = new Cutout(RgbImage.blank(10, 8), alpha);

        assertThat(cutout.subjectBounds(0)).isEqualTo(new Region(3, 2, 4, 4));
        assertThat(cutout.subjectBounds(1)).isEqualTo(new Region(2, 1, 6, 6));
        assertThat(cutout.subjectBounds(50)).isEqualTo(new Region(0, 0, 10, 8));
    }

    @Test
    void emptyMatteBoundsTheWholeImage() {
        Cutout cutout = new Cutout(RgbImage.blank(5, 4), Matte.blank(5, 4));
        assertThat(cutout.subjectBounds(2)).isEqualTo(new Region(0, 0, 5, 4));
    }

    @Test
    void cropsColoursAndAlphaTogether() {
        RgbImage image = RgbImage.blank(4, 3);
        Matte alpha = Matte.blank(4, 3);
        image.set(2, 1, 1, 0.7f);
        alpha.set(2, 1, 0.9f);

        Cutout cropped = new Cutout(image, alpha).crop(new Region(1, 1, 2, 2));

        assertThat(cropped.width()).isEqualTo(2);
        assertThat(cropped.height()).isEqualTo(2);
        assertThat(cropped.foreground().get(1, 0, 1)).isEqualTo(0.7f);
        assertThat(cropped.alpha().get(1, 0)).isEqualTo(0.9f);
    }

    @Test
    void rejectsNegativeMarginAndBadColours() {
        Cutout cutout = new Cutout(RgbImage.blank(2, 2), Matte.blank(2, 2));
        assertThatThrownBy(() -> cutout.subjectBounds(-1)).hasMessageContaining("margin");
        assertThatThrownBy(() -> BackgroundColour.parseHex("white")).hasMessageContaining("RRGGBB");
        assertThat(BackgroundColour.parseHex("#10A0ff").toHex()).isEqualTo("10A0FF");
    }
}
