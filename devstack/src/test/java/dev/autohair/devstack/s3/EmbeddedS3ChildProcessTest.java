package dev.autohair.devstack.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.devstack.Loopback;
import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import dev.autohair.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** s3proxy in its own JVM: killed with SIGKILL, restarted on the same port with its objects. */
class EmbeddedS3ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void aKilledServerComesBackOnItsPortWithItsObjects() {
        try (EmbeddedS3 s3 = EmbeddedS3.start(S3ServerConfig.defaults().withBaseDir(dir.resolve("s3")).inChildProcess());
                ObjectStore store = new ObjectStore(StorageConfig.of(s3.endpoint(), s3.accessKey(), s3.secretKey()))) {
            s3.createBucket("uploads");
            store.put("uploads", "a.txt", "kept".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
            int port = s3.port();

            s3.stop();
            assertThat(s3.isRunning()).isFalse();
            assertThat(Loopback.accepts(port)).isFalse();
            assertThatThrownBy(() -> store.fetch("uploads", "a.txt", 100)).isInstanceOf(StorageException.class);

            s3.restart();
            assertThat(s3.port()).isEqualTo(port);
            assertThat(new String(store.fetch("uploads", "a.txt", 100).bytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
    }
}
