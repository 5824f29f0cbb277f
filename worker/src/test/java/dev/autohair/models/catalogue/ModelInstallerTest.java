package dev.autohair.models.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.pipeline.model.ModelChecksumException;
import dev.autohair.pipeline.model.ModelNotInstalledException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing a catalogue model: from the loopback server, from rembg's cache, from a file brought by hand. */
class ModelInstallerTest {

    /** Nothing here stalls on purpose: timeouts a loaded build machine cannot hit. */
    private static final ModelDownloader.Timeouts PATIENT = new ModelDownloader.Timeouts(Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(60));

    @TempDir
    Path dir;

    private final LoopbackModelServer server = new LoopbackModelServer();
    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    /** The catalogue with the fixture standing in for u2netp, served as {@code mode} says. */
    private ModelCatalogue catalogue(String mode) {
        CatalogueModel real = ModelCatalogue.REMBG.require("u2netp");
        return ModelCatalogue.REMBG.with(real.from(server.url(mode, "u2netp.onnx"), LoopbackModelServer.fixtureMd5()));
    }

    private ModelInstaller installer(ModelCatalogue catalogue, Optional<Path> rembgHome) {
        return new ModelInstaller(new InstalledModels(catalogue, dir.resolve("cache")), rembgHome,
                new ModelDownloader(PATIENT, progress::add), progress::add);
    }

    @Test
    void downloadsIntoTheCacheAndThenKnowsItIsInstalled() {
        ModelCatalogue catalogue = catalogue("ok");
        InstalledModels installed = new InstalledModels(catalogue, dir.resolve("cache"));

        ModelInstaller.Installation first = installer(catalogue, Optional.empty()).install("u2netp");
        ModelInstaller.Installation second = installer(catalogue, Optional.empty()).install("u2netp");

        assertThat(first.source()).isEqualTo(ModelInstaller.Source.DOWNLOADED);
        assertThat(first.file()).isEqualTo(dir.resolve("cache/catalogue/u2netp/" + LoopbackModelServer.fixtureMd5()
                + "/u2netp.onnx"));
        assertThat(first.file()).hasSameBinaryContentAs(LoopbackModelServer.FIXTURE);
        assertThat(second.source()).isEqualTo(ModelInstaller.Source.ALREADY_INSTALLED);
        assertThat(server.requests).hasValue(1);
        assertThat(installed.installed(catalogue.require("u2netp"))).contains(first.file());
        assertThat(installed.spec("u2netp").location()).isEqualTo(first.file().getParent().toString());
        assertThat(installed.spec("u2netp").modelFile()).isEqualTo("u2netp.onnx");
    }

    @Test
    void replacesAnInstalledFileThatNoLongerHasItsChecksum() throws Exception {
        ModelCatalogue catalogue = catalogue("ok");
        Path target = new InstalledModels(catalogue, dir.resolve("cache")).file(catalogue.require("u2netp"));
        Files.createDirectories(target.getParent());
        Files.writeString(target, "damaged on disk");

        ModelInstaller.Installation done = installer(catalogue, Optional.empty()).install("u2netp");

        assertThat(done.source()).isEqualTo(ModelInstaller.Source.DOWNLOADED);
        assertThat(target).hasSameBinaryContentAs(LoopbackModelServer.FIXTURE);
        assertThat(progress).anyMatch(line -> line.endsWith("any more; installing it again"));
    }

