package dev.autohair.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.autohair.testing.TestTls;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https S3 endpoint whose certificate no public CA signed: reachable with AUTOHAIR_S3_CA_FILE, refused without. */
class S3ClientsTlsTest {

    @TempDir
    static Path dir;

    private static TestTls tls;
    private static HttpsServer server;
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startHttpsServer() throws Exception {
        tls = TestTls.generate(dir);
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            keystore.load(in, tls.keystorePassword().toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore, tls.keystorePassword().toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        // HEAD on a bucket answers 200: the bucket exists.
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theCaFileMakesAPrivatelySignedEndpointReachable() throws Exception {
        S3Settings settings = settings().withCaFile(Optional.of(tls.certificatePem()));
        int before = requests.get();

        try (MinioClient client = S3Clients.create(settings)) {
            assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("uploads").build())).isTrue();
        }
        OkHttpClient http = S3Clients.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(2));
        try (MinioClient client = S3Clients.create(settings, http)) {
            assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("cutouts").build())).isTrue();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        assertThat(requests.get() - before).isEqualTo(2);
    }

    @Test
    void withoutTheCaFileTheHandshakeFails() throws Exception {
        try (MinioClient client = S3Clients.create(settings())) {
            assertThatThrownBy(() -> client.bucketExists(BucketExistsArgs.builder().bucket("uploads").build()))
                    .hasCauseInstanceOf(Exception.class)
                    .satisfies(e -> assertThat(rootOrHandshake(e)).isInstanceOf(SSLHandshakeException.class));
        }
    }

    @Test
    void aCaFileIsForHttpsAndMustHoldACertificate() throws Exception {
        assertThatThrownBy(() -> new S3Settings(URI.create("http://127.0.0.1:9000"), "a", "b", null,
                Optional.of(tls.certificatePem()))).hasMessageContaining("is for an https:// endpoint");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> PemTrust.load(junk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(junk.toString());
        assertThat(settings().withCaFile(Optional.of(tls.certificatePem())).toString())
                .contains("caFile=" + tls.certificatePem()).doesNotContain("the-secret");
    }

    private static S3Settings settings() {
        return new S3Settings(URI.create("https://127.0.0.1:" + server.getAddress().getPort()), "key", "the-secret", null);
    }

    private static Throwable rootOrHandshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return t;
            }
        }
        return e;
    }
}
