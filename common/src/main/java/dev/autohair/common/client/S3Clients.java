package dev.autohair.common.client;

import io.minio.MinioClient;
import io.minio.http.HttpUtils;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one place a {@link MinioClient} is built: endpoint, credentials, region, a private CA for an
 * https endpoint and, where the caller bounds them, HTTP timeouts. The region is always given, which spares a
 * GetBucketLocation round trip before a bucket's first request and lets presigning stay local.
 */
public final class S3Clients {

    /** The MinIO SDK's own connect, read and write timeouts. */
    private static final Duration SDK_TIMEOUT = Duration.ofMinutes(5);

    private S3Clients() {
    }

    /** A client with the SDK's own HTTP client and timeouts (and the settings' CA, if any). */
    public static MinioClient create(S3Settings settings) {
        if (settings.caFile().isEmpty()) {
            return builder(settings).build();
        }
        long timeout = SDK_TIMEOUT.toMillis();
        // The client closes an HTTP client it was given with close=true, as it would its own.
        return builder(settings).httpClient(trusting(settings, HttpUtils.newDefaultHttpClient(timeout, timeout, timeout)),
                true).build();
    }

    /**
     * A client on the given HTTP client (see {@link #httpClient}), trusting the settings' CA if any;
     * the caller shuts {@code http} down (a client derived from it shares its pools and threads).
     */
    public static MinioClient create(S3Settings settings, OkHttpClient http) {
        return builder(settings).httpClient(trusting(settings, http)).build();
    }

    /** {@code http} itself, or a copy that trusts only the CA(s) in the settings' PEM file. */
    static OkHttpClient trusting(S3Settings settings, OkHttpClient http) {
        if (settings.caFile().isEmpty()) {
            return http;
        }
        PemTrust trust = PemTrust.load(settings.caFile().get());
        return http.newBuilder().sslSocketFactory(trust.socketFactory(), trust.trustManager()).build();
    }

    /**
     * An HTTP client that fails fast when the store is down ({@code connect}) and bounds each read
     * or write on an open connection ({@code readWrite}, not the whole transfer).
     */
    public static OkHttpClient httpClient(Duration connect, Duration readWrite) {
        return new OkHttpClient.Builder()
                .connectTimeout(connect)
                .readTimeout(readWrite)
                .writeTimeout(readWrite)
                .build();
    }

    private static MinioClient.Builder builder(S3Settings settings) {
        return MinioClient.builder()
                .endpoint(settings.endpoint().toString())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region());
    }
}
