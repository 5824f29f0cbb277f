package dev.autohair.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the store's error answers are classified. s3proxy never sends 5xx on purpose, so an HTTP
 * server here answers every request with one fixed S3 error.
 */
class ObjectStoreErrorAnswersTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void serviceUnavailableIsTransient() throws Exception {
        try (ObjectStore store = storeAnswering(503, "SlowDown", "Please reduce your request rate.")) {
            assertThatThrownBy(() -> store.put("uploads", "a.png", new byte[1], "image/png", Map.of()))
                    .isInstanceOfSatisfying(StorageUnavailableException.class, e -> assertThat(e.isRetriable()).isTrue())
                    .hasMessageContaining("503 SlowDown");
        }
    }

    @Test
    void internalErrorWithoutAnS3BodyIsTransient() throws Exception {
        try (ObjectStore store = storeAnswering(502, null, null)) {
            assertThatThrownBy(() -> store.put("uploads", "a.png", new byte[1], "image/png", Map.of()))
                    .isInstanceOf(StorageUnavailableException.class);
        }
    }

    @Test
    void accessDeniedIsPermanent() throws Exception {
        try (ObjectStore store = storeAnswering(403, "AccessDenied", "Access Denied.")) {
            assertThatThrownBy(() -> store.put("uploads", "a.png", new byte[1], "image/png", Map.of()))
                    .isInstanceOfSatisfying(StorageRejectedException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.isRetriable()).isFalse();
                    })
                    .hasMessageContaining("check the worker's access key, secret key and the bucket policy");
        }
    }

    private ObjectStore storeAnswering(int status, String code, String message) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = code == null ? "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8)
                    : ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                       + message + "</Message><RequestId>r1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", code == null ? "text/html" : "application/xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new ObjectStore(StorageConfig.of("http://127.0.0.1:" + server.getAddress().getPort(), "k", "s"));
    }
}
