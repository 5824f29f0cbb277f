package dev.autohair.common.contract;

import java.util.List;

/**
 * A message built in Java breaks its schema, found before it was sent. This is a bug in the code that
 * built it (or a schema and record that drifted apart), not bad input.
 */
public class SchemaViolationException extends IllegalStateException {

    private final List<Violation> violations;

    public SchemaViolationException(MessageType type, List<Violation> violations) {
        super(type.schemaName() + " v" + type.version() + " breaks its schema: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
