package dev.autohair.common.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach S3-compatible object storage (MinIO, s3proxy, AWS).
 *
 * @param endpoint  e.g. http://minio:9000
 * @param region    the region the server expects in signatures; null means us-east-1, which MinIO accepts
 * @param caFile    a PEM file with the CA(s) that signed an https endpoint's certificate, trusted instead
 *                  of the JVM's; empty = the JVM's trust store
 */
public record S3Settings(URI endpoint, String accessKey, String secretKey, String region, Optional<Path> caFile) {

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
        caFile = caFile == null ? Optional.empty() : caFile;
        if (caFile.isPresent() && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("an S3 CA file (" + caFile.get() + ") is for an https:// endpoint, not "
                    + endpoint);
        }
    }

    /** Settings that trust the JVM's CAs. */
    public S3Settings(URI endpoint, String accessKey, String secretKey, String region) {
        this(endpoint, accessKey, secretKey, region, Optional.empty());
    }

    /** The same settings, trusting the CA(s) in {@code pem} for the https endpoint. */
    public S3Settings withCaFile(Optional<Path> pem) {
        return new S3Settings(endpoint, accessKey, secretKey, region, pem);
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, region=" + region
                + caFile.map(f -> ", caFile=" + f).orElse("") + "]";
    }
}
