package dev.autohair.common.contract;

/** A result or status event could not be read (not JSON, or not the contract's shape). */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
