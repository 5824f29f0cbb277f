package dev.autohair.common.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autohair.common.json.JsonMappers;
import java.io.IOException;
import java.util.List;

/**
 * Turns contract messages into JSON bytes and back. Incoming jobs are checked against the schema
 * before binding, so a bad job is reported with every broken rule rather than the first Jackson
 * trips on. Results and status events are read leniently (unknown fields ignored) so consumers
 * survive additive changes. Thread-safe.
 */
public final class MessageCodec {

    private final ObjectMapper mapper;
    private final ContractSchemas schemas;

    public MessageCodec() {
        this(ContractSchemas.load());
    }

    public MessageCodec(ContractSchemas schemas) {
        this.schemas = schemas;
        this.mapper = JsonMappers.create();
    }

    /**
     * Reads an image job: parse, check the version, validate against the schema, then bind (which
     * checks the rules the schema cannot express).
     *
     * @throws InvalidJobException with MALFORMED_JOB, UNSUPPORTED_VERSION or INVALID_JOB
     */
    public ImageJob decodeJob(byte[] json) throws InvalidJobException {
        JsonNode tree = parse(json);
        String jobId = usableJobId(tree);
        JsonNode version = tree.path("version");
        if (MessageType.IMAGE_JOB.schemaName().equals(tree.path("schema").asText(null))
                && version.isIntegralNumber() && version.asInt() != MessageType.IMAGE_JOB.version()) {
            throw new InvalidJobException(ErrorCode.UNSUPPORTED_VERSION, jobId, List.of(new Violation("/version",
                    "const", "version " + version.asText() + " is not supported; this worker reads version "
                    + MessageType.IMAGE_JOB.version())), null);
        }
        List<Violation> violations = schemas.validate(MessageType.IMAGE_JOB, tree);
        if (!violations.isEmpty()) {
            throw new InvalidJobException(ErrorCode.INVALID_JOB, jobId, violations, null);
        }
        try {
            return mapper.treeToValue(tree, ImageJob.class);
        } catch (JsonProcessingException e) {
            throw new InvalidJobException(ErrorCode.INVALID_JOB, jobId, List.of(ruleViolation(e)), e);
        }
    }

    public JobResult decodeResult(byte[] json) {
        return decodeLeniently(json, JobResult.class);
    }

    public StatusEvent decodeStatus(byte[] json) {
        return decodeLeniently(json, StatusEvent.class);
    }

    /**
     * Writes a message as UTF-8 JSON, after checking it against its schema.
     *
     * @throws SchemaViolationException if the message breaks its schema (a bug where it was built)
     */
    public byte[] encode(ContractMessage message) {
        JsonNode tree = mapper.valueToTree(message);
        List<Violation> violations = schemas.validate(message.type(), tree);
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(message.type(), violations);
        }
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.type() + " as JSON", e);
        }
    }

    /** The schemas this codec validates with. */
    public ContractSchemas schemas() {
        return schemas;
    }

    private JsonNode parse(byte[] json) throws InvalidJobException {
        try {
            JsonNode tree = json == null ? null : mapper.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidJobException(ErrorCode.MALFORMED_JOB, null,
                        List.of(new Violation("", "json", "the message is empty")), null);
            }
            return tree;
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() : "";
            throw new InvalidJobException(ErrorCode.MALFORMED_JOB, null,
                    List.of(new Violation("", "json", "not JSON" + where + ": " + originalMessage(e))), e);
        }
    }

    private static String usableJobId(JsonNode tree) {
        JsonNode id = tree.path("jobId");
        if (!id.isTextual()) {
            return null;
        }
        try {
            return Checks.jobId(id.asText());
        } catch (ConstraintException e) {
            return null;
        }
    }

    private static Violation ruleViolation(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                path.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
            }
        }
        Throwable cause = e.getCause();
        String keyword = cause instanceof ConstraintException c ? c.constraint() : "constraint";
        String message = cause instanceof ConstraintException c ? c.getMessage() : originalMessage(e);
        return new Violation(path.toString(), keyword, message);
    }

    private <T> T decodeLeniently(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new MalformedMessageException("cannot read a " + type.getSimpleName() + ": " + originalMessage(e), e);
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    }
}
