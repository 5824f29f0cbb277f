package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.output.ImageEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quality --labelled} on generated pairs, through the product route (no model to load). */
class LabelledQualityCommandTest {

    private final ImageEncoder encoder = new ImageEncoder();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

    @Test
    void scoresAProductPhotoAndCountsABlankOneAsNothingFound() throws IOException {
        int w = 200;
        int h = 150;
        RgbImage photo = RgbImage.blank(w, h);
        Matte truth = Matte.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean box = x >= 70 && x < 130 && y >= 40 && y < 120;
                float surface = 0.92f - 0.1f * y / h; // a gentle sweep
                for (int c = 0; c < 3; c++) {
                    photo.set(x, y, c, box ? (c == 2 ? 0.7f : 0.15f) : surface);
                }
                truth.set(x, y, box ? 1 : 0);
            }
        }
        Files.write(tmp.resolve("box.png"), encoder.encodeOpaque(photo, OutputFormat.PNG));
        Files.write(tmp.resolve("box.mask.png"), encoder.encodeGray(truth));
        RgbImage grey = RgbImage.blank(w, h);
        java.util.Arrays.fill(grey.rgb(), 0.8f);
        Files.write(tmp.resolve("empty.png"), encoder.encodeOpaque(grey, OutputFormat.PNG));
        Files.write(tmp.resolve("empty.mask.png"), encoder.encodeGray(truth));
        Path report = tmp.resolve("report.md");

        int status = run("quality", "--labelled", tmp.toString(), "--route", "product", "-o", report.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String markdown = out.toString(StandardCharsets.UTF_8);
        assertThat(markdown).contains("### route `product`", "| empty | 0.000 |", "1 of 2 failed", "NOTHING_FOUND");
        assertThat(markdown).containsPattern("\\| box \\| (0\\.9\\d\\d|1\\.000) \\|");
        assertThat(Files.readString(report)).isEqualTo(markdown);
    }

    @Test
    void theRoutesTakeTheGivenBandAndRefuseAMalformedOne() throws IOException {
        int w = 160;
        int h = 120;
        RgbImage photo = RgbImage.blank(w, h);
        Matte truth = Matte.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean box = x >= 50 && x < 110 && y >= 30 && y < 90;
                for (int c = 0; c < 3; c++) {
                    photo.set(x, y, c, box ? (c == 0 ? 0.8f : 0.1f) : 0.9f);
                }
                truth.set(x, y, box ? 1 : 0);
            }
        }
        Files.write(tmp.resolve("box.png"), encoder.encodeOpaque(photo, OutputFormat.PNG));
        Files.write(tmp.resolve("box.mask.png"), encoder.encodeGray(truth));

        // an erosion wider than the box leaves no sure foreground: the band reached the trimap
        assertThat(run("quality", "--labelled", tmp.toString(), "--route", "product", "--band", "4:100"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| box | 0.000 |", "1 of 1 failed");
        assertThat(run("quality", "--labelled", tmp.toString(), "--route", "product", "--band", "wide")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--band: band 'wide'");
    }

    @Test
    void refusesAnUnknownRoute() {
        assertThat(run("quality", "--labelled", tmp.toString(), "--route", "magic")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--route takes selfie, product");
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
