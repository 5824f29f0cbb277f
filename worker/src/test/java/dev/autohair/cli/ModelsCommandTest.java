package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void importsTheShippedTfjsModelIntoASavedModel() {
        Path modelJson = repoRoot().resolve("models/selfie/tfjs/selfie.json");
        Path outDir = tmp.resolve("selfie");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(List.of("models", "import-tfjs", modelJson.toString(), outDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(outDir.resolve("saved_model.pb")).isNotEmptyFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("input_1", "activation_10", "weights: 136");
    }

    @Test
    void refusesAMissingModelWithAMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("models", "import-tfjs", tmp.resolve("none.json").toString(), tmp.resolve("o").toString()),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.json");
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("models/selfie"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no models/selfie above the working directory");
    }
}
