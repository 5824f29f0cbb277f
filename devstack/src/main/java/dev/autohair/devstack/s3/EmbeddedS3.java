package dev.autohair.devstack.s3;

import dev.autohair.devstack.DevServerException;
import dev.autohair.devstack.Folders;
import dev.autohair.devstack.Loopback;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A real S3 HTTP server (s3proxy) on 127.0.0.1, storing buckets as folders under an absolute base
 * folder; in this JVM, or in a child JVM ({@link S3ServerConfig#inChildProcess()}) that
 * {@link #stop()} kills with SIGKILL. Speaks AWS signature v2 and v4, so the MinIO SDK works
 * against it.
 */
public final class EmbeddedS3 implements AutoCloseable {

    public static final String REGION = "us-east-1";

    private final S3ServerConfig config;
    private final Path baseDir;
    private final boolean ownsDir;
    private final BlobStore blobStore;
    private S3Proxy server;
    private Process child;
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
        return child != null ? child.isAlive() : server != null && "STARTED".equals(server.getState());
    }

    /** Creates a bucket directly in the backend unless it exists; no client needed. */
    public void createBucket(String bucket) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    /** Stops serving; the stored objects stay, and {@link #restart()} serves them again on the same port. */
    public synchronized void stop() {
        if (child != null) {
            child.destroyForcibly(); // SIGKILL: what an outage test means by a dead server
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            child = null;
            return;
        }
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
        if (server != null || child != null) {
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
        if (config.childProcess()) {
            launchChild();
            return;
        }
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

    /** {@code org.gaul.s3proxy.Main --properties FILE} in a child JVM on this JVM's class path. */
    private void launchChild() {
        long started = System.nanoTime();
        if (port == 0) {
            port = Loopback.freePort();
        }
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://" + Loopback.HOST + ":" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", config.accessKey());
        p.setProperty("s3proxy.credential", config.secretKey());
        p.setProperty("jclouds.provider", "filesystem");
        p.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        try {
            Path file = baseDir.resolveSibling(baseDir.getFileName() + ".s3proxy.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "s3proxy for the dev stack");
            }
            child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), "org.gaul.s3proxy.Main", "--properties", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(baseDir.resolveSibling(baseDir.getFileName() + ".s3proxy.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new DevServerException("could not start s3proxy in a child JVM: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Loopback.accepts(port)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                child = null;
                throw new DevServerException("s3proxy's child JVM did not listen on " + Loopback.HOST + ":" + port
                        + " within 60 s; see " + baseDir.getFileName() + ".s3proxy.log beside " + baseDir);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServerException("interrupted while s3proxy started", e);
            }
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }
}
