package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * One class of a class-map segmenter that belongs to the subject: by name ("person") or by index
 * (15). Exactly one of the two is set; on the wire it is a plain string or integer.
 */
public record SubjectClass(String name, Integer index) {

    static final String NAME_PATTERN = "^[a-z0-9][a-z0-9_ -]{0,63}$";
    static final int MAX_INDEX = 65535;
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    public SubjectClass {
        if ((name == null) == (index == null)) {
            throw new ConstraintException("oneOf", "a subject class is either a name or an index");
        }
        if (name != null && !NAME.matcher(name).matches()) {
            throw new ConstraintException("pattern", "subject class name '" + name
                    + "' must be 1-64 lower-case letters, digits, '_', '-' or spaces");
        }
        if (index != null && (index < 0 || index > MAX_INDEX)) {
            throw new ConstraintException("maximum", "subject class index must be 0-" + MAX_INDEX + ", got " + index);
        }
    }

    @JsonCreator
    public static SubjectClass named(String name) {
        return new SubjectClass(name, null);
    }

    @JsonCreator
    public static SubjectClass indexed(int index) {
        return new SubjectClass(null, index);
    }

    @JsonValue
    Object wireValue() {
        return name != null ? name : index;
    }
}
