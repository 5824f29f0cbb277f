package dev.autohair.common.contract;

/**
 * Where a job's outputs go: {@code <prefix><jobId>/<kind>.<format>} in {@code bucket} (see {@link ObjectKeys}).
 * A missing prefix is empty.
 */
public record OutputTarget(String bucket, String prefix) {

    static final int MAX_PREFIX_LENGTH = 512;

    public OutputTarget {
        Checks.bucket(bucket);
        prefix = prefix == null ? "" : prefix;
        if (prefix.startsWith("/") || prefix.length() > MAX_PREFIX_LENGTH) {
            throw new ConstraintException("pattern", "output prefix '" + prefix
                    + "' must not start with '/' and may be at most " + MAX_PREFIX_LENGTH + " characters");
        }
    }

    public static OutputTarget of(String bucket) {
        return new OutputTarget(bucket, "");
    }
}
