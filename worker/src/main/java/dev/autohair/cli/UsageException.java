package dev.autohair.cli;

/** The command line is wrong; the message says how to write it. Exit status 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
