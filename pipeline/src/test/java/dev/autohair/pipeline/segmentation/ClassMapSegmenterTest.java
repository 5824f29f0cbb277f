package dev.autohair.pipeline.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.models.frozen.ColourClassGraph;
import dev.autohair.models.frozen.FrozenGraphImporter;
import dev.autohair.pipeline.model.ModelChecksumException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DeepLab v3+'s contract end to end on a real engine: a frozen graph (colour thresholds standing
 * in for the network) imported to a SavedModel, then uint8 input at most 513 px on the longest
 * side and a PASCAL VOC class map out.
 */
class ClassMapSegmenterTest {

    static Path dir;
    static DjlSegmenter segmenter;

    /** 900×600 grey, a red block (person) on the left, a blue block (cat) on the right. */
    static final RgbImage SCENE = scene();

    @BeforeAll
    static void load() throws Exception {
        dir = Files.createTempDirectory("classmap");
        Path pb = ColourClassGraph.write(dir.resolve("frozen.pb"));
        FrozenGraphImporter.importGraph(pb, dir.resolve("deeplab"), List.of("ImageTensor:0"),
                List.of("SemanticPredictions:0"));
        segmenter = DjlSegmenter.load(deeplab(dir.resolve("deeplab").toString(), null));
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    static SegmentationModelSpec deeplab(String location, String sha256) {
        return new SegmentationModelSpec("deeplabv3plus-test", ModelEngine.TENSORFLOW, location, null, sha256,
                InputContract.fitLongestUint8(513),
                new OutputContract(OutputKind.CLASS_MAP, TensorLayout.NHWC, PascalVoc.CLASSES, PascalVoc.BACKGROUND,
                        List.of()),
                new BatchLimits(1, 513 * 513));
    }

    @Test
    void defaultSubjectIsEveryNonBackgroundClass() {
        Matte mask = segmenter.segment(SCENE);

        assertThat(mask.width()).isEqualTo(900);
        assertThat(mask.height()).isEqualTo(600);
        assertThat(mean(mask, 120, 120, 280, 480)).isGreaterThan(0.99); // red: person
        assertThat(mean(mask, 520, 170, 780, 430)).isGreaterThan(0.99); // blue: cat
        assertThat(mean(mask, 0, 0, 900, 80)).isLessThan(0.01);         // grey: background
        assertThat(mean(mask, 330, 100, 470, 500)).isLessThan(0.01);
    }

    @Test
    void aJobNamingPersonGetsOnlyThePerson() {
        Matte mask = segmenter.segment(List.of(SCENE), List.of(List.of(SubjectClass.named("person")))).get(0);

        assertThat(mean(mask, 120, 120, 280, 480)).isGreaterThan(0.99);
        assertThat(mean(mask, 520, 170, 780, 430)).isLessThan(0.01);
    }

    @Test
    void subjectsApplyPerImageWithinOneCall() {
        List<Matte> masks = segmenter.segment(List.of(SCENE, SCENE),
                List.of(List.of(SubjectClass.indexed(ColourClassGraph.CAT)), List.of()));

        assertThat(mean(masks.get(0), 120, 120, 280, 480)).isLessThan(0.01);
        assertThat(mean(masks.get(0), 520, 170, 780, 430)).isGreaterThan(0.99);
        assertThat(mean(masks.get(1), 120, 120, 280, 480)).isGreaterThan(0.99);
        assertThat(mean(masks.get(1), 520, 170, 780, 430)).isGreaterThan(0.99);
    }

    @Test
    void anUnknownClassNamesTheModelsClasses() {
        assertThatThrownBy(() -> segmenter.checkSubject(List.of(SubjectClass.named("giraffe"))))
                .isInstanceOf(UnknownSubjectClassException.class)
                .hasMessageContaining("'giraffe'")
                .hasMessageContaining("person");
    }

    @Test
    void aWrongChecksumRefusesToLoad() {
        assertThatThrownBy(() -> DjlSegmenter.load(deeplab(dir.resolve("deeplab").toString(), "0".repeat(64))))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining("expects " + "0".repeat(64));
    }

    @Test
    void theRightChecksumLoadsAndIsTheReportedVersion() {
        String sha = DjlSegmenter.sha256(dir.resolve("deeplab/saved_model.pb"));
        try (DjlSegmenter checked = DjlSegmenter.load(deeplab(dir.resolve("deeplab").toString(), sha))) {
            assertThat(checked.modelVersion()).isEqualTo("sha256:" + sha.substring(0, 12));
            assertThat(checked.warmUp()).isPositive();
        }
    }

    @Test
    void imagesOfDifferentSizesRunInSeparatePasses() {
        RgbImage small = new RgbImage(40, 30, new float[40 * 30 * 3]);
        assertThat(segmenter.passes(List.of(SCENE, small, SCENE))).containsExactly(List.of(0), List.of(2), List.of(1));
    }

    private static RgbImage scene() {
        int w = 900;
        int h = 600;
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                float r = 0.5f;
                float g = 0.5f;
                float b = 0.5f;
                if (x >= 100 && x < 300 && y >= 100 && y < 500) {
                    r = 0.9f;
                    g = 0.1f;
                    b = 0.1f;
                } else if (x >= 500 && x < 800 && y >= 150 && y < 450) {
                    r = 0.1f;
                    g = 0.1f;
                    b = 0.9f;
                }
                rgb[i] = r;
                rgb[i + 1] = g;
                rgb[i + 2] = b;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static double mean(Matte m, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += m.alpha()[y * m.width() + x];
            }
        }
        return sum / ((double) (x1 - x0) * (y1 - y0));
    }
}
