package dev.autohair.status.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autohair.status.view.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver protocol, spoken over the
 * JDK's HTTP client (no Selenium needed for navigate, run script, quit).
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--window-size=1280,900");

    private final Process driver;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String session;

    private HeadlessChromium(Process driver, URI base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    /** The chromium and chromedriver executables on PATH, or empty when either is missing. */
    public static Optional<Path[]> find() {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        return chromium.isPresent() && driver.isPresent()
                ? Optional.of(new Path[] {chromium.get(), driver.get()}) : Optional.empty();
    }

    public static HeadlessChromium start(Path chromium, Path chromedriver, Path logDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(logDir.resolve("chromedriver.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!ready(http, base)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IOException("chromedriver did not become ready on port " + port);
                }
                Thread.sleep(100);
            }
            ObjectNode options = Json.MAPPER.createObjectNode();
            options.put("binary", chromium.toString());
            options.putPOJO("args", ARGS);
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
            JsonNode created = call(http, "POST", base.resolve("/session"), body);
            return new HeadlessChromium(process, base, created.path("value").path("sessionId").asText());
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroy();
            throw e;
        }
    }

    public void open(String url) throws IOException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("url", url);
        call(http, "POST", sessionUri("/url"), body);
    }

    /** Runs {@code script} (a function body that returns a value) in the page; its value as JSON. */
    public JsonNode run(String script) throws IOException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("script", script);
        body.putArray("args");
        return call(http, "POST", sessionUri("/execute/sync"), body).path("value");
    }

    /** Runs {@code script} until its value passes {@code done} or {@code timeout} passes; the last value. */
    public JsonNode await(String script, Predicate<JsonNode> done, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = run(script);
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = run(script);
        }
        return value;
    }

    /** Saves what the page looks like now as a PNG (for a person to look at; nothing asserts on it). */
    public void screenshot(Path png) throws IOException, InterruptedException {
        String base64 = call(http, "GET", sessionUri("/screenshot"), null).path("value").asText();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(base64));
    }

    @Override
    public void close() {
        try {
            call(http, "DELETE", sessionUri(""), null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // Quitting is best effort: the driver process is stopped below either way.
        } finally {
            driver.destroy();
        }
    }

    private URI sessionUri(String path) {
        return base.resolve("/session/" + session + path);
    }

    private static boolean ready(HttpClient http, URI base) throws InterruptedException {
        try {
            return call(http, "GET", base.resolve("/status"), null).path("value").path("ready").asBoolean();
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static JsonNode call(HttpClient http, String method, URI uri, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
