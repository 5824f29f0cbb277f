package dev.autohair.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Object storage in a map, for unit tests of what sits on top of it; failures can be queued per call. */
public final class InMemoryObjectStore implements ObjectStorage {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> metadata = new ConcurrentHashMap<>();
    private final Deque<RuntimeException> putFailures = new ArrayDeque<>();
    private int puts;
    private volatile boolean down;
    private final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();

    /** While down, every call throws {@link StorageUnavailableException}, as an unreachable store would. */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    public int pings() {
        return pings.get();
    }

    private void answer(String action) {
        if (down) {
            throw new StorageUnavailableException("in-memory store is down: cannot " + action, null);
        }
    }

    public void add(String bucket, String key, byte[] bytes) {
        objects.put(bucket + "/" + key, bytes.clone());
    }

    /** The next put throws {@code failure} instead of storing. */
    public synchronized void failNextPut(RuntimeException failure) {
        putFailures.add(failure);
    }

    public byte[] get(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }

    public Map<String, String> metadata(String bucket, String key) {
        return metadata.get(bucket + "/" + key);
    }

    public synchronized int puts() {
        return puts;
    }

    @Override
    public FetchedObject fetch(String bucket, String key, long maxBytes) {
        answer("fetch");
        byte[] bytes = objects.get(bucket + "/" + key);
        if (bytes == null) {
            throw new ObjectNotFoundException(bucket, key, null);
        }
        if (bytes.length > maxBytes) {
            throw new ObjectTooLargeException(bucket, key, bytes.length, maxBytes);
        }
        return new FetchedObject(bucket, key, bytes.clone(), "application/octet-stream", Map.of(), "etag");
    }

    @Override
    public boolean exists(String bucket, String key) {
        answer("look up");
        return objects.containsKey(bucket + "/" + key);
    }

    @Override
    public StoredObject put(String bucket, String key, byte[] bytes, String contentType, Map<String, String> userMetadata) {
        answer("put");
        synchronized (this) {
            puts++;
            RuntimeException failure = putFailures.poll();
            if (failure != null) {
                throw failure;
            }
        }
        objects.put(bucket + "/" + key, bytes.clone());
        metadata.put(bucket + "/" + key, Map.copyOf(userMetadata));
        return new StoredObject(bucket, key, bytes.length, "etag");
    }

    @Override
    public void ping(String bucket) {
        pings.incrementAndGet();
        answer("ping");
    }

    @Override
    public void close() {
    }
}