    @Test
    void usesRembgsCopyWithoutDownloading() throws Exception {
        Path rembg = Files.createDirectories(dir.resolve("u2net-home"));
        Files.copy(LoopbackModelServer.FIXTURE, rembg.resolve("u2netp.onnx"));

        ModelInstaller.Installation done = installer(catalogue("gone"), Optional.of(rembg)).install("u2netp");

        assertThat(done.source()).isEqualTo(ModelInstaller.Source.REMBG_CACHE);
        assertThat(done.file()).hasSameBinaryContentAs(LoopbackModelServer.FIXTURE);
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void downloadsWhenRembgsCopyIsNotThePublishedFile() throws Exception {
        Path rembg = Files.createDirectories(dir.resolve("u2net-home"));
        Files.writeString(rembg.resolve("u2netp.onnx"), "half a model");

        ModelInstaller.Installation done = installer(catalogue("ok"), Optional.of(rembg)).install("u2netp");

        assertThat(done.source()).isEqualTo(ModelInstaller.Source.DOWNLOADED);
        assertThat(done.file()).hasSameBinaryContentAs(LoopbackModelServer.FIXTURE);
        assertThat(progress).anyMatch(line -> line.startsWith("rembg's copy is not the published file"));
    }

    @Test
    void aFailedDownloadLeavesNothingInstalledAndSaysHowToBringTheFileByHand() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort + "/u2netp.onnx");
        ModelCatalogue catalogue = ModelCatalogue.REMBG.with(ModelCatalogue.REMBG.require("u2netp")
                .from(unreachable, LoopbackModelServer.fixtureMd5()));
        Path rembg = dir.resolve("u2net-home");

        assertThatThrownBy(() -> installer(catalogue, Optional.of(rembg)).install("u2netp"))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("cannot reach " + unreachable)
                .hasMessageContaining("nothing was installed")
                .hasMessageContaining("To bring the file by hand: download " + unreachable)
                .hasMessageContaining("`md5sum` prints " + LoopbackModelServer.fixtureMd5())
                .hasMessageContaining("./autohair models install u2netp --from FILE")
                .hasMessageContaining(rembg.resolve("u2netp.onnx").toString());
        assertThat(new InstalledModels(catalogue, dir.resolve("cache")).installed(catalogue.require("u2netp"))).isEmpty();
        assertThatThrownBy(() -> new InstalledModels(catalogue, dir.resolve("cache")).spec("u2netp"))
                .isInstanceOf(ModelNotInstalledException.class)
                .hasMessageContaining("run: ./autohair models install u2netp");
    }

    @Test
    void aTamperedDownloadIsRefusedWithTheSameAdvice() {
        assertThatThrownBy(() -> installer(catalogue("tampered"), Optional.empty()).install("u2netp"))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining("nothing was installed")
                .hasMessageContaining("To bring the file by hand");
    }

    @Test
    void installsAFileBroughtByHandOnlyWhenItsChecksumMatches() throws Exception {
        ModelCatalogue catalogue = catalogue("gone");
        Path wrong = Files.writeString(dir.resolve("other.onnx"), "not the model");

        assertThatThrownBy(() -> installer(catalogue, Optional.empty()).installFrom("u2netp", wrong))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining(wrong + " has md5 ");
        assertThat(new InstalledModels(catalogue, dir.resolve("cache")).installed(catalogue.require("u2netp"))).isEmpty();

        ModelInstaller.Installation done = installer(catalogue, Optional.empty())
                .installFrom("u2netp", LoopbackModelServer.FIXTURE);
        assertThat(done.source()).isEqualTo(ModelInstaller.Source.LOCAL_FILE);
        assertThat(done.file()).hasSameBinaryContentAs(LoopbackModelServer.FIXTURE);
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void refusesANameOutsideTheCatalogue() {
        assertThatThrownBy(() -> installer(ModelCatalogue.REMBG, Optional.empty()).install("u2net_cloth"))
                .isInstanceOf(UnknownCatalogueModelException.class)
                .hasMessageContaining("known: [u2net, u2netp, u2net_human_seg, silueta, isnet-general-use,"
                        + " birefnet-general, birefnet-general-lite]");
    }

    @Test
    void findsRembgsFolderAsRembgDoes() {
        assertThat(ModelInstaller.rembgHome(Map.of("U2NET_HOME", "/srv/u2net"), "/home/a")).contains(Path.of("/srv/u2net"));
        assertThat(ModelInstaller.rembgHome(Map.of("U2NET_HOME", "~/models"), "/home/a")).contains(Path.of("/home/a/models"));
        assertThat(ModelInstaller.rembgHome(Map.of("XDG_DATA_HOME", "/data"), "/home/a")).contains(Path.of("/data/.u2net"));
        assertThat(ModelInstaller.rembgHome(Map.of(), "/home/a")).contains(Path.of("/home/a/.u2net"));
    }
}
