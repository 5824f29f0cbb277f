package dev.autohair.status.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autohair.status.feed.ChangeFeed;
import dev.autohair.status.view.Json;
import dev.autohair.status.view.JobView;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /events}: server-sent events, one {@code job} event per change of the view, its data the
 * job's view as JSON. A comment line every {@code heartbeatMs} keeps proxies from closing an idle stream
 * and tells the server when the client has gone.
 */
final class EventsHandler implements HttpHandler {

    private final ChangeFeed feed;
    private final long heartbeatMs;

    EventsHandler(ChangeFeed feed, long heartbeatMs) {
        this.feed = feed;
        this.heartbeatMs = heartbeatMs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Responses.error(exchange, 405, "method_not_allowed", "use GET for the event stream");
            return;
        }
        Optional<ChangeFeed.Subscription> subscription = feed.subscribe();
        if (subscription.isEmpty()) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            Responses.error(exchange, 503, "too_many_listeners", "too many event streams are open; retry later");
            return;
        }
        try (ChangeFeed.Subscription changes = subscription.get(); exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, ": connected\nretry: 2000\n\n");
            while (!changes.overflowed()) {
                JobView view = changes.next(heartbeatMs);
                write(out, view == null ? ": keep-alive\n\n"
                        : "event: job\ndata: " + Json.MAPPER.writeValueAsString(view) + "\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
