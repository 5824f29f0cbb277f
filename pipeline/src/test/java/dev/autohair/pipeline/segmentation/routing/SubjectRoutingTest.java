package dev.autohair.pipeline.segmentation.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.contract.Subject;
import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.segmentation.Segmentation;
import dev.autohair.pipeline.segmentation.Segmentation.Outcome;
import dev.autohair.pipeline.segmentation.Segmentation.Request;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.UnknownSubjectClassException;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Per-subject routing over fake models: which model each image gets, and that each model batches. */
class SubjectRoutingTest {

    private static final int W = 64;
    private static final int H = 48;

    /** A segmenter that answers with {@code mask(image)} and records each call's batch size. */
    private static final class Fake implements Segmenter {
        final String name;
        final Function<RgbImage, Matte> mask;
        final List<Integer> calls = new ArrayList<>();

        Fake(String name, Function<RgbImage, Matte> mask) {
            this.name = name;
            this.mask = mask;
        }

        @Override
        public List<Matte> segment(List<RgbImage> images) {
            calls.add(images.size());
            return images.stream().map(mask).toList();
        }

        @Override
        public String modelName() {
            return name;
        }

        @Override
        public String modelVersion() {
            return "1";
        }

        @Override
        public void close() {
        }
    }

    /** A hard disc: what a decisive model returns. */
    private static Matte disc(float inside) {
        Matte m = Matte.blank(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                m.set(x, y, Math.hypot(x - W / 2.0, y - H / 2.0) < 14 ? inside : 0f);
            }
        }
        return m;
    }

    /** A hesitant grey blob: a portrait model looking at something it was not trained for. */
    private static Matte hesitant() {
        Matte m = Matte.blank(W, H);
        for (int i = 0; i < m.pixelCount(); i++) {
            m.alpha()[i] = 0.3f + 0.4f * ((i % W) / (float) W);
        }
        return m;
    }

    /** A grey square on a plain light surface: the product segmenter's home ground. */
    private static RgbImage product() {
        RgbImage image = RgbImage.blank(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean inside = x > 20 && x < 44 && y > 12 && y < 36;
                for (int c = 0; c < 3; c++) {
                    image.rgb()[3 * (y * W + x) + c] = inside ? 0.2f : 0.92f;
                }
            }
        }
        return image;
    }

    private static String model(Outcome outcome) {
        return Optional.ofNullable(outcome.model()).map(ModelInfo::name).orElse("failed: " + outcome.failure());
    }

    @Test
    void eachSubjectGoesToItsModelAndEachModelSeesItsShareInOneCall() {
        Fake portrait = new Fake("portrait", image -> image.get(0, 0, 0) > 0.5f ? hesitant() : disc(1f));
        Fake general = new Fake("general", image -> disc(1f));
        RgbImage person = RgbImage.blank(W, H); // dark corner: the fake portrait model is sure
        RgbImage thing = product(); // light corner: the fake portrait model hesitates
        SubjectRouting routing = new SubjectRouting(portrait, Optional.of(general));

        List<Outcome> outcomes = routing.segment(List.of(new Request(person, Subject.PERSON, List.of()),
                new Request(thing, Subject.OBJECT, List.of()), new Request(person, Subject.AUTO, List.of()),
                new Request(thing, Subject.AUTO, List.of()), new Request(thing, Subject.PERSON, List.of())));

        assertThat(outcomes).extracting(SubjectRoutingTest::model)
                .containsExactly("portrait", "general", "portrait", "general", "portrait");
        assertThat(portrait.calls).containsExactly(4); // person, auto, auto, person: one batch
        assertThat(general.calls).containsExactly(2); // the object job and the unsure auto one
    }

    @Test
    void withoutAGeneralModelObjectsGoToTheProductSegmenter() {
        Fake portrait = new Fake("portrait", image -> hesitant());
        SubjectRouting routing = new SubjectRouting(portrait, Optional.empty());

        List<Outcome> outcomes = routing.segment(List.of(new Request(product(), Subject.OBJECT, List.of()),
                new Request(product(), Subject.AUTO, List.of())));

        assertThat(outcomes).extracting(SubjectRoutingTest::model).containsExactly("product", "product");
        Matte mask = outcomes.get(0).mask();
        assertThat(mask.get(32, 24)).isGreaterThan(0.9f);
        assertThat(mask.get(3, 3)).isLessThan(0.1f);
        assertThat(routing.models()).extracting(ModelInfo::name).containsExactly("portrait", "product");
    }

    @Test
    void whenNeitherIsSureThePortraitMaskWinsUnlessThePortraitModelWasGuessing() {
        ModelInfo portraitModel = new ModelInfo(ModelRole.SEGMENTATION, "portrait", "1");
        ModelInfo productModel = new ModelInfo(ModelRole.SEGMENTATION, "product", "1");
        Outcome product = Outcome.found(disc(1f), productModel);
        Outcome unsure = Outcome.found(disc(0.9f), portraitModel); // marks a subject, not decisively
        Outcome guessing = Outcome.found(hesitant(), portraitModel);
        Outcome nothing = Outcome.found(Matte.blank(W, H), portraitModel);

        assertThat(model(SubjectRouting.preferPortrait(product, unsure))).isEqualTo("portrait");
        assertThat(model(SubjectRouting.preferPortrait(product, guessing))).isEqualTo("product");
        assertThat(model(SubjectRouting.preferPortrait(product, nothing))).isEqualTo("product");
        assertThat(model(SubjectRouting.preferPortrait(Outcome.found(Matte.blank(W, H), productModel), guessing)))
                .as("a guess beats nothing").isEqualTo("portrait");
    }

    @Test
    void whenNoModelFindsAnythingTheFailureNamesThemAll() {
        Fake portrait = new Fake("portrait", image -> Matte.blank(W, H));
        Fake general = new Fake("general", image -> Matte.blank(W, H));
        List<Outcome> outcomes = new SubjectRouting(portrait, Optional.of(general))
                .segment(List.of(new Request(RgbImage.blank(W, H), Subject.AUTO, List.of()),
                        new Request(RgbImage.blank(W, H), Subject.PERSON, List.of())));

        assertThat(outcomes.get(0).failure()).isInstanceOf(DegenerateMaskException.class)
                .hasMessageContaining("portrait nor general");
        assertThat(outcomes.get(1).failure()).isInstanceOf(DegenerateMaskException.class)
                .hasMessageContaining("by portrait;");
    }

    @Test
    void anUnsurePortraitMaskThatFindsSomethingBeatsAnObjectModelThatFindsNothing() {
        Fake portrait = new Fake("portrait", image -> hesitant());
        Fake general = new Fake("general", image -> Matte.blank(W, H));
        List<Outcome> outcomes = new SubjectRouting(portrait, Optional.of(general))
                .segment(List.of(new Request(product(), Subject.AUTO, List.of())));
        assertThat(model(outcomes.get(0))).isEqualTo("portrait");
    }

    @Test
    void namedClassesGoToThePortraitModelAloneAndAnUnknownOneFailsItsImageOnly() {
        Fake portrait = new Fake("portrait", image -> disc(1f));
        Fake general = new Fake("general", image -> disc(1f));
        List<Outcome> outcomes = new SubjectRouting(portrait, Optional.of(general)).segment(List.of(
                new Request(product(), Subject.OBJECT, List.of(SubjectClass.named("giraffe"))),
                new Request(product(), Subject.OBJECT, List.of())));
        assertThat(outcomes.get(0).failure()).isInstanceOf(UnknownSubjectClassException.class);
        assertThat(model(outcomes.get(1))).isEqualTo("general");
    }

    @Test
    void personEvidenceNeedsADecisiveMaskOfAPlausibleSize() {
        assertThat(PersonEvidence.of(disc(1f)).confident(PersonEvidence.SURE_OVER_GENERAL)).isTrue();
        assertThat(PersonEvidence.of(disc(0.95f)).confident(PersonEvidence.SURE_OVER_PRODUCT)).isTrue();
        assertThat(PersonEvidence.of(disc(0.95f)).confident(PersonEvidence.SURE_OVER_GENERAL))
                .as("a general model needs a surer portrait mask to be passed over").isFalse();
        assertThat(PersonEvidence.of(hesitant()).confident(PersonEvidence.SURE_OVER_PRODUCT)).isFalse();
        assertThat(PersonEvidence.of(Matte.blank(W, H)).found()).isFalse();
        Matte everything = Matte.blank(W, H);
        Arrays.fill(everything.alpha(), 1f);
        assertThat(PersonEvidence.of(everything).confident(PersonEvidence.SURE_OVER_PRODUCT))
                .as("the whole frame is no person").isFalse();
    }

    @Test
    void aSingleModelSegmentsEverySubject() {
        Fake only = new Fake("only", image -> disc(1f));
        List<Outcome> outcomes = Segmentation.single(only).segment(List.of(new Request(product(), Subject.OBJECT, List.of()),
                new Request(product(), Subject.PERSON, List.of())));
        assertThat(outcomes).extracting(SubjectRoutingTest::model).containsExactly("only", "only");
        assertThat(only.calls).containsExactly(2);
    }
}
