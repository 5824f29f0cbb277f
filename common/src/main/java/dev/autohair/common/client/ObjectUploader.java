package dev.autohair.common.client;

import dev.autohair.common.contract.ObjectRef;
import java.io.InputStream;
import java.util.Map;

/** Puts one object into S3-compatible storage; an interface so the client can be tested without a server. */
public interface ObjectUploader extends AutoCloseable {

    /**
     * @throws JobSubmissionException if the object was not stored, with a message naming the cause
     */
    void put(ObjectRef target, InputStream content, long size, String contentType, Map<String, String> metadata);

    @Override
    void close();
}
