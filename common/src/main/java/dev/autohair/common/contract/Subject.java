package dev.autohair.common.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a job's photo shows, which picks its segmentation model; lower-case on the wire. */
public enum Subject {
    /** A person (a portrait, someone wearing the product): the portrait model. */
    PERSON,
    /** A product, an animal, any object: the installed general model, else the weights-free product segmenter. */
    OBJECT,
    /** Let the worker decide per photo: the portrait model where it is sure a person is there, else as for OBJECT. */
    AUTO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Subject fromWireName(String name) {
        for (Subject subject : values()) {
            if (subject.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                return subject;
            }
        }
        throw new IllegalArgumentException("unknown subject '" + name + "'; use person, object or auto");
    }
}
