package dev.autohair.models.catalogue;

import dev.autohair.pipeline.model.ModelChecksumException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Downloads one file over HTTP(S) into place, only if it is complete and has the expected MD5. The
 * bytes go to a hidden temporary file beside the target, which is moved into place after the
 * check, so an interrupted, truncated or tampered download never leaves a file that looks
 * installed. Every socket read has a timeout (a stalled server fails instead of hanging), and the
 * whole transfer a deadline.
 */
public final class ModelDownloader {

    /**
     * @param connect how long to wait for the TCP (and TLS) connection
     * @param read    the longest silence allowed while waiting for the response or its next bytes
     * @param total   the whole transfer's deadline
     */
    public record Timeouts(Duration connect, Duration read, Duration total) {

        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofHours(2));
    }

    private static final long REPORT_EVERY = 16L << 20;

    private final Timeouts timeouts;
    private final Consumer<String> progress;

    public ModelDownloader(Timeouts timeouts, Consumer<String> progress) {
        this.timeouts = timeouts;
        this.progress = progress;
    }

    /** Downloads {@code url} to {@code target}; returns the bytes written. */
    public long download(URI url, String md5, Path target) {
        Path temp;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + target.getParent() + " (set AUTOHAIR_MODEL_CACHE to"
                    + " a writable directory): " + e.getMessage(), e);
        }
        try {
            long bytes = fetch(url, md5, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the download into " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                progress.accept("could not remove " + temp + ": " + e.getMessage());
            }
        }
    }

    private long fetch(URI url, String md5, Path temp) {
        long deadline = System.nanoTime() + timeouts.total().toNanos();
        HttpURLConnection connection = null;
        long written = 0;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis(timeouts.connect()));
            connection.setReadTimeout(timeoutMillis(timeouts.read()));
            connection.setInstanceFollowRedirects(true); // GitHub release assets redirect to their storage host
            connection.setRequestProperty("Accept-Encoding", "identity");
            connection.setRequestProperty("User-Agent", "autohair-models-install");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new ModelDownloadException(url + " answered HTTP " + status
                        + (connection.getResponseMessage() != null ? " " + connection.getResponseMessage() : ""));
            }
            long expected = connection.getContentLengthLong();
            progress.accept("downloading " + url + (expected >= 0 ? " (" + megabytes(expected) + ")" : ""));
            MessageDigest digest = Md5.digest();
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[1 << 16];
                long nextReport = REPORT_EVERY;
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    digest.update(buffer, 0, read);
                    written += read;
                    if (System.nanoTime() > deadline) {
                        throw new ModelDownloadException("downloading " + url + " took longer than "
                                + timeouts.total() + " (" + megabytes(written) + " so far)");
                    }
                    if (written >= nextReport) {
                        progress.accept("  " + megabytes(written) + (expected > 0 ? " of " + megabytes(expected) : ""));
                        nextReport += REPORT_EVERY;
                    }
                }
            }
            if (expected >= 0 && written != expected) {
                throw new ModelDownloadException("the download of " + url + " was cut short: " + written + " of "
                        + expected + " bytes arrived");
            }
            String actual = Md5.hex(digest);
            if (!actual.equals(md5)) {
                throw new ModelChecksumException(url + " sent " + written + " bytes with md5 " + actual + ", but the"
                        + " published file has md5 " + md5 + " (truncated, altered or replaced upstream); it was not"
                        + " installed");
            }
            return written;
        } catch (SocketTimeoutException e) {
            throw new ModelDownloadException(url + " stopped sending: nothing arrived for " + timeouts.read()
                    + " (connect timeout " + timeouts.connect() + ") after " + written + " bytes", e);
        } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
            throw new ModelDownloadException("cannot reach " + url + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelDownloadException("the download of " + url + " failed after " + written + " bytes: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
