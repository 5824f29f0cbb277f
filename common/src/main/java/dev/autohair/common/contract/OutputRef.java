package dev.autohair.common.contract;

import java.util.regex.Pattern;

/** One stored output image of a job. */
public record OutputRef(
        OutputKind kind,
        String bucket,
        String key,
        String contentType,
        long bytes,
        int width,
        int height,
        String sha256) {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    public OutputRef {
        Checks.present(kind, "output kind");
        Checks.bucket(bucket);
        Checks.present(key, "output key");
        Checks.present(contentType, "content type");
        if (bytes < 1 || width < 1 || height < 1) {
            throw new ConstraintException("minimum", "an output has at least 1 byte and 1x1 pixels, got "
                    + bytes + " bytes, " + width + "x" + height);
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new ConstraintException("pattern", "sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
    }

    public ObjectRef object() {
        return new ObjectRef(bucket, key);
    }
}
