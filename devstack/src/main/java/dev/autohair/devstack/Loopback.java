package dev.autohair.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback-only networking helpers: the dev stack never listens on other interfaces. */
public final class Loopback {

    public static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    /**
     * A port that was free a moment ago. Another process could take it before the server binds it;
     * on a developer machine that is rare enough, and the server then fails with a clear bind error.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST + ": is the loopback interface up?", e);
        }
    }

    /** Whether something accepts TCP connections on {@code 127.0.0.1:port}. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
