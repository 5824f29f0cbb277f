package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.autohair.Assembly;
import dev.autohair.common.config.Namespace;
import dev.autohair.common.config.Settings;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.Outcome;
import dev.autohair.common.contract.Topics;
import dev.autohair.common.kafka.KafkaAccess;
import dev.autohair.common.kafka.KafkaAccessException;
import dev.autohair.common.kafka.KafkaSecurity;
import dev.autohair.common.kafka.KafkaSecurityKeys;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.devstack.kafka.KafkaBrokerConfig;
import dev.autohair.devstack.kafka.SaslSslListener;
import dev.autohair.devstack.s3.S3ServerConfig;
import dev.autohair.monitoring.MonitoringServer;
import dev.autohair.devstack.harness.ScaledPhoto;
import dev.autohair.testing.Samples;
import dev.autohair.testing.TestTls;
import dev.autohair.worker.KafkaClients;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A secured cluster: the child-JVM broker with a SASL_SSL listener (a keystore made by keytool for
 * this run, SCRAM-SHA-512 users made through the admin API). A worker built as {@code autohair
 * worker} builds it and {@code autohair submit} both reach it over TLS + SCRAM and a job succeeds;
 * a client certificate from the keystore is accepted (mutual TLS); a wrong password, a missing
 * truststore, an untrusted client certificate and a PLAINTEXT client are refused with messages that
 * name the key to fix; and no secret appears in anything the run logged or printed, nor in /metrics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredKafkaIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String WORKER_USER = "autohair-worker";
    private static final String UPLOADER_USER = "uploader";
    private static final Topics TOPICS = new Topics("sec.jobs", "sec.status", "sec.results", "sec.dlq");

    @TempDir
    static Path dir;

    private static TestTls tls;
    private static DevStack stack;
    private static String workerPassword;
    private static String uploaderPassword;
    private static final List<String> secrets = new ArrayList<>();
    /** Everything logged (root at INFO, Kafka's config dumps included) and printed while the class runs. */
    private static final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private static OutputStreamAppender<ILoggingEvent> appender;
    private static Level rootLevel;
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static String metricsScrape = "";

    @BeforeAll
    static void startSecuredStack() throws Exception {
        captureLogsAndOutput();
        Files.createDirectories(dir.resolve("tls"));
        tls = TestTls.generate(dir.resolve("tls"));
        stack = DevStack.start(KafkaBrokerConfig.defaults().withDataDir(dir.resolve("kafka"))
                        // Clients may present the same certificate: the truststore holds it.
                        .withSaslSsl(new SaslSslListener(tls.keystore(), tls.keystorePassword())
                                .acceptingClientCertificates(tls.truststore(), tls.truststorePassword())),
                S3ServerConfig.defaults().withBaseDir(dir.resolve("s3")));
        workerPassword = "worker-pw-" + UUID.randomUUID();
        uploaderPassword = "uploader-pw-" + UUID.randomUUID();
        stack.kafka().createScramUser("SCRAM-SHA-512", WORKER_USER, workerPassword);
        stack.kafka().createScramUser("SCRAM-SHA-512", UPLOADER_USER, uploaderPassword);
        stack.createTopics(TOPICS, 1);
        stack.s3().createBucket("uploads");
        stack.s3().createBucket("cutouts");
        secrets.addAll(List.of(workerPassword, uploaderPassword, tls.truststorePassword(), tls.keystorePassword(),
                stack.s3().secretKey()));
    }

    @AfterAll
    static void stopStack() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            restoreLogsAndOutput();
        }
    }

    @Test
    @Order(1)
    void aWorkerAndSubmitReachTheClusterOverSaslSslAndAJobSucceeds() throws Exception {
        WorkerConfig config = stack.workerConfig(TOPICS, "secured-workers", "secured", securedWorkerEnv(workerPassword,
                Map.of(WorkerConfig.HTTP_PORT, "0", WorkerConfig.BATCH_MAX_DELAY_MS, "20")));
        assertThat(config.kafka().bootstrapServers()).isEqualTo(stack.kafka().saslSslBootstrapServers());

        try (Assembly.Running running = Assembly.worker(config)) {
            Thread loop = new Thread(running.worker()::run, "secured-worker");
            loop.start();
            Path image = dir.resolve("portrait.png");
            Files.write(image, portrait());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> submitEnv = securedEnv(UPLOADER_USER, uploaderPassword);
            submitEnv.put(WorkerConfig.TOPIC_JOBS, TOPICS.jobs());
            submitEnv.put(WorkerConfig.S3_ACCESS_KEY, stack.s3().accessKey());
            submitEnv.put(WorkerConfig.S3_SECRET_KEY, stack.s3().secretKey());

            int status = new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8), submitEnv)
                    .run(List.of(image.toString(), "--kafka", stack.kafka().saslSslBootstrapServers(),
                            "--s3", stack.s3().endpoint()));
            String printed = out.toString(StandardCharsets.UTF_8);
            System.out.print(printed); // into the capture the last test greps
            assertThat(status).as(printed).isZero();
            String jobId = printed.trim().split("\\s+")[0];

            JobResult result = awaitResult(jobId);
            assertThat(result.outcome()).as(String.valueOf(result.error())).isEqualTo(Outcome.SUCCEEDED);
            assertThat(result.workerId()).isEqualTo("secured");
            metricsScrape = get(running.monitoring().port(), MonitoringServer.METRICS);
            assertThat(metricsScrape).contains("autohair_jobs_total");
            running.worker().stop();
            loop.join(WAIT.toMillis());
        }
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedNamingTheUserAndTheKey() {
        String wrong = "wrong-pw-" + UUID.randomUUID();
        secrets.add(wrong);
        WorkerConfig config = stack.workerConfig(TOPICS, "secured-workers", "wrong", securedWorkerEnv(wrong, Map.of()));

        // What Assembly.worker runs before it builds the consumer and producer.
        assertThatThrownBy(() -> KafkaClients.verifyAccess(config))
                .isInstanceOf(KafkaAccessException.class)
                .hasMessageContaining("Kafka at " + stack.kafka().saslSslBootstrapServers())
                .hasMessageContaining("refused the credentials of user 'autohair-worker' (SCRAM-SHA-512)")
                .hasMessageContaining("check AUTOHAIR_KAFKA_SASL_USERNAME and AUTOHAIR_KAFKA_SASL_PASSWORD")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));

        // submit says the same for the image it could not submit.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = securedEnv(UPLOADER_USER, wrong);
        env.put(WorkerConfig.S3_ACCESS_KEY, stack.s3().accessKey());
        env.put(WorkerConfig.S3_SECRET_KEY, stack.s3().secretKey());
        env.put(WorkerConfig.TOPIC_JOBS, TOPICS.jobs());
        int status = new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env)
                .run(List.of(Samples.dir().resolve("cat.png").toString(), "--kafka", stack.kafka().saslSslBootstrapServers(),
                        "--s3", stack.s3().endpoint()));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(status).isEqualTo(1);
        assertThat(printed).startsWith("FAILED").contains("refused the credentials of user 'uploader' (SCRAM-SHA-512)")
                .doesNotContain(wrong);
    }

    @Test
    @Order(3)
    void aClientWithoutTheTruststoreIsToldToCheckIt() {
        Map<String, String> env = securedEnv(WORKER_USER, workerPassword);
        env.remove("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION");
        env.remove("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_PASSWORD");
        KafkaAccess access = new KafkaAccess(stack.kafka().saslSslBootstrapServers(), security(env));

        assertThatThrownBy(() -> access.verify(Duration.ofSeconds(20)))
                .isInstanceOf(KafkaAccessException.class)
                .hasMessageContaining("the TLS handshake with Kafka at " + stack.kafka().saslSslBootstrapServers())
                .hasMessageContaining("check that AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION holds the CA");
    }

    @Test
    @Order(4)
    void mutualTlsPresentsTheKeystoreAndAnUntrustedCertificateIsRefused() throws Exception {
        Map<String, String> env = securedEnv(WORKER_USER, workerPassword);
        env.put("AUTOHAIR_KAFKA_SSL_KEYSTORE_LOCATION", tls.keystore().toString());
        env.put("AUTOHAIR_KAFKA_SSL_KEYSTORE_PASSWORD", tls.keystorePassword());
        new KafkaAccess(stack.kafka().saslSslBootstrapServers(), security(env)).verify(Duration.ofSeconds(20));

        // A certificate the broker does not know: the keystore is really presented, and refused.
        Files.createDirectories(dir.resolve("stranger"));
        TestTls stranger = TestTls.generate(dir.resolve("stranger"));
        secrets.add(stranger.keystorePassword());
        env.put("AUTOHAIR_KAFKA_SSL_KEYSTORE_LOCATION", stranger.keystore().toString());
        env.put("AUTOHAIR_KAFKA_SSL_KEYSTORE_PASSWORD", stranger.keystorePassword());
        KafkaAccess access = new KafkaAccess(stack.kafka().saslSslBootstrapServers(), security(env));

        assertThatThrownBy(() -> access.verify(Duration.ofSeconds(20)))
                .isInstanceOf(KafkaAccessException.class)
                .hasMessageContaining("the TLS handshake with Kafka at " + stack.kafka().saslSslBootstrapServers())
                .hasMessageContaining("AUTOHAIR_KAFKA_SSL_KEYSTORE_LOCATION holds a certificate the broker trusts");
    }

    @Test
    @Order(5)
    void aPlaintextClientIsToldToCheckTheProtocol() {
        KafkaAccess plaintext = new KafkaAccess(stack.kafka().saslSslBootstrapServers(),
                KafkaSecurity.plaintext(KafkaSecurityKeys.WORKER));
        long start = System.nanoTime();

        assertThatThrownBy(() -> plaintext.verify(Duration.ofSeconds(4)))
                .isInstanceOf(KafkaAccessException.class)
                .hasMessageContaining("no answer from Kafka at " + stack.kafka().saslSslBootstrapServers()
                        + " (AUTOHAIR_KAFKA_BOOTSTRAP_SERVERS) to a PLAINTEXT client")
                .hasMessageContaining("is AUTOHAIR_KAFKA_SECURITY_PROTOCOL right?");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @Order(6)
    void noSecretAppearsInTheLogsTheOutputOrTheMetrics() throws Exception {
        String logs = captured.toString(StandardCharsets.UTF_8);
        String brokerLog = Files.readString(stack.kafka().logFile());
        // The capture holds the run: our start-up line and Kafka's own client configuration dumps.
        assertThat(logs).contains("Kafka " + stack.kafka().saslSslBootstrapServers() + " (SASL_SSL, SASL SCRAM-SHA-512 as user 'autohair-worker'")
                .contains("sasl.jaas.config = [hidden]")
                .contains("failed authentication due to") // Kafka's own logging of the refused logins
                .contains("FAILED"); // and what submit printed
        assertThat(metricsScrape).isNotEmpty();
        for (String secret : secrets) {
            assertThat(linesWith(logs, secret)).as("lines of the run's logs and output that hold a secret").isEmpty();
            assertThat(linesWith(metricsScrape, secret)).as("/metrics lines that hold a secret").isEmpty();
            assertThat(linesWith(brokerLog, secret)).as("broker log lines that hold a secret").isEmpty();
        }
    }

    /** Only the offending lines, so a failure names them instead of dumping the whole capture. */
    private static List<String> linesWith(String text, String secret) {
        return text.lines().filter(line -> line.contains(secret)).toList();
    }

    // ---- helpers ----

    /** The secured client keys for {@code user}, as an operator would set them. */
    private static Map<String, String> securedEnv(String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("AUTOHAIR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_LOCATION", tls.truststore().toString());
        env.put("AUTOHAIR_KAFKA_SSL_TRUSTSTORE_PASSWORD", tls.truststorePassword());
        env.put("AUTOHAIR_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("AUTOHAIR_KAFKA_SASL_USERNAME", user);
        env.put("AUTOHAIR_KAFKA_SASL_PASSWORD", password);
        return env;
    }

    private static Map<String, String> securedWorkerEnv(String password, Map<String, String> more) {
        Map<String, String> env = securedEnv(WORKER_USER, password);
        env.put(WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, stack.kafka().saslSslBootstrapServers());
        env.putAll(more);
        return env;
    }

    private static KafkaSecurity security(Map<String, String> env) {
        return KafkaSecurity.read(Settings.load(env, Optional.empty(), KafkaSecurityKeys.WORKER.all(), Namespace.NONE),
                KafkaSecurityKeys.WORKER);
    }

    /** Follows the results topic over the PLAINTEXT listener, as an observer. */
    private static JobResult awaitResult(String jobId) {
        MessageCodec codec = new MessageCodec();
        try (KafkaConsumer<String, byte[]> consumer = stack.follow(TOPICS.results())) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (jobId.equals(r.key())) {
                        return codec.decodeResult(r.value());
                    }
                }
            }
        }
        throw new AssertionError("no result for job " + jobId + " within " + WAIT);
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sample astronaut at a quarter of its size: a real portrait, quick on two cores. */
    private static byte[] portrait() {
        return ScaledPhoto.png(Samples.bytes("astronaut.png"), 4);
    }

    /** Root logger at INFO into {@link #captured}, and System.out/err teed into it too. */
    private static void captureLogsAndOutput() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger - %msg%n%ex");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(new Synchronized(captured));
        appender.start();
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    }

    private static void restoreLogsAndOutput() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (appender != null) {
            root.detachAppender(appender);
            appender.stop();
            root.setLevel(rootLevel);
        }
        if (originalOut != null) {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** Writes to two streams: the console as before, and the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream capture;

        Tee(OutputStream console, ByteArrayOutputStream capture) {
            this.console = console;
            this.capture = capture;
        }

        @Override
        public void write(int b) {
            synchronized (capture) {
                capture.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException e) {
                // the console is best effort
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (capture) {
                capture.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console is best effort
            }
        }
    }

    /** The appender's stream, sharing the capture's lock with {@link Tee}. */
    private static final class Synchronized extends OutputStream {
        private final ByteArrayOutputStream capture;

        Synchronized(ByteArrayOutputStream capture) {
            this.capture = capture;
        }

        @Override
        public void write(int b) {
            synchronized (capture) {
                capture.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (capture) {
                capture.write(b, off, len);
            }
        }
    }
}
