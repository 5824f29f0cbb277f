package dev.autohair.storage;

import dev.autohair.common.client.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the S3-compatible object store lives and how to sign requests to it.
 *
 * @param endpoint  base URL, e.g. {@code http://minio:9000}; path-style requests are sent to it
 * @param accessKey S3 access key id
 * @param secretKey S3 secret key (never printed by {@link #toString()})
 * @param region    signing region; MinIO and s3proxy accept any, {@code us-east-1} is the usual one
 * @param caFile    PEM CA(s) to trust for an https endpoint a private CA signed; empty = the JVM's
 */
public record StorageConfig(String endpoint, String accessKey, String secretKey, String region, Optional<Path> caFile) {

    public static final String DEFAULT_REGION = "us-east-1";

    public StorageConfig {
        endpoint = requireText(endpoint, "endpoint", "the object store's base URL, e.g. http://127.0.0.1:9000");
        accessKey = requireText(accessKey, "accessKey", "the S3 access key id");
        secretKey = requireText(secretKey, "secretKey", "the S3 secret key");
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        caFile = caFile == null ? Optional.empty() : caFile;
        checkEndpoint(endpoint);
        if (caFile.isPresent() && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("a storage CA file (" + caFile.get() + ") is for an https:// endpoint, not "
                    + endpoint);
        }
    }

    /** Trusting the JVM's CAs. */
    public StorageConfig(String endpoint, String accessKey, String secretKey, String region) {
        this(endpoint, accessKey, secretKey, region, Optional.empty());
    }

    /** A configuration in the default region. */
    public static StorageConfig of(String endpoint, String accessKey, String secretKey) {
        return new StorageConfig(endpoint, accessKey, secretKey, DEFAULT_REGION);
    }

    /** The same settings in the form the shared S3 client factory takes. */
    public S3Settings s3() {
        return new S3Settings(URI.create(endpoint), accessKey, secretKey, region, caFile);
    }

    @Override
    public String toString() {
        return "StorageConfig[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, region=" + region
                + caFile.map(f -> ", caFile=" + f).orElse("") + "]";
    }

    private static String requireText(String value, String name, String expected) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("storage " + name + " is missing: set it to " + expected);
        }
        return value.strip();
    }

    private static void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("storage endpoint '" + endpoint + "' is not a URL: " + e.getMessage()
                    + "; expected e.g. http://127.0.0.1:9000", e);
        }
        String scheme = uri.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("storage endpoint '" + endpoint
                    + "' must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:9000");
        }
    }
}
