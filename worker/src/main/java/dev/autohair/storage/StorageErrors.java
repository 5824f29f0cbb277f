package dev.autohair.storage;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;

/** Turns what the MinIO SDK throws into the storage package's permanent or transient exceptions. */
final class StorageErrors {

    /** S3 error codes that mean "busy or broken right now", whatever the HTTP status says. */
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout", "RequestTimeTooSkewed",
            "OperationAborted", "XMinioServerNotInitialized", "XMinioStorageFull");

    private final String endpoint;

    StorageErrors(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @param action what was attempted, for the message ("fetch", "put", ...)
     * @param key    null for bucket-level operations
     */
    StorageException translate(Exception e, String action, String bucket, String key) {
        String target = key == null ? "bucket '" + bucket + "'" : "s3://" + bucket + "/" + key;
        if (e instanceof StorageException already) {
            return already;
        }
        if (e instanceof ErrorResponseException ere) {
            String code = ere.errorResponse() == null ? null : ere.errorResponse().code();
            int status = ere.response() == null ? 0 : ere.response().code();
            if ("NoSuchBucket".equals(code)) {
                return new BucketNotFoundException(bucket, endpoint, e);
            }
            if ("NoSuchKey".equals(code) || status == 404) {
                // A HEAD answer has no body, so the SDK cannot tell a missing key from a missing
                // bucket; ObjectStore asks the bucket separately where that matters.
                return key == null ? new BucketNotFoundException(bucket, endpoint, e)
                                   : new ObjectNotFoundException(bucket, key, e);
            }
            if (status >= 500 || (code != null && TRANSIENT_CODES.contains(code))) {
                return unavailable(action, target, "it answered " + status + " " + code, e);
            }
            return new StorageRejectedException("object storage at " + endpoint + " refused to " + action + " "
                    + target + ": " + code + " (HTTP " + status + ", " + ere.getMessage() + "); "
                    + advice(code), code == null ? Integer.toString(status) : code, e);
        }
        if (e instanceof ServerException se) {
            if (se.statusCode() >= 500) {
                return unavailable(action, target, "it answered HTTP " + se.statusCode(), e);
            }
            return new StorageRejectedException("object storage at " + endpoint + " refused to " + action + " "
                    + target + " with HTTP " + se.statusCode() + ": " + se.getMessage(),
                    Integer.toString(se.statusCode()), e);
        }
        if (e instanceof InvalidResponseException) {
            // Not S3 XML: typically a load balancer or proxy page while the store restarts.
            return unavailable(action, target, "it sent a response that is not S3 (" + e.getMessage() + ")", e);
        }
        if (e instanceof ConnectException) {
            return unavailable(action, target, "the connection was refused", e);
        }
        if (e instanceof InterruptedIOException) {
            return unavailable(action, target, "the request timed out", e);
        }
        if (e instanceof UnknownHostException) {
            return unavailable(action, target, "its host name does not resolve", e);
        }
        if (e instanceof IOException) {
            return unavailable(action, target, "the connection failed (" + e + ")", e);
        }
        if (e instanceof IllegalArgumentException) {
            // The SDK validates names before sending: bad input, e.g. from a job message.
            return new StorageRejectedException("cannot " + action + " " + target + ": " + e.getMessage()
                    + "; correct the bucket or key name in the job or the worker configuration", "InvalidName", e);
        }
        // Signing or XML failures: a bug or a broken store, not something a retry fixes.
        return new StorageRejectedException("could not " + action + " " + target + " at " + endpoint + ": " + e
                + "; check the storage configuration and the store's logs", e.getClass().getSimpleName(), e);
    }

    private StorageUnavailableException unavailable(String action, String target, String why, Exception e) {
        return new StorageUnavailableException("object storage at " + endpoint + " is unavailable: could not "
                + action + " " + target + " because " + why + "; check that the store is running and reachable"
                + " from the worker; the operation is safe to retry", e);
    }

    private static String advice(String code) {
        if (code == null) {
            return "check the request and the store's logs";
        }
        return switch (code) {
            case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled" ->
                    "check the worker's access key, secret key and the bucket policy";
            case "InvalidBucketName" -> "use a valid S3 bucket name (3-63 lower-case letters, digits, '-', '.')";
            case "EntityTooLarge" -> "the store's object size limit is lower than this object";
            default -> "check the request and the store's logs";
        };
    }
}
