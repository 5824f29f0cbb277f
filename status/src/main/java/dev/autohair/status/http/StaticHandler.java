package dev.autohair.status.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The dashboard's files, from the class path ({@code dev/autohair/status/web/}). */
final class StaticHandler implements HttpHandler {

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/dashboard.js", "dashboard.js",
            "/dashboard.css", "dashboard.css");

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String file = FILES.get(exchange.getRequestURI().getPath());
        if (file == null) {
            Responses.error(exchange, 404, "not_found", "no such resource: " + exchange.getRequestURI().getPath());
            return;
        }
        try (InputStream in = StaticHandler.class.getResourceAsStream("/dev/autohair/status/web/" + file)) {
            if (in == null) {
                throw new IOException("dashboard file " + file + " is missing from the class path");
            }
            Responses.send(exchange, 200, contentType(file), in.readAllBytes());
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    }
}
