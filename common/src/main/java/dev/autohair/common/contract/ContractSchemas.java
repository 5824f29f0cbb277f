package dev.autohair.common.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.autohair.common.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The compiled JSON Schemas of the contract, loaded from the classpath; thread-safe once built. */
public final class ContractSchemas {

    private final Map<MessageType, Schema> schemas = new EnumMap<>(MessageType.class);
    private final Map<MessageType, JsonNode> documents = new EnumMap<>(MessageType.class);

    private ContractSchemas(ObjectMapper mapper) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                // 2020-12 treats "format" as a note only; we want date-times checked.
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        for (MessageType type : MessageType.values()) {
            JsonNode document = read(mapper, type);
            documents.put(type, document);
            schemas.put(type, registry.getSchema(document));
        }
    }

    /** Loads all schemas; fails at start-up, not on the first message, if one is missing. */
    public static ContractSchemas load() {
        return new ContractSchemas(JsonMappers.create());
    }

    public List<Violation> validate(MessageType type, JsonNode message) {
        return schemas.get(type).validate(message).stream().map(ContractSchemas::toViolation).toList();
    }

    /** The schema document itself (for tests and tools that read defaults or enums). */
    public JsonNode document(MessageType type) {
        return documents.get(type).deepCopy();
    }

    private static Violation toViolation(Error error) {
        String path = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return new Violation(path, error.getKeyword(), error.getMessage());
    }

    private static JsonNode read(ObjectMapper mapper, MessageType type) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema " + type.schemaResource() + " is not on the classpath; "
                        + "build autohair-common with Maven so schemas/ is packaged");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + type.schemaResource(), e);
        }
    }
}
