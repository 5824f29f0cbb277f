package dev.autohair.models.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.pipeline.model.ModelChecksumException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real download code against a loopback HTTP server serving a tiny ONNX fixture. */
class ModelDownloaderTest {

    /** For the servers that stall on purpose: a short read timeout keeps the test quick. */
    private static final ModelDownloader.Timeouts SHORT = new ModelDownloader.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(20));
    /** For the rest: timeouts a loaded build machine cannot hit. */
    private static final ModelDownloader.Timeouts PATIENT = new ModelDownloader.Timeouts(Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(60));

    @TempDir
    Path dir;

    private final LoopbackModelServer server = new LoopbackModelServer();
    private final List<String> progress = new ArrayList<>();
    private final ModelDownloader downloader = new ModelDownloader(PATIENT, progress::add);
    private final ModelDownloader impatient = new ModelDownloader(SHORT, progress::add);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsAFileWithThePublishedChecksumIntoPlace() throws Exception {
        Path target = dir.resolve("cache/u2netp.onnx");

        long bytes = downloader.download(server.url("ok", "u2netp.onnx"), LoopbackModelServer.fixtureMd5(), target);

        assertThat(bytes).isEqualTo(Files.size(LoopbackModelServer.FIXTURE));
        assertThat(target).hasSameBinaryContentAs(LoopbackModelServer.FIXTURE);
        assertThat(filesIn(target.getParent())).containsExactly("u2netp.onnx");
        assertThat(progress).anyMatch(line -> line.startsWith("downloading http://127.0.0.1:"));
    }

    @Test
    void refusesABodyWithTheWrongChecksumAndLeavesNothing() throws Exception {
        Path target = dir.resolve("u2netp.onnx");

        assertThatThrownBy(() -> downloader.download(server.url("tampered", "u2netp.onnx"),
                LoopbackModelServer.fixtureMd5(), target))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining("but the published file has md5 " + LoopbackModelServer.fixtureMd5())
                .hasMessageContaining("it was not installed");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void refusesATruncatedBody() throws Exception {
        Path target = dir.resolve("u2netp.onnx");
        long size = Files.size(LoopbackModelServer.FIXTURE);

        assertThatThrownBy(() -> downloader.download(server.url("truncated", "u2netp.onnx"),
                LoopbackModelServer.fixtureMd5(), target))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining(server.url("truncated", "u2netp.onnx").toString())
                .hasMessageContaining("was cut short: " + size / 2 + " of " + size + " bytes arrived");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void reportsANotFound() throws Exception {
        Path target = dir.resolve("u2netp.onnx");

        assertThatThrownBy(() -> downloader.download(server.url("gone", "u2netp.onnx"),
                LoopbackModelServer.fixtureMd5(), target))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("answered HTTP 404");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void givesUpOnAServerThatStallsMidBody() throws Exception {
        Path target = dir.resolve("u2netp.onnx");
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.download(server.url("stall", "u2netp.onnx"),
                LoopbackModelServer.fixtureMd5(), target))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("stopped sending: nothing arrived for PT2S")
                .hasMessageContaining("after 64 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void givesUpOnAServerThatNeverAnswers() throws Exception {
        assertThatThrownBy(() -> impatient.download(server.url("silent", "u2netp.onnx"),
                LoopbackModelServer.fixtureMd5(), dir.resolve("u2netp.onnx")))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("stopped sending: nothing arrived for PT2S")
                .hasMessageContaining("after 0 bytes");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aTransferThatNeverStallsStillHasADeadline() throws Exception {
        ModelDownloader strict = new ModelDownloader(new ModelDownloader.Timeouts(Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofMillis(300)), progress::add);

        assertThatThrownBy(() -> strict.download(server.url("trickle", "u2netp.onnx"),
                LoopbackModelServer.fixtureMd5(), dir.resolve("u2netp.onnx")))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("took longer than PT0.3S");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void followsARedirectAsReleaseAssetsNeed() throws Exception {
        Path target = dir.resolve("u2netp.onnx");

        downloader.download(server.url("redirect", "u2netp.onnx"), LoopbackModelServer.fixtureMd5(), target);

        assertThat(target).hasSameBinaryContentAs(LoopbackModelServer.FIXTURE);
    }

    @Test
    void saysSoWhenTheHostCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> downloader.download(URI.create("http://127.0.0.1:" + closedPort + "/u2netp.onnx"),
                LoopbackModelServer.fixtureMd5(), dir.resolve("u2netp.onnx")))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("cannot reach http://127.0.0.1:" + closedPort);
        assertThat(filesIn(dir)).isEmpty();
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
