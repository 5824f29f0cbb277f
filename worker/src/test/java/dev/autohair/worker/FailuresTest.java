package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobError;
import dev.autohair.pipeline.decode.CorruptImageException;
import dev.autohair.pipeline.decode.ImageTooLargeException;
import dev.autohair.pipeline.decode.UnsupportedImageException;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void pipelineFailuresGetTheirPermanentCodes() {
        assertThat(Failures.classify(new UnsupportedImageException("text")).code()).isEqualTo(ErrorCode.NOT_AN_IMAGE);
        assertThat(Failures.classify(new CorruptImageException("cut")).code()).isEqualTo(ErrorCode.CORRUPT_IMAGE);
        assertThat(Failures.classify(new ImageTooLargeException("big")).code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE);
        assertThat(Failures.classify(new DegenerateMaskException("empty")).code()).isEqualTo(ErrorCode.NOTHING_FOUND);
    }

    @Test
    void wrappedFailuresAreUnwrapped() {
        JobError error = Failures.classify(new CompletionException(new CorruptImageException("PNG is truncated")));
        assertThat(error).isEqualTo(new JobError(ErrorCode.CORRUPT_IMAGE, "PNG is truncated"));
    }

    @Test
    void anythingElseIsARetriedInternalErrorNamingItsType() {
        JobError error = Failures.classify(new IllegalStateException("bug"));
        assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(error.code().retryable()).isTrue();
        assertThat(error.message()).isEqualTo("IllegalStateException: bug");
    }
}
