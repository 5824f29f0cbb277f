package dev.autohair.common.contract;


/**
 * Object key naming shared by producers and workers. Keys are deterministic in the job id, so a
 * redelivered job overwrites its earlier objects instead of adding new ones.
 */
public final class ObjectKeys {

    private static final int MAX_FILE_NAME = 100;

    private ObjectKeys() {
    }

    /** {@code <prefix><jobId>/<kind>.<extension>}, e.g. {@code shop-42/job-1/cutout.png}. */
    public static String output(OutputTarget target, String jobId, OutputKind kind, OutputFormat format) {
        return target.prefix() + Checks.jobId(jobId) + "/" + kind.wireName() + "." + format.extension();
    }

    /**
     * {@code <prefix><jobId>/<file name>} for an uploaded input, with the file name reduced to safe
     * characters (others become '_') so keys survive URLs and shells unchanged.
     */
    public static String input(String prefix, String jobId, String fileName) {
        return (prefix == null ? "" : prefix) + Checks.jobId(jobId) + "/" + safeFileName(fileName);
    }

    static String safeFileName(String fileName) {
        String base = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > MAX_FILE_NAME) {
            int dot = safe.lastIndexOf('.');
            String extension = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, MAX_FILE_NAME - extension.length()) + extension;
        }
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "image" : safe;
    }
}
