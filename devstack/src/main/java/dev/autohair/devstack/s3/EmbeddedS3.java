package dev.autohair.devstack.s3;

import dev.autohair.devstack.DevServerException;
import dev.autohair.devstack.Folders;
import dev.autohair.devstack.Loopback;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A real S3 HTTP server (s3proxy) in this JVM on 127.0.0.1, storing buckets as folders under an
 * absolute base folder. Speaks AWS signature v2 and v4, so the MinIO SDK works against it.
 */
public final class EmbeddedS3 implements AutoCloseable {

    public static final String REGION = "us-east-1";

    private final S3ServerConfig config;
    private final Path baseDir;
    private final boolean ownsDir;
    private final BlobStore blobStore;
    private S3Proxy server;
    private int port;
    private Duration startupTime = Duration.ZERO;

    private EmbeddedS3(S3ServerConfig config) {
        this.config = config;
        this.ownsDir = config.baseDir() == null;
        // The filesystem backend breaks multipart uploads and listings with a relative base folder.
        this.baseDir = Folders.prepare(config.baseDir(), "autohair-s3-");
        Properties properties = new Properties();
        properties.setProperty("jclouds.provider", "filesystem");
        properties.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        this.blobStore = BlobStores.create("filesystem", properties);
        this.port = config.port();
    }

    /** Starts a server with {@link S3ServerConfig#defaults()}. */
    public static EmbeddedS3 start() {
        return start(S3ServerConfig.defaults());
    }

    /** Starts a server; returns once it accepts requests (about 1 s). */
    public static EmbeddedS3 start(S3ServerConfig config) {
        EmbeddedS3 s3 = new EmbeddedS3(config);
        try {
            s3.launch();
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
        return s3;
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint for S3 clients (path-style). */
    public String endpoint() {
        return "http://" + Loopback.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return config.accessKey();
    }

    public String secretKey() {
        return config.secretKey();
    }

    public String region() {
        return REGION;
    }

    /** The folder with one sub-folder per bucket. */
    public Path baseDir() {
        return baseDir;
    }

    public synchronized Duration startupTime() {
        return startupTime;
    }

    public synchronized boolean isRunning() {
        return server != null && "STARTED".equals(server.getState());
    }

    /** Creates a bucket directly in the backend unless it exists; no client needed. */
    public void createBucket(String bucket) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    /** Stops serving; the stored objects stay, and {@link #restart()} serves them again on the same port. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new DevServerException("the S3 server on " + endpoint() + " did not stop cleanly: " + e, e);
        } finally {
            server = null;
        }
    }

    /** Serves the same folder again on the same port after {@link #stop()}. */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("the S3 server on " + endpoint() + " is still running: stop it first");
        }
        launch();
    }

    /** Stops the server and deletes its temporary folder (a folder passed in the config is kept). */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            blobStore.close();
            if (ownsDir) {
                Folders.deleteQuietly(baseDir);
            }
        }
    }

    private synchronized void launch() {
        long started = System.nanoTime();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://" + Loopback.HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, config.accessKey(), config.secretKey())
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new DevServerException("the S3 server could not listen on " + Loopback.HOST + ":" + port
                    + " (port taken? pass port 0 for any free one): " + e, e);
        }
        server = proxy;
        port = proxy.getPort();
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }
}
