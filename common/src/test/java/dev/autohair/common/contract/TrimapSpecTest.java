package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The band option means one thing, whether a job's JSON or the command line's text says it. */
class TrimapSpecTest {

    private final MessageCodec codec = new MessageCodec();

    private TrimapSpec fromJob(String trimapJson) throws InvalidJobException {
        String job = "{\"schema\":\"autohair.image-job\",\"version\":1,\"jobId\":\"j1\","
                + "\"input\":{\"uri\":\"s3://uploads/a.jpg\"},\"output\":{\"bucket\":\"cutouts\"},"
                + "\"options\":{\"trimap\":" + trimapJson + "},\"submittedAt\":\"2026-01-01T00:00:00Z\"}";
        return codec.decodeJob(job.getBytes(StandardCharsets.UTF_8)).options().trimap();
    }

    @Test
    void aBandWithoutErosionMeansHalfTheBandInAJobAndOnTheCommandLine() throws Exception {
        assertThat(TrimapSpec.parse("10")).isEqualTo(new TrimapSpec.Band(10, 5))
                .isEqualTo(fromJob("{\"mode\":\"band\",\"size\":10}"));
        assertThat(TrimapSpec.parse("7")).isEqualTo(new TrimapSpec.Band(7, 4));
        assertThat(TrimapSpec.parse("1")).isEqualTo(new TrimapSpec.Band(1, 1));
        assertThat(TrimapSpec.parse("10:0")).isEqualTo(fromJob("{\"mode\":\"band\",\"size\":10,\"erosion\":0}"));
    }

    @Test
    void theFormerDefaultBandIsScaledInAJobAndOnTheCommandLine() throws Exception {
        assertThat(TrimapSpec.parse("scaled")).isEqualTo(new TrimapSpec.Scaled())
                .isEqualTo(fromJob("{\"mode\":\"scaled\"}"));
        assertThat(fromJob("{\"mode\":\"auto\"}")).isEqualTo(TrimapSpec.auto()).isNotEqualTo(new TrimapSpec.Scaled());
    }

    @Test
    void everyFormRoundTripsThroughItsText() {
        for (TrimapSpec spec : new TrimapSpec[] {TrimapSpec.auto(), new TrimapSpec.Adaptive(), new TrimapSpec.Scaled(),
                new TrimapSpec.Band(12, 3), new TrimapSpec.Confidence(0.1, 0.9)}) {
            assertThat(TrimapSpec.parse(spec.toText())).isEqualTo(spec);
        }
        assertThat(TrimapSpec.parse("confidence")).isEqualTo(new TrimapSpec.Confidence(0.05, 0.95));
    }

    @Test
    void aBoundExceededNamesTheSchemaKeywordItBreaks() {
        assertThatThrownBy(() -> new TrimapSpec.Band(2000, 1)).isInstanceOf(ConstraintException.class)
                .extracting(e -> ((ConstraintException) e).constraint()).isEqualTo("maximum");
        assertThatThrownBy(() -> new TrimapSpec.Band(0, 1)).extracting(e -> ((ConstraintException) e).constraint())
                .isEqualTo("minimum");
        assertThatThrownBy(() -> new TrimapSpec.Band(10, 2000)).extracting(e -> ((ConstraintException) e).constraint())
                .isEqualTo("maximum");
        assertThatThrownBy(() -> new TrimapSpec.Confidence(0.2, 1.5)).extracting(e -> ((ConstraintException) e).constraint())
                .isEqualTo("maximum");
        assertThatThrownBy(() -> new TrimapSpec.Confidence(0.8, 0.2)).extracting(e -> ((ConstraintException) e).constraint())
                .isEqualTo("lowBelowHigh");
    }

    @Test
    void badTextSaysWhatIsAccepted() {
        assertThatThrownBy(() -> TrimapSpec.parse("wide")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use auto, adaptive, scaled, SIZE, SIZE:EROSION");
        assertThatThrownBy(() -> TrimapSpec.parse("1:2:3")).hasMessageContaining("too many parts");
        assertThatThrownBy(() -> TrimapSpec.parse("confidence:0.1")).hasMessageContaining("both thresholds or neither");
    }
}
