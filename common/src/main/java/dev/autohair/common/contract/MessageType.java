package dev.autohair.common.contract;

/** The three messages of the contract, with the schema file that defines each. */
public enum MessageType {
    IMAGE_JOB("autohair.image-job", 1, "image-job.schema.json"),
    JOB_RESULT("autohair.job-result", 1, "job-result.schema.json"),
    STATUS_EVENT("autohair.status-event", 1, "status-event.schema.json");

    /** Classpath folder of the schema files (copied from the repository's schemas/ folder). */
    public static final String SCHEMA_FOLDER = "/schemas/";

    private final String schemaName;
    private final int version;
    private final String schemaFile;

    MessageType(String schemaName, int version, String schemaFile) {
        this.schemaName = schemaName;
        this.version = version;
        this.schemaFile = schemaFile;
    }

    /** The value of the message's {@code schema} field. */
    public String schemaName() {
        return schemaName;
    }

    /** The value of the message's {@code version} field: the contract's major version. */
    public int version() {
        return version;
    }

    public String schemaResource() {
        return SCHEMA_FOLDER + schemaFile;
    }
}
