package dev.autohair.common.contract;

/**
 * One broken rule in a message.
 *
 * @param path    JSON pointer to the offending value ("" for the whole message)
 * @param keyword the schema keyword that failed ("pattern", "required", ...), or the name of a rule the
 *                schema cannot express ("lowBelowHigh")
 * @param message for people
 */
public record Violation(String path, String keyword, String message) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "(message)" : path) + ": " + message;
    }
}
