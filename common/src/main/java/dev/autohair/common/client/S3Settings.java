package dev.autohair.common.client;

import java.net.URI;

/**
 * How to reach S3-compatible object storage (MinIO, s3proxy, AWS).
 *
 * @param endpoint  e.g. http://minio:9000
 * @param region    the region the server expects in signatures; null means us-east-1, which MinIO accepts
 */
public record S3Settings(URI endpoint, String accessKey, String secretKey, String region) {

    public static final String DEFAULT_REGION = "us-east-1";

    public S3Settings {
        if (endpoint == null || endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("S3 endpoint '" + endpoint
                    + "' must be an http:// or https:// URL with a host, e.g. http://localhost:9000");
        }
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("S3 access key and secret key are both required for " + endpoint);
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, region=" + region + "]";
    }
}
