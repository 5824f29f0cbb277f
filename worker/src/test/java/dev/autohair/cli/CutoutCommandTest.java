package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.testing.RepositoryRoot;
import dev.autohair.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: real files, the shipped model, real encoders. */
class CutoutCommandTest {

    private static final Path SAMPLES = Samples.dir();
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

    @Test
    void segmentsAPortraitIntoATransparentCutoutAndMatte() throws IOException {
        int status = run("cutout", SAMPLES.resolve("astronaut.png").toString(), "-o", tmp.toString(), "--matte");

        assertThat(status).as(output()).isZero();
        Matte matte = decoder.decodeGray(Files.readAllBytes(tmp.resolve("astronaut.matte.png")));
        assertThat(matte.width()).isEqualTo(512);
        assertThat(matte.get(225, 130)).as("face is opaque").isGreaterThan(0.95f);
        assertThat(matte.get(10, 10)).as("top-left corner is background").isLessThan(0.05f);
        assertThat(Files.exists(tmp.resolve("astronaut.png"))).isTrue();
        assertThat(output()).contains("[1/1]", "1 of 1 images cut out");
    }

    @Test
    void givenTrimapSkipsTheModelAndCropsFlattensAndEncodesWebp() throws IOException {
        int status = run("cutout", SAMPLES.resolve("lemur.png").toString(), "-o", tmp.toString(),
                "--trimap", SAMPLES.resolve("lemur_trimap.png").toString(), "--bg", "00FF00", "--crop", "4",
                "--format", "webp");

        assertThat(status).as(output()).isZero();
        RgbImage flat = decoder.decode(Files.readAllBytes(tmp.resolve("lemur.webp")));
        assertThat(flat.width()).as("cropped to the subject").isLessThan(680);
        assertThat(flat.height()).isLessThanOrEqualTo(440);
        // The crop's corner is beyond the subject plus margin only if it is background: green.
        assertThat(flat.get(0, 0, 1)).isGreaterThan(0.8f);
        assertThat(flat.get(0, 0, 0)).isLessThan(0.2f);
    }

    @Test
    void aBadFileFailsAloneAndTheRestGoOn() throws IOException {
        Path notAnImage = Files.writeString(tmp.resolve("notes.png"), "not really a png");
        Path lemur = SAMPLES.resolve("lemur.png");
        Path trimaps = Files.createDirectories(tmp.resolve("trimaps"));
        Files.copy(SAMPLES.resolve("lemur_trimap.png"), trimaps.resolve("lemur.png"));
        Files.copy(SAMPLES.resolve("lemur_trimap.png"), trimaps.resolve("notes.png"));
        Path outDir = tmp.resolve("out");

        int status = run("cutout", notAnImage.toString(), lemur.toString(), tmp.resolve("missing.jpg").toString(),
                "-o", outDir.toString(), "--trimap", trimaps.toString());

        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("notes.png: FAILED (UnsupportedImageException)")
                .contains("missing.jpg: FAILED")
                .contains("1 of 3 images cut out", "2 failed");
        assertThat(Files.exists(outDir.resolve("lemur.png"))).isTrue();
    }

    @Test
    void wrongCommandLinesExitWithStatusTwoAndSayWhy() {
        assertThat(run("cutout", "x.png")).isEqualTo(2);
        assertThat(errors()).contains("-o OUT_DIR");
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--band", "wide")).isEqualTo(2);
        assertThat(errors()).contains("--band wide");
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--bg", "white")).isEqualTo(2);
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--frobnicate")).isEqualTo(2);
        assertThat(errors()).contains("unknown option --frobnicate");
        assertThat(run("nonsense")).isEqualTo(2);
    }

    @Test
    void matteModesTakeTheWorkersSettingsWithTheSameValidation() {
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--matting", "network")).isEqualTo(2);
        assertThat(errors()).contains("--matting-model is required when --matting=network");
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--matting", "closed-form", "--matting-model", "m.pt"))
                .isEqualTo(2);
        assertThat(errors()).contains("--matting is closed-form, which uses no model");
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--matting", "information-flow", "--matting-model", "m.pt"))
                .isEqualTo(2);
        assertThat(errors()).contains("--matting is information-flow, which uses no model");
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--matting", "fastest")).isEqualTo(2);
        assertThat(errors()).contains("not a matting mode");
        assertThat(run("cutout", "x.png", "-o", tmp.toString(), "--matting", "trimap-free", "--matting-model", "m.pt",
                "--mask", "m.png")).isEqualTo(2);
        assertThat(errors()).contains("takes no --mask or --trimap");
    }

    @Test
    void informationFlowMattingRunsFromTheCommandLine() throws IOException {
        int status = run("cutout", SAMPLES.resolve("lemur.png").toString(), "-o", tmp.toString(), "--trimap",
                SAMPLES.resolve("lemur_trimap.png").toString(), "--matting", "information-flow", "--matte");

        assertThat(status).as(output()).isZero();
        Matte matte = decoder.decodeGray(Files.readAllBytes(tmp.resolve("lemur.matte.png")));
        Matte truth = decoder.decodeGray(Files.readAllBytes(SAMPLES.resolve("lemur_alpha.png")));
        double sad = 0;
        for (int i = 0; i < matte.pixelCount(); i++) {
            sad += Math.abs(matte.alpha()[i] - truth.alpha()[i]);
        }
        assertThat(sad).as("SAD against the lemur's reference alpha").isLessThan(1500);
    }

    @Test
    void networkMattingRunsFromTheCommandLine() throws IOException {
        Path model = RepositoryRoot.resolve("pipeline/src/test/resources/matting/tiny-dim.pt");
        int status = run("cutout", SAMPLES.resolve("lemur.png").toString(), "-o", tmp.toString(), "--trimap",
                SAMPLES.resolve("lemur_trimap.png").toString(), "--matting", "network", "--matting-model", model.toString(),
                "--matting-inference", "tiles", "--matte");

        assertThat(status).as(output()).isZero();
        Matte matte = decoder.decodeGray(Files.readAllBytes(tmp.resolve("lemur.matte.png")));
        Matte trimap = decoder.decodeGray(Files.readAllBytes(SAMPLES.resolve("lemur_trimap.png")));
        for (int i = 0; i < matte.pixelCount(); i++) { // the network fills the band; the trimap's sure regions hold
            if (trimap.alpha()[i] > 0.99f) {
                assertThat(matte.alpha()[i]).isEqualTo(1f);
            } else if (trimap.alpha()[i] < 0.01f) {
                assertThat(matte.alpha()[i]).isEqualTo(0f);
            }
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
