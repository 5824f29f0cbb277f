package dev.autohair.common.http;

import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A started JDK HTTP server with the daemon threads it answers on (daemons, so an endpoint never
 * keeps a JVM alive); closing stops both. Shared by the worker's monitoring endpoint and the status
 * service.
 */
public final class HttpEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts {@code server} (its contexts already created) on one daemon thread: for small, rare requests. */
    public static HttpEndpoint startOnOneThread(HttpServer server, String threadName) {
        return start(server, Executors.newSingleThreadExecutor(r -> daemon(r, threadName)));
    }

    /** Starts {@code server} on a cached pool of daemon threads: for requests that hold a thread long. */
    public static HttpEndpoint startOnCachedThreads(HttpServer server, String threadName) {
        return start(server, Executors.newCachedThreadPool(r -> daemon(r, threadName)));
    }

    private static HttpEndpoint start(HttpServer server, ExecutorService executor) {
        server.setExecutor(executor);
        server.start();
        return new HttpEndpoint(server, executor);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
