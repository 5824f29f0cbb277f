package dev.autohair.common.client;

import dev.autohair.common.contract.ObjectRef;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Map;

/** Uploads with the MinIO Java SDK, which speaks to any S3-compatible server. */
public final class MinioUploader implements ObjectUploader {

    private final MinioClient client;
    private final S3Settings settings;

    public MinioUploader(S3Settings settings) {
        this.settings = settings;
        this.client = S3Clients.create(settings);
    }

    @Override
    public void put(ObjectRef target, InputStream content, long size, String contentType, Map<String, String> metadata) {
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(target.bucket())
                    .object(target.key())
                    .stream(content, size, -1)
                    .contentType(contentType)
                    .userMetadata(metadata)
                    .build());
        } catch (ErrorResponseException e) {
            throw new JobSubmissionException(null, describe(target, e.errorResponse().code(), e.getMessage()), e);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw new JobSubmissionException(null, "cannot upload " + target + " to " + settings.endpoint() + ": " + e
                    + "; check that the S3 endpoint is reachable and the credentials are right", e);
        }
    }

    private String describe(ObjectRef target, String code, String message) {
        String advice = switch (code == null ? "" : code) {
            case "NoSuchBucket" -> "create bucket '" + target.bucket() + "' or fix the bucket name";
            case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch" ->
                    "check the access key, secret key and region, and that they may write to '" + target.bucket() + "'";
            default -> "see the server's message";
        };
        return "S3 at " + settings.endpoint() + " refused to store " + target + " (" + code + ": " + message + "); "
                + advice;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // Closing only releases the HTTP client's pools; nothing is lost if it fails.
        }
    }
}
