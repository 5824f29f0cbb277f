package dev.autohair.common.contract;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The schemas' value rules, applied when records are built in Java (ContractSchemaTest keeps them equal). */
final class Checks {

    static final String JOB_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$";
    static final String BUCKET_PATTERN = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";
    static final String COLOUR_PATTERN = "^[0-9A-Fa-f]{6}$";

    private static final Pattern JOB_ID = Pattern.compile(JOB_ID_PATTERN);
    private static final Pattern BUCKET = Pattern.compile(BUCKET_PATTERN);

    private Checks() {
    }

    static String jobId(String jobId) {
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new ConstraintException("pattern", "job id '" + jobId
                    + "' must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return jobId;
    }

    static String bucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new ConstraintException("pattern", "bucket '" + bucket
                    + "' is not an S3 bucket name: 3-63 lower-case letters, digits, '.' or '-'");
        }
        return bucket;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new ConstraintException("required", what + " is required");
        }
        return value;
    }

    static int atLeast(int value, int minimum, String what) {
        if (value < minimum) {
            throw new ConstraintException("minimum", what + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    static <T> List<T> list(Collection<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** An unmodifiable copy that keeps the producer's order (echoed metadata reads as it was sent). */
    static <K, V> Map<K, V> map(Map<K, V> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new ConstraintException("type", "metadata keys and values must not be null");
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Stage timings in stage order, each at least 0 ms. */
    static Map<JobStage, Long> timings(Map<JobStage, Long> timings) {
        EnumMap<JobStage, Long> copy = new EnumMap<>(JobStage.class);
        if (timings != null) {
            timings.forEach((stage, ms) -> {
                if (stage == null || ms == null || ms < 0) {
                    throw new ConstraintException("minimum", "stage timings need a stage and 0 ms or more, got "
                            + stage + "=" + ms);
                }
                copy.put(stage, ms);
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
