package dev.autohair.common.client;

import io.minio.MinioClient;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one place a {@link MinioClient} is built: endpoint, credentials, region and, where the
 * caller bounds them, HTTP timeouts. The region is always given, which spares a
 * GetBucketLocation round trip before a bucket's first request and lets presigning stay local.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /** A client with the SDK's own HTTP client and timeouts. */
    public static MinioClient create(S3Settings settings) {
        return builder(settings).build();
    }

    /** A client on the given HTTP client (see {@link #httpClient}); the caller shuts that down. */
    public static MinioClient create(S3Settings settings, OkHttpClient http) {
        return builder(settings).httpClient(http).build();
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
