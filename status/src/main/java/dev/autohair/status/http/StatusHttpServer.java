package dev.autohair.status.http;

import com.sun.net.httpserver.HttpServer;
import dev.autohair.common.http.HttpEndpoint;
import dev.autohair.status.feed.ChangeFeed;
import dev.autohair.status.links.ObjectLinks;
import dev.autohair.status.view.JobViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The status service's HTTP side on the JDK's server: the dashboard at {@code /}, the JSON API under
 * {@code /jobs} and {@code /stats}, server-sent events at {@code /events}, {@code /health}.
 */
public final class StatusHttpServer implements AutoCloseable {

    static final long HEARTBEAT_MS = 15_000;

    private final HttpEndpoint endpoint;

    private StatusHttpServer(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @param streamsState the Streams state name for {@code /health} (RUNNING when healthy)
     */
    public static StatusHttpServer start(String host, int port, JobViews views, ChangeFeed feed, ObjectLinks links,
                                         Supplier<String> streamsState) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        ApiHandler api = new ApiHandler(views, new JobJson(links), Clock.systemUTC());
        server.createContext("/jobs", api);
        server.createContext("/stats", api);
        server.createContext("/events", new EventsHandler(feed, HEARTBEAT_MS));
        server.createContext("/health", exchange -> {
            String state = streamsState.get();
            Responses.json(exchange, "RUNNING".equals(state) ? 200 : 503, Map.of("streams", state));
        });
        server.createContext("/", new StaticHandler());
        // Event streams hold a thread each for as long as the client listens: a cached pool, bounded by
        // ChangeFeed's subscriber limit plus the short API requests.
        return new StatusHttpServer(HttpEndpoint.startOnCachedThreads(server, "status-http"));
    }

    public int port() {
        return endpoint.port();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
