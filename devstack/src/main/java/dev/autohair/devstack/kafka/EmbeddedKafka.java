package dev.autohair.devstack.kafka;

import dev.autohair.devstack.DevServerException;
import dev.autohair.devstack.Folders;
import dev.autohair.devstack.Loopback;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) in a child JVM on
 * 127.0.0.1. Being a separate process, it can be {@link #kill() killed} to test broker failure
 * and {@link #restart() restarted} on the same port with the same data.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 40;

    private final KafkaBrokerConfig config;
    private final Path dir;
    private final boolean ownsDir;
    private final int port;
    private final int controllerPort;
    /** The SASL_SSL listener's port; -1 without one. */
    private final int saslSslPort;
    private final String clusterId;
    private final Path propertiesFile;
    private final Path logFile;

    private Process process;
    private Duration startupTime = Duration.ZERO;

    private EmbeddedKafka(KafkaBrokerConfig config) {
        this.config = config;
        this.ownsDir = config.dataDir() == null;
        this.dir = Folders.prepare(config.dataDir(), "autohair-kafka-");
        this.port = Loopback.freePort();
        this.controllerPort = Loopback.freePort();
        this.saslSslPort = config.saslSsl().isPresent() ? Loopback.freePort() : -1;
        this.clusterId = Uuid.randomUuid().toString();
        this.propertiesFile = dir.resolve("server.properties");
        this.logFile = dir.resolve("broker.log");
        writeConfiguration();
    }

    /** Starts a broker with {@link KafkaBrokerConfig#defaults()} and waits until it serves requests. */
    public static EmbeddedKafka start() {
        return start(KafkaBrokerConfig.defaults());
    }

    /** Starts a broker and waits until it serves requests (4-5 s on two cores, longer when they are busy). */
    public static EmbeddedKafka start(KafkaBrokerConfig config) {
        EmbeddedKafka kafka = new EmbeddedKafka(config);
        try {
            kafka.launch();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return Loopback.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT} of the SASL_SSL listener (TLS, then SCRAM logins). */
    public String saslSslBootstrapServers() {
        if (saslSslPort < 0) {
            throw new IllegalStateException("this broker has no SASL_SSL listener: start it with KafkaBrokerConfig.withSaslSsl");
        }
        return Loopback.HOST + ":" + saslSslPort;
    }

    /**
     * Adds (or updates) a SCRAM user for the SASL_SSL listener, through the PLAINTEXT admin client,
     * and returns once the broker knows it.
     *
     * @param mechanism {@code SCRAM-SHA-512} or {@code SCRAM-SHA-256}
     */
    public void createScramUser(String mechanism, String user, String password) {
        ScramMechanism scram = ScramMechanism.fromMechanismName(mechanism);
        if (scram == ScramMechanism.UNKNOWN) {
            throw new IllegalArgumentException(mechanism + " is not a SCRAM mechanism; use SCRAM-SHA-512 or SCRAM-SHA-256");
        }
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(scram, 4096), password))).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // The controller has it; wait until the broker's metadata does too.
            while (!scramUserKnown(admin, user)) {
                if (System.nanoTime() > deadline) {
                    throw new DevServerException("SCRAM user '" + user + "' did not reach the broker within 30 s; see " + logFile);
                }
                sleep(50);
            }
        } catch (ExecutionException e) {
            throw new DevServerException("could not create SCRAM user '" + user + "' on " + bootstrapServers() + ": "
                    + e.getCause() + "; see " + logFile, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServerException("interrupted while creating SCRAM user '" + user + "'", e);
        } catch (TimeoutException e) {
            throw new DevServerException("creating SCRAM user '" + user + "' took over 30 s; see " + logFile, e);
        }
    }

    public Path dataDir() {
        return dir;
    }

    /** The child JVM's output: read it when the broker misbehaves. */
    public Path logFile() {
        return logFile;
    }

    /** How long the last (re)start took until the broker answered an admin request. */
    public synchronized Duration startupTime() {
        return startupTime;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The child process id, e.g. to send it signals from a test. */
    public synchronized long pid() {
        requireRunning();
        return process.pid();
    }

    /** Creates topics (replication factor 1); topics that already exist are left as they are. */
    public void createTopics(int partitions, String... topics) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        List<NewTopic> newTopics = Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList();
        try (Admin admin = admin()) {
            for (var entry : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new DevServerException("could not create topic '" + entry.getKey() + "' on "
                                + bootstrapServers() + ": " + e.getCause() + "; see " + logFile, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServerException("interrupted while creating topics " + List.of(topics), e);
        } catch (TimeoutException e) {
            throw new DevServerException("creating topics " + List.of(topics) + " took over 30 s; see " + logFile, e);
        }
    }

    /** A new admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Shuts the broker down with SIGTERM (a clean, controlled shutdown); kills it if that takes too long. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the broker with SIGKILL, as a crash or a lost machine would; returns once it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the broker again after {@link #stop()} or {@link #kill()}: same port, same topics and data. */
    public synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException("the broker on " + bootstrapServers() + " is still running: stop or kill it first");
        }
        launch();
    }

    /** Stops the broker and deletes its temporary folder (a folder passed in the config is kept). */
    @Override
    public synchronized void close() {
        stop();
        if (ownsDir) {
            Folders.deleteQuietly(dir);
        }
    }

    private synchronized void launch() {
        if (Loopback.accepts(port)) {
            throw new DevServerException("port " + port + " on " + Loopback.HOST + " is taken by another process:"
                    + " the broker cannot listen there");
        }
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.jvmOptions());
        command.add("-Dlogback.configurationFile=" + dir.resolve("logback.xml"));
        command.add("-cp");
        command.add(absolute(config.classpath()));
        command.add(KafkaBrokerMain.class.getName());
        command.add(propertiesFile.toString());
        command.add(clusterId);
        command.add(Long.toString(ProcessHandle.current().pid()));
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new DevServerException("could not start a JVM for the Kafka broker (" + command.get(0) + "): " + e, e);
        }
        awaitReady(started);
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private void awaitReady(long startedNanos) {
        long deadline = startedNanos + config.startTimeout().toNanos();
        while (!Loopback.accepts(port)) {
            if (!process.isAlive()) {
                throw new DevServerException("the Kafka broker exited with code " + process.exitValue()
                        + " before it opened " + bootstrapServers() + "; its log (" + logFile + ") ends with:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new DevServerException("the Kafka broker did not open " + bootstrapServers() + " within "
                        + config.startTimeout() + " (a busy machine? raise startTimeout); its log (" + logFile
                        + ") ends with:\n" + logTail());
            }
            sleep(50);
        }
        // An open port is not yet a serving broker: wait for the first metadata answer.
        try (Admin admin = admin()) {
            long remaining = Math.max(1, deadline - System.nanoTime());
            admin.describeCluster().nodes().get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServerException("interrupted while waiting for the Kafka broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DevServerException("the Kafka broker on " + bootstrapServers() + " opened its port but did"
                    + " not answer: " + e + "; its log (" + logFile + ") ends with:\n" + logTail(), e);
        }
    }

    private void writeConfiguration() {
        String logDirs = dir.resolve("kraft-logs").toString();
        String saslSsl = saslSslPort < 0 ? "" : ",SASL_SSL://" + Loopback.HOST + ":" + saslSslPort;
        String properties = String.join("\n",
                "# Single-node KRaft broker for development and tests; generated by EmbeddedKafka.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Loopback.HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + Loopback.HOST + ":" + port + ",CONTROLLER://" + Loopback.HOST + ":" + controllerPort
                        + saslSsl,
                "advertised.listeners=PLAINTEXT://" + Loopback.HOST + ":" + port + saslSsl,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                        + (saslSslPort < 0 ? "" : ",SASL_SSL:SASL_SSL"),
                saslSslListenerProperties(),
                "log.dirs=" + logDirs,
                // Topics are created on purpose (createTopics), so a misspelt name fails instead of appearing.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                // Created on the first transaction: 50 partitions (the default) take seconds on two cores.
                "transaction.state.log.num.partitions=1",
                // A killed producer's open transaction is aborted within a second of its timeout, not ten.
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Tests should not wait 3 s for the first consumer group to settle.
                "group.initial.rebalance.delay.ms=0",
                // Groups on the consumer protocol (KIP-848) time sessions out on the broker: the same
                // 10 s as the workers' classic session timeout, so that the two can be compared.
                "group.consumer.min.session.timeout.ms=6000",
                "group.consumer.session.timeout.ms=10000",
                "group.consumer.min.heartbeat.interval.ms=1000",
                "group.consumer.heartbeat.interval.ms=2000",
                // After a kill the controller holds the dead incarnation's session until it expires
                // (9 s by default), which is how long a restarted broker would wait to be caught up.
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=4000",
                "num.network.threads=2",
                "num.io.threads=2",
                "");
        String logback = """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <!-- Start and stop milestones; everything else only when it goes wrong. -->
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                  <logger name="kafka.server.ControllerServer" level="INFO"/>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """;
        try {
            Files.writeString(propertiesFile, properties, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("logback.xml"), logback, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration into " + dir, e);
        }
    }

    private static boolean scramUserKnown(Admin admin, String user)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeUserScramCredentials(List.of(user)).all().get(30, TimeUnit.SECONDS).containsKey(user);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    /** TLS with the configured keystore, then SCRAM logins checked against the users in the metadata log. */
    private String saslSslListenerProperties() {
        if (config.saslSsl().isEmpty()) {
            return "# no SASL_SSL listener";
        }
        SaslSslListener listener = config.saslSsl().get();
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        return String.join("\n",
                "listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512,SCRAM-SHA-256",
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + scram,
                "listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=" + scram,
                "listener.name.sasl_ssl.ssl.keystore.location=" + escape(listener.keystore().toAbsolutePath().toString()),
                "listener.name.sasl_ssl.ssl.keystore.password=" + escape(listener.keystorePassword()),
                "listener.name.sasl_ssl.ssl.keystore.type=PKCS12",
                listener.clientTruststore().map(truststore -> String.join("\n",
                        "listener.name.sasl_ssl.ssl.client.auth=requested",
                        "listener.name.sasl_ssl.ssl.truststore.location=" + escape(truststore.toAbsolutePath().toString()),
                        "listener.name.sasl_ssl.ssl.truststore.password=" + escape(listener.clientTruststorePassword()),
                        "listener.name.sasl_ssl.ssl.truststore.type=PKCS12")).orElse("# no client certificates"));
    }

    /** A value as java.util.Properties reads it back (backslashes, e.g. in Windows paths). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The child runs in the data folder, so relative class path entries must be resolved here first. */
    private static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void requireRunning() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the broker on " + bootstrapServers() + " is not running");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServerException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
