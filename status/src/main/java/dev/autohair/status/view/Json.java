package dev.autohair.status.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autohair.common.json.JsonMappers;

/** The status service's JSON: ISO-8601 instants, nulls left out, unknown fields tolerated. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMappers.create();

    private Json() {
    }
}
