package dev.autohair.models.frozen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.models.savedmodel.InvalidGraphException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrozenGraphImporterTest {

    @TempDir
    Path dir;

    @Test
    void writesASavedModelWithTheNamedSignature() throws Exception {
        Path pb = ColourClassGraph.write(dir.resolve("frozen.pb"));
        FrozenGraphImporter.Summary summary = FrozenGraphImporter.importGraph(pb, dir.resolve("out"),
                List.of("ImageTensor:0"), List.of("SemanticPredictions:0"));

        assertThat(dir.resolve("out/saved_model.pb")).isRegularFile();
        assertThat(summary.inputs()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("ImageTensor");
            assertThat(s.dtype()).isEqualTo("uint8");
            assertThat(s.shape()).containsExactly(1, -1, -1, 3);
        });
        assertThat(summary.outputs()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("SemanticPredictions");
            assertThat(s.dtype()).isEqualTo("int64");
        });
    }

    @Test
    void sameGraphGivesTheSameBytes() throws Exception {
        Path pb = ColourClassGraph.write(dir.resolve("frozen.pb"));
        FrozenGraphImporter.importGraph(pb, dir.resolve("a"), List.of("ImageTensor:0"), List.of("SemanticPredictions:0"));
        FrozenGraphImporter.importGraph(pb, dir.resolve("b"), List.of("ImageTensor:0"), List.of("SemanticPredictions:0"));
        assertThat(Files.readAllBytes(dir.resolve("a/saved_model.pb")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/saved_model.pb")));
    }

    @Test
    void namesAMissingTensor() throws Exception {
        Path pb = ColourClassGraph.write(dir.resolve("frozen.pb"));
        assertThatThrownBy(() -> FrozenGraphImporter.importGraph(pb, dir.resolve("out"), List.of("ImageTensor:0"),
                List.of("Logits:0")))
                .isInstanceOf(InvalidGraphException.class)
                .hasMessageContaining("no node 'Logits'");
    }

    @Test
    void refusesWhatIsNotAGraph() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pb"), "not a protobuf at all, just text");
        assertThatThrownBy(() -> FrozenGraphImporter.importGraph(junk, dir.resolve("out"), List.of("a"), List.of("b")))
                .isInstanceOf(InvalidGraphException.class)
                .hasMessageContaining("is not a binary GraphDef");
    }

    @Test
    void refusesAFullOutputDirectory() throws Exception {
        Path pb = ColourClassGraph.write(dir.resolve("frozen.pb"));
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/keep.txt"), "x");
        assertThatThrownBy(() -> FrozenGraphImporter.importGraph(pb, dir.resolve("out"), List.of("ImageTensor:0"),
                List.of("SemanticPredictions:0")))
                .isInstanceOf(FileAlreadyExistsException.class);
    }
}
