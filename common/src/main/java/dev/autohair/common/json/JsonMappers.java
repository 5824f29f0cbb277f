package dev.autohair.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration of AutoHair: ISO-8601 instants, nulls left out, unknown fields
 * tolerated, and unknown enum constants read as the enum's default (so error codes added by newer
 * workers read as INTERNAL_ERROR instead of failing a consumer).
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    /** A fresh mapper; thread-safe once built, so keep one per component rather than one per call. */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
