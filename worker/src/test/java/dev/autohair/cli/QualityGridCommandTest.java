package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code quality --grid} on one small product composite: every trimap rule is measured and checked, with either weights-free matting. */
class QualityGridCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheGridWithEveryMethodAndTheChecks() {
        int status = run("quality", "--grid", "--widths", "160", "--mask-sides", "64", "--seeds", "1", "--kinds",
                "product_edge", "--samples", Samples.dir().toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String markdown = out.toString(StandardCharsets.UTF_8);
        assertThat(markdown).contains("**Rough mask at 64 px", "| product edge | 160 |", "adaptive (auto, the default)",
                "rembg rule 240/10, erode 10", "scaled: binary 2 %/1 % (--band scaled)", "kind × size × mask cells",
                "160 px, mask 64: adaptive", "matting closed-form;");
    }

    @Test
    void measuresWithInformationFlowWhenAsked() {
        int status = run("quality", "--grid", "--widths", "160", "--mask-sides", "64", "--seeds", "1", "--kinds",
                "product_edge", "--matting", "information-flow", "--samples", Samples.dir().toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("matting information-flow;", "| product edge | 160 |");
    }

    @Test
    void refusesAMattingWithoutAPrior() {
        assertThat(run("quality", "--grid", "--matting", "network")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--matting for --grid: closed-form or information-flow");
    }

    @Test
    void refusesAnUnknownKind() {
        assertThat(run("quality", "--grid", "--kinds", "feathers")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kinds");
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
