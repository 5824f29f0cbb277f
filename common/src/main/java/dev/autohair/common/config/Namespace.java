package dev.autohair.common.config;

import java.util.List;

/**
 * The environment names a component owns: an unknown name inside its prefix is a typo and fails
 * start-up, while names under another component's prefix (the worker and the status service may
 * share one .env file or pod spec) are left alone.
 *
 * @param prefix  the names this component owns, e.g. {@code AUTOHAIR_}
 * @param foreign prefixes inside {@code prefix} that belong to other components
 */
public record Namespace(String prefix, List<String> foreign) {

    public static final Namespace STATUS = new Namespace("AUTOHAIR_STATUS_", List.of());
    public static final Namespace WORKER = new Namespace("AUTOHAIR_", List.of(STATUS.prefix()));
    /** For commands that only borrow a few keys: no name is ever a typo. */
    public static final Namespace NONE = new Namespace(null, List.of());

    public Namespace {
        foreign = List.copyOf(foreign);
    }

    boolean owns(String key) {
        return prefix != null && key.startsWith(prefix) && foreign.stream().noneMatch(key::startsWith);
    }
}
