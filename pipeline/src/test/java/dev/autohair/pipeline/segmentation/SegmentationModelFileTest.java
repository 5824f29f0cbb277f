package dev.autohair.pipeline.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.SubjectClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationModelFileTest {

    @TempDir
    Path dir;

    static final String DEEPLAB = """
            {"name": "deeplabv3plus-voc", "engine": "tensorflow", "location": "deeplab",
             "input": {"resize": "fit_longest", "maxSide": 513, "type": "uint8", "range": [0, 255]},
             "output": {"kind": "class_map", "classes": "pascal-voc", "background": "background"},
             "batch": {"maxImages": 1, "maxPixels": 263169}}
            """;

    @Test
    void readsDeepLabsContract() throws Exception {
        SegmentationModelSpec spec = SegmentationModelFile.read(Files.writeString(dir.resolve("m.json"), DEEPLAB));

        assertThat(spec.engine()).isEqualTo(ModelEngine.TENSORFLOW);
        assertThat(spec.location()).isEqualTo(dir.resolve("deeplab").toString());
        assertThat(spec.modelFile()).isEqualTo("saved_model.pb");
        assertThat(spec.input().sizeFor(1026, 700)).containsExactly(513, 350);
        assertThat(spec.input().sizeFor(300, 200)).containsExactly(300, 200);
        assertThat(spec.output().subjectFor(List.of())).hasSize(20).doesNotContain(0);
        assertThat(spec.output().subjectFor(List.of(SubjectClass.named("person")))).containsExactly(15);
        assertThat(spec.output().subjectFor(List.of(SubjectClass.named("potted plant")))).containsExactly(16);
        assertThat(spec.batch()).isEqualTo(new BatchLimits(1, 263169));
    }

    @Test
    void readsATorchStyleSoftmaxModel() throws Exception {
        SegmentationModelSpec spec = SegmentationModelFile.read(Files.writeString(dir.resolve("m.json"), """
                {"name": "u2net", "engine": "onnx", "location": "s3://models/u2net/v1", "modelFile": "u2net.onnx",
                 "sha256": "%s",
                 "input": {"resize": "stretch", "width": 320, "height": 320, "layout": "nchw",
                           "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "channelOrder": "bgr"},
                 "output": {"kind": "softmax_logits", "layout": "nchw", "classes": ["background", "subject"],
                            "background": 0}}
                """.formatted("A".repeat(64))));

        assertThat(spec.remote()).isTrue();
        assertThat(spec.sha256()).isEqualTo("a".repeat(64));
        assertThat(spec.input().std().b()).isEqualTo(0.225f);
        assertThat(spec.batch()).isEqualTo(BatchLimits.DEFAULT);
    }

    @Test
    void namesAnUnknownField() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), DEEPLAB.replace("\"maxSide\"", "\"maxSize\""));
        assertThatThrownBy(() -> SegmentationModelFile.read(file))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining("unknown field 'maxSize' in input")
                .hasMessageContaining(file.toString());
    }

    @Test
    void remoteModelsNeedAChecksum() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), DEEPLAB.replace("\"deeplab\"", "\"s3://models/deeplab\""));
        assertThatThrownBy(() -> SegmentationModelFile.read(file))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining("give sha256 of saved_model.pb");
    }

    @Test
    void uint8InputCannotBeNormalisedOutsideTheGraph() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), DEEPLAB.replace("\"range\": [0, 255]",
                "\"range\": [0, 255], \"mean\": [127, 127, 127]"));
        assertThatThrownBy(() -> SegmentationModelFile.read(file))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining("uint8 input takes bytes as they are");
    }

    @Test
    void saysWhichKindsExist() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), DEEPLAB.replace("class_map", "labels"));
        assertThatThrownBy(() -> SegmentationModelFile.read(file))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining("output.kind 'labels' is not one of [probability, sigmoid_logits, softmax_logits, class_map]");
    }

    @Test
    void readsMinMaxNormalisationOfTheOutput() throws Exception {
        SegmentationModelSpec spec = SegmentationModelFile.read(Files.writeString(dir.resolve("m.json"), """
                {"name": "isnet-general-use", "engine": "onnx", "location": "isnet",
                 "input": {"resize": "stretch", "width": 1024, "height": 1024, "layout": "nchw",
                           "mean": [0.5, 0.5, 0.5], "std": [1, 1, 1]},
                 "output": {"kind": "probability", "layout": "nchw", "classes": ["subject"], "normalise": "min-max"}}
                """));

        assertThat(spec.output().normalise()).isEqualTo(OutputContract.Normalisation.MIN_MAX);
        assertThat(SegmentationModelFile.read(Files.writeString(dir.resolve("d.json"), DEEPLAB)).output().normalise())
                .isEqualTo(OutputContract.Normalisation.NONE);
    }

    @Test
    void aClassMapCannotBeMinMaxNormalised() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"),
                DEEPLAB.replace("\"background\": \"background\"}", "\"background\": \"background\", \"normalise\": \"min-max\"}"));
        assertThatThrownBy(() -> SegmentationModelFile.read(file))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining("a class map has none");
    }
}
