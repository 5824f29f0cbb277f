package dev.autohair.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobError;
import dev.autohair.common.contract.JobStage;
import dev.autohair.pipeline.StageFailedException;
import dev.autohair.pipeline.decode.CorruptImageException;
import dev.autohair.pipeline.matting.UnconstrainedMatteException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FailuresTest {

    /**
     * Exceptions that only start-up, tools or the message intake throw, never a job's stages: they
     * need no entry in the table. Anything else a stage can throw must be in it.
     */
    private static final Set<String> NOT_FROM_A_STAGE = Set.of(
            "dev.autohair.pipeline.StageFailedException", // the wrapper, unwrapped before classifying
            "dev.autohair.pipeline.model.ModelNotInstalledException",
            "dev.autohair.pipeline.model.ModelChecksumException",
            "dev.autohair.pipeline.model.ModelLoadException",
            "dev.autohair.pipeline.model.GpuUnavailableException",
            "dev.autohair.pipeline.segmentation.InvalidModelSpecException",
            "dev.autohair.pipeline.decode.InvalidImageException", // abstract: its subclasses are listed
            "dev.autohair.storage.StorageException"); // abstract: its subclasses are listed

    @Test
    void everyExceptionTheStagesCanThrowHasItsOwnCode() throws Exception {
        List<Class<?>> exceptions = new ArrayList<>();
        exceptions.addAll(exceptionsIn(StageFailedException.class, "dev/autohair/pipeline"));
        exceptions.addAll(exceptionsIn(dev.autohair.storage.StorageException.class, "dev/autohair/storage"));
        assertThat(exceptions).hasSizeGreaterThan(15);
        for (Class<?> type : exceptions) {
            if (NOT_FROM_A_STAGE.contains(type.getName())) {
                continue;
            }
            assertThat(Failures.CODES).as("%s has an error code in Failures.CODES", type.getName()).containsKey(
                    type.asSubclass(Throwable.class));
        }
    }

    @Test
    void aFailureThatWouldRepeatIsNotRetried() {
        assertThat(Failures.classify(new UnconstrainedMatteException("image 2x2 is smaller than one 3x3 matting window"))
                .code()).isEqualTo(ErrorCode.CANNOT_MATTE).matches(code -> !code.retryable());
    }

    @Test
    void wrappedFailuresAreUnwrapped() {
        JobError error = Failures.classify(new CompletionException(
                new StageFailedException(JobStage.DECODE, new CorruptImageException("PNG is truncated"))));
        assertThat(error).isEqualTo(new JobError(ErrorCode.CORRUPT_IMAGE, "PNG is truncated"));
    }

    @Test
    void anythingElseIsARetriedInternalErrorNamingItsType() {
        JobError error = Failures.classify(new IllegalStateException("bug"));
        assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(error.code().retryable()).isTrue();
        assertThat(error.message()).isEqualTo("IllegalStateException: bug");
    }

    /** Every Throwable class under {@code packagePath} in the class folder or jar that holds {@code anchor}. */
    private static List<Class<?>> exceptionsIn(Class<?> anchor, String packagePath) throws IOException, URISyntaxException {
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        Path root = Path.of(location.toURI());
        List<Class<?>> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root.resolve(packagePath))) {
                for (Path file : files.filter(f -> f.toString().endsWith("Exception.class")).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    found.add(load(name));
                }
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(packagePath) && name.endsWith("Exception.class")) {
                        found.add(load(name.replace('/', '.').replaceAll("\\.class$", "")));
                    }
                }
            }
        }
        return found.stream().filter(Throwable.class::isAssignableFrom).toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, FailuresTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
