package dev.autohair.common.client;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.OutputTarget;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an upload system asks for when it hands over a new image: where the image is uploaded
 * ({@code <inputPrefix><jobId>/<file name>} in {@code inputBucket}), where the results go, and how.
 */
public record JobRequest(String inputBucket, String inputPrefix, OutputTarget output, JobOptions options,
                         Map<String, String> metadata) {

    public JobRequest {
        if (inputBucket == null || inputBucket.isBlank()) {
            throw new IllegalArgumentException("the input bucket to upload images to is required");
        }
        if (output == null) {
            throw new IllegalArgumentException("the output target (bucket and prefix) is required");
        }
        inputPrefix = inputPrefix == null ? "" : inputPrefix;
        options = options == null ? JobOptions.defaults() : options;
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Default options, no prefix, no metadata. */
    public static JobRequest of(String inputBucket, OutputTarget output) {
        return new JobRequest(inputBucket, "", output, null, null);
    }

    public JobRequest withInputPrefix(String prefix) {
        return new JobRequest(inputBucket, prefix, output, options, metadata);
    }

    public JobRequest withOptions(JobOptions newOptions) {
        return new JobRequest(inputBucket, inputPrefix, output, newOptions, metadata);
    }

    public JobRequest withMetadata(Map<String, String> newMetadata) {
        return new JobRequest(inputBucket, inputPrefix, output, options, newMetadata);
    }
}
