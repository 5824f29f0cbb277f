package dev.autohair.storage;

import dev.autohair.common.client.S3Clients;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * {@link ObjectStorage} over the MinIO SDK: whole objects in S3-compatible storage (MinIO in
 * production, s3proxy in the dev stack), failures reported as {@link StorageException}s that say
 * whether a retry can help. Thread-safe; one instance per worker.
 */
public final class ObjectStore implements ObjectStorage {

    /** Java arrays cannot hold more; the cap must leave room for the one byte that detects overflow. */
    static final long MAX_CAP = Integer.MAX_VALUE - 16;

    /** S3 sends user metadata as HTTP headers: keep keys to what survives that round trip unchanged. */
    private static final Pattern METADATA_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String METADATA_HEADER_PREFIX = "x-amz-meta-";

    private final StorageConfig config;
    private final OkHttpClient http;
    private final MinioClient client;
    private final StorageErrors errors;

    public ObjectStore(StorageConfig config) {
        this(config, StorageTimeouts.defaults());
    }

    public ObjectStore(StorageConfig config, StorageTimeouts timeouts) {
        this.config = Objects.requireNonNull(config, "config");
        // Fail fast when the store is down; a retry with back-off is the caller's job.
        this.http = S3Clients.httpClient(timeouts.connect(), timeouts.readWrite());
        this.client = S3Clients.create(config.s3(), http);
        this.errors = new StorageErrors(config.endpoint());
    }

    public StorageConfig config() {
        return config;
    }

    /**
     * Downloads a whole object if it is at most {@code maxBytes} long. The size is checked before
     * the download starts, and the stream is cut off at the cap in case the store under-reports it.
     */
    @Override
    public FetchedObject fetch(String bucket, String key, long maxBytes) {
        requireNames(bucket, key);
        if (maxBytes < 1 || maxBytes > MAX_CAP) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + MAX_CAP + ", was " + maxBytes);
        }
        StatObjectResponse stat = stat(bucket, key, "fetch");
        if (stat.size() > maxBytes) {
            throw new ObjectTooLargeException(bucket, key, stat.size(), maxBytes);
        }
        try (GetObjectResponse in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            byte[] bytes = CappedRead.readAll(in, (int) maxBytes, bucket, key);
            // Metadata from the GET itself, so it describes exactly these bytes.
            return new FetchedObject(bucket, key, bytes, in.headers().get("Content-Type"),
                    userMetadata(in), unquote(in.headers().get("ETag")));
        } catch (Exception e) {
            throw errors.translate(e, "fetch", bucket, key);
        }
    }

    /**
     * Writes a whole object, replacing any object under the same key (so a redelivered job
     * overwrites its earlier output instead of duplicating it).
     *
     * @param userMetadata keys of lower-case letters, digits and '-'; stored as {@code x-amz-meta-*}
     */
    @Override
    public StoredObject put(String bucket, String key, byte[] bytes, String contentType,
                            Map<String, String> userMetadata) {
        requireNames(bucket, key);
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        userMetadata.forEach((name, value) -> {
            if (!METADATA_KEY.matcher(name).matches()) {
                throw new IllegalArgumentException("user metadata key '" + name
                        + "' must be lower-case letters, digits and '-' so that it survives S3's headers");
            }
            Objects.requireNonNull(value, () -> "user metadata '" + name + "' has no value");
        });
        try {
            ObjectWriteResponse written = client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                    .contentType(contentType)
                    .userMetadata(userMetadata)
                    .build());
            return new StoredObject(bucket, key, bytes.length, unquote(written.etag()));
        } catch (Exception e) {
            throw errors.translate(e, "put", bucket, key);
        }
    }

    /** Whether the key exists; a missing bucket is an error, not "no". */
    @Override
    public boolean exists(String bucket, String key) {
        requireNames(bucket, key);
        try {
            stat(bucket, key, "look up");
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    /** Creates the bucket unless it is already there; safe when several workers race to do it. */
    public void ensureBucket(String bucket) {
        requireName(bucket, "bucket");
        try {
            if (bucketExists(bucket)) {
                return;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
            String code = e.errorResponse() == null ? "" : e.errorResponse().code();
            if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                throw errors.translate(e, "create", bucket, null);
            }
        } catch (Exception e) {
            throw errors.translate(e, "create", bucket, null);
        }
    }

    /** Whether the bucket exists. */
    public boolean bucketExists(String bucket) {
        requireName(bucket, "bucket");
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw errors.translate(e, "look up", bucket, null);
        }
    }

    /** A HEAD on the bucket: the cheapest request that every S3 server answers. */
    @Override
    public void ping(String bucket) {
        try {
            bucketExists(bucket);
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (StorageException e) {
            // It answered (refused, or the name is bad): it is up.
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private StatObjectResponse stat(String bucket, String key, String action) {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            StorageException failure = errors.translate(e, action, bucket, key);
            // HEAD answers carry no error body: "not found" may mean the bucket is missing.
            if (failure instanceof ObjectNotFoundException && !bucketExists(bucket)) {
                throw new BucketNotFoundException(bucket, config.endpoint(), e);
            }
            throw failure;
        }
    }

    private static Map<String, String> userMetadata(GetObjectResponse response) {
        Map<String, String> metadata = new TreeMap<>();
        for (String name : response.headers().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(METADATA_HEADER_PREFIX)) {
                metadata.put(lower.substring(METADATA_HEADER_PREFIX.length()), response.headers().get(name));
            }
        }
        return metadata;
    }

    private static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    private static void requireNames(String bucket, String key) {
        requireName(bucket, "bucket");
        requireName(key, "key");
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
