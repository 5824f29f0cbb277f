package dev.autohair.common.contract;

/**
 * A message value breaks a rule of the contract. {@code constraint} names the rule (the schema keyword,
 * or a name for rules the schema cannot express) so decoders can report it as a violation.
 */
public class ConstraintException extends IllegalArgumentException {

    private final String constraint;

    public ConstraintException(String constraint, String message) {
        super(message);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
