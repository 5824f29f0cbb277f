package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.testing.RepositoryRoot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void importsTheShippedTfjsModelIntoASavedModel() {
        Path modelJson = RepositoryRoot.resolve("models/selfie/tfjs/selfie.json");
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

    @Test
    void listLoadsAModelDescribedByAJsonFileAndWarmsItUp() throws Exception {
        Path file = Files.writeString(tmp.resolve("selfie.json"), SELFIE_JSON.formatted(RepositoryRoot.resolve("models/selfie")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new ModelsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOHAIR_SEGMENTATION_MODEL", file.toString())).run(List.of("list"));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isZero();
        assertThat(text).contains("name:     selfie-from-json", "float32 NHWC RGB, 256x256", "default subject [person]",
                "loads:    yes, version sha256:", "warm-up");
    }

    @Test
    void listSaysWhyAModelDoesNotLoad() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        Path file = Files.writeString(tmp.resolve("m.json"), SELFIE_JSON.formatted(tmp.resolve("empty")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new ModelsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOHAIR_SEGMENTATION_MODEL", file.toString())).run(List.of("list"));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("loads:    NO:", "holds no saved_model.pb");
    }

    @Test
    void listRefusesWhenAGpuIsRequiredAndAbsent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new ModelsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOHAIR_REQUIRE_GPU", "true")).run(List.of("list"));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("AUTOHAIR_REQUIRE_GPU=true but DJL's TensorFlow engine sees no GPU");
    }

    @Test
    void importsAFrozenGraphWithTheNamedTensors() throws Exception {
        Path pb = tmp.resolve("frozen.pb");
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TUint8> image = tf.withName("ImageTensor")
                    .placeholder(TUint8.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
            var brightest = tf.max(tf.dtypes.cast(image, TInt32.class), tf.constant(3));
            tf.withName("SemanticPredictions").dtypes.cast(tf.math.greater(brightest, tf.constant(128)), TInt64.class);
            Files.write(pb, graph.toGraphDef().toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(List.of("models", "import-frozen-graph", pb.toString(), tmp.resolve("out").toString(),
                "--input", "ImageTensor:0", "--output", "SemanticPredictions:0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(tmp.resolve("out/saved_model.pb")).isNotEmptyFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ImageTensor", "uint8", "SemanticPredictions", "int64",
                "sha256:  ");
    }

    static final String SELFIE_JSON = """
            {"name": "selfie-from-json", "engine": "tensorflow", "location": "%s",
             "input": {"resize": "stretch", "width": 256, "height": 256, "range": [0, 1]},
             "output": {"kind": "probability", "classes": ["person"]}}
            """;
}
