package dev.autohair.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.autohair.common.http.HttpAnswers;
import dev.autohair.common.http.HttpEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The worker's HTTP endpoint for Prometheus and for orchestrators: {@code /metrics},
 * {@code /health/live} and {@code /health/ready} (200 when up, 503 when not). Plain JDK HTTP server
 * on one daemon thread: scrapes and probes are small and rare.
 */
public final class MonitoringServer implements AutoCloseable {

    public static final String METRICS = "/metrics";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpEndpoint endpoint;

    private MonitoringServer(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Listens on every interface at {@code port} (0: a free one) — containers are probed from outside. */
    public static MonitoringServer start(int port, PrometheusWorkerMetrics metrics, Health health) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " for /metrics and /health "
                    + "(set AUTOHAIR_HTTP_PORT to a free port): " + e.getMessage(), e);
        }
        server.createContext(METRICS, exchange -> answer(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
        server.createContext(LIVE, exchange -> report(exchange, health::liveness));
        server.createContext(READY, exchange -> report(exchange, health::readiness));
        return new MonitoringServer(HttpEndpoint.startOnOneThread(server, "autohair-monitoring"));
    }

    public int port() {
        return endpoint.port();
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private static void report(HttpExchange exchange, Supplier<Health.Report> check) throws IOException {
        Health.Report report = check.get();
        String body = "{\"status\":\"" + (report.up() ? "UP" : "DOWN") + "\",\"detail\":\"" + report.detail() + "\"}\n";
        answer(exchange, report.up() ? 200 : 503, "application/json", body);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        // The contexts match by prefix: anything but the exact path is not ours.
        if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
            status = 404;
            body = "not found\n";
            contentType = "text/plain; charset=utf-8";
        }
        HttpAnswers.send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
