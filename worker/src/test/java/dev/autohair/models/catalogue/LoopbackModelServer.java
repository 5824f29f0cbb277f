package dev.autohair.models.catalogue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that serves the tiny rembg-like ONNX fixture the ways a real
 * release host can: whole ({@code /ok/}), altered ({@code /tampered/}), cut short ({@code
 * /truncated/}), missing (anything else: 404), stalling after the headers and a few bytes
 * ({@code /stall/}) or before any answer ({@code /silent/}) until the test ends, trickling a byte
 * every 50 ms ({@code /trickle/}), or redirecting to {@code /ok/} as GitHub's release assets do
 * ({@code /redirect/}).
 */
final class LoopbackModelServer implements AutoCloseable {

    static final Path FIXTURE = fixture();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final byte[] model;
    final AtomicInteger requests = new AtomicInteger();

    LoopbackModelServer() {
        try {
            model = Files.readAllBytes(FIXTURE);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static String fixtureMd5() {
        return Md5.of(FIXTURE);
    }

    /** The URL of {@code file} served the way {@code mode} says: ok, tampered, truncated, stall, or missing. */
    URI url(String mode, String file) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/" + file);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String mode = exchange.getRequestURI().getPath().split("/")[1];
        try (exchange) {
            switch (mode) {
                case "ok" -> send(exchange, model, model.length);
                case "tampered" -> {
                    byte[] altered = model.clone();
                    altered[altered.length / 2] ^= 0x5a;
                    send(exchange, altered, altered.length);
                }
                case "truncated" -> {
                    // Announces the whole file, sends half, hangs up: a connection lost mid-download.
                    exchange.sendResponseHeaders(200, model.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(model, 0, model.length / 2);
                    out.flush();
                    // Closing the exchange short of the announced length makes the server drop the connection.
                }
                case "stall" -> {
                    exchange.sendResponseHeaders(200, model.length);
                    exchange.getResponseBody().write(model, 0, 64);
                    exchange.getResponseBody().flush();
                    release.await(30, TimeUnit.SECONDS);
                }
                case "silent" -> release.await(30, TimeUnit.SECONDS);
                case "trickle" -> {
                    exchange.sendResponseHeaders(200, model.length);
                    for (int i = 0; i < model.length && release.getCount() > 0; i++) {
                        exchange.getResponseBody().write(model[i]);
                        exchange.getResponseBody().flush();
                        Thread.sleep(50);
                    }
                }
                case "redirect" -> {
                    String file = exchange.getRequestURI().getPath().substring("/redirect/".length());
                    exchange.getResponseHeaders().set("Location", "/ok/" + file);
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, byte[] body, int length) throws IOException {
        exchange.sendResponseHeaders(200, length);
        exchange.getResponseBody().write(body, 0, length);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private static Path fixture() {
        try {
            return Path.of(LoopbackModelServer.class.getResource("/models/rembg-like/model.onnx").toURI());
        } catch (Exception e) {
            throw new IllegalStateException("the test fixture models/rembg-like/model.onnx is missing", e);
        }
    }
}
