package dev.autohair.devstack.s3;

import java.nio.file.Path;

/**
 * How to run the embedded S3 server.
 *
 * @param baseDir   folder that holds the buckets (one sub-folder each); null = a new temporary
 *                  folder, deleted on {@link EmbeddedS3#close()}
 * @param accessKey the only access key the server accepts
 * @param secretKey its secret
 * @param port      port on 127.0.0.1; 0 = any free port
 */
public record S3ServerConfig(Path baseDir, String accessKey, String secretKey, int port, boolean childProcess) {

    public static final String DEFAULT_ACCESS_KEY = "autohair";
    public static final String DEFAULT_SECRET_KEY = "autohair-dev-secret";

    public S3ServerConfig {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the embedded S3 server needs a non-empty access key and secret key");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
    }

    /** A temporary folder, the default dev credentials, any free port. */
    public static S3ServerConfig defaults() {
        return new S3ServerConfig(null, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, 0, false);
    }

    public S3ServerConfig withBaseDir(Path dir) {
        return new S3ServerConfig(dir, accessKey, secretKey, port, childProcess);
    }

    /** s3proxy in its own JVM, so a failure test can kill it with SIGKILL ({@link EmbeddedS3#stop()}). */
    public S3ServerConfig inChildProcess() {
        return new S3ServerConfig(baseDir, accessKey, secretKey, port, true);
    }
}
