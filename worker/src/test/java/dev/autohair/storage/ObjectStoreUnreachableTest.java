package dev.autohair.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stores that cannot serve: nothing listening, or a listener that never answers. */
class ObjectStoreUnreachableTest {

    private static final StorageTimeouts SHORT = new StorageTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));

    @Test
    void aPortWithNothingListeningIsUnavailableAndRetriable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (ObjectStore store = new ObjectStore(StorageConfig.of("http://127.0.0.1:" + port, "k", "s"), SHORT)) {
            assertThatThrownBy(() -> store.fetch("uploads", "a.png", 100))
                    .isInstanceOfSatisfying(StorageUnavailableException.class, e -> assertThat(e.isRetriable()).isTrue())
                    .hasMessageContaining("connection was refused")
                    .hasMessageContaining("safe to retry");
        }
    }

    @Test
    void aStoreThatNeverAnswersTimesOutAsUnavailable() throws Exception {
        List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (ObjectStore store = new ObjectStore(
                    StorageConfig.of("http://127.0.0.1:" + silent.getLocalPort(), "k", "s"), SHORT)) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> store.put("uploads", "a.png", new byte[10], "image/png", Map.of()))
                        .isInstanceOf(StorageUnavailableException.class)
                        .hasMessageContaining("timed out");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            }
        } finally {
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}
