package dev.autohair.devstack;

/** An embedded dev server failed to start or stop; the message says where its log is. */
public final class DevServerException extends RuntimeException {

    public DevServerException(String message) {
        super(message);
    }

    public DevServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
