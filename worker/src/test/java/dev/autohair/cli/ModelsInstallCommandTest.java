package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.autohair.models.catalogue.ModelCatalogue;
import dev.autohair.models.catalogue.ModelDownloadException;
import dev.autohair.models.catalogue.ModelDownloader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autohair models install} and {@code list} with the catalogue pointed at a loopback server. */
class ModelsInstallCommandTest {

    /** Nothing here stalls on purpose: timeouts a loaded build machine cannot hit. */
    private static final ModelDownloader.Timeouts PATIENT = new ModelDownloader.Timeouts(Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(60));

    @TempDir
    Path tmp;

    private HttpServer server;
    private byte[] fixture;
    private String md5;

    @BeforeEach
    void serveTheFixture() throws Exception {
        fixture = Files.readAllBytes(Path.of(getClass().getResource("/models/rembg-like/model.onnx").toURI()));
        md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(fixture));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/u2netp.onnx", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, fixture.length);
                exchange.getResponseBody().write(fixture);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ModelCatalogue catalogue(URI url) {
        return ModelCatalogue.REMBG.with(ModelCatalogue.REMBG.require("u2netp").from(url, md5));
    }

    private URI served() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/u2netp.onnx");
    }

    @Test
    void installsThenListsAndLoadsTheModelByName() {
        Map<String, String> env = Map.of("AUTOHAIR_MODEL_CACHE", tmp.resolve("cache").toString(),
                "U2NET_HOME", tmp.resolve("no-rembg").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        int installed = new ModelsCommand(print, env, catalogue(served()), PATIENT).run(List.of("install", "u2netp"));
        String installText = out.toString(StandardCharsets.UTF_8);
        out.reset();
        Map<String, String> configured = new java.util.HashMap<>(env);
        configured.put("AUTOHAIR_SEGMENTATION_MODEL", "u2netp");
        int listed = new ModelsCommand(print, configured, catalogue(served()), PATIENT).run(List.of("list"));
        String listText = out.toString(StandardCharsets.UTF_8);

        assertThat(installed).as(installText).isZero();
        assertThat(installText).contains("downloading " + served(), "u2netp downloaded and installed (md5 checked)",
                "licence:  Apache-2.0", "AUTOHAIR_SEGMENTATION_MODEL=u2netp");
        assertThat(listed).as(listText).isZero();
        assertThat(listText).containsPattern("u2netp +installed ")
                .containsPattern("isnet-general-use +not installed ")
                .contains("name:     u2netp", "float32 NCHW RGB, 320x320", "probability NCHW, min-max normalised",
                        "loads:    yes");
    }

    @Test
    void usesTheCopyInRembgsCache() throws Exception {
        Path rembg = Files.createDirectories(tmp.resolve("u2net"));
        Files.write(rembg.resolve("u2netp.onnx"), fixture);
        URI nowhere = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gone.onnx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new ModelsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOHAIR_MODEL_CACHE", tmp.resolve("cache").toString(), "U2NET_HOME", rembg.toString()),
                catalogue(nowhere), PATIENT).run(List.of("install", "u2netp"));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("installed from rembg's cache, no download");
    }

    @Test
    void aMissingFileTellsHowToBringItByHand() {
        URI missing = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gone.onnx");
        ModelsCommand command = new ModelsCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("AUTOHAIR_MODEL_CACHE", tmp.resolve("cache").toString(), "U2NET_HOME", tmp.toString()),
                catalogue(missing), PATIENT);

        assertThatThrownBy(() -> command.run(List.of("install", "u2netp")))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("answered HTTP 404")
                .hasMessageContaining("To bring the file by hand: download " + missing);
    }

    @Test
    void listSaysHowToInstallAConfiguredCatalogueModel() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new ModelsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOHAIR_MODEL_CACHE", tmp.resolve("cache").toString(),
                        "AUTOHAIR_SEGMENTATION_MODEL", "isnet-general-use")).run(List.of("list"));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("NOT CONFIGURED: model isnet-general-use is not installed",
                        "run: ./autohair models install isnet-general-use");
    }
}
