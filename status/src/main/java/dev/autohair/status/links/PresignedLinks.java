package dev.autohair.status.links;

import dev.autohair.common.client.S3Clients;
import dev.autohair.common.contract.ObjectRef;
import dev.autohair.status.config.StatusConfig;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import io.minio.http.Method;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presigned GET URLs from the MinIO SDK. With the region given the SDK signs locally, without a
 * request to the server, so listing jobs costs no storage round trips.
 */
public final class PresignedLinks implements ObjectLinks {

    private static final Logger LOG = LoggerFactory.getLogger(PresignedLinks.class);

    private final MinioClient client;
    private final int expirySeconds;

    public PresignedLinks(StatusConfig.Storage storage) {
        this.client = S3Clients.create(storage.s3());
        this.expirySeconds = Math.toIntExact(storage.linkExpiry().toSeconds());
    }

    @Override
    public Optional<String> url(ObjectRef object) {
        try {
            return Optional.of(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET).bucket(object.bucket()).object(object.key()).expiry(expirySeconds).build()));
        } catch (MinioException | IOException | GeneralSecurityException e) {
            LOG.warn("cannot presign {}: {}", object, e.getMessage());
            return Optional.empty();
        }
    }
}
