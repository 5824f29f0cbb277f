package dev.autohair.devstack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the embedded broker.
 *
 * @param dataDir      folder for server.properties, the log folder and broker.log; null = a new
 *                     temporary folder, deleted on {@link EmbeddedKafka#close()}
 * @param startTimeout how long to wait until the broker serves requests
 * @param stopTimeout  how long SIGTERM may take before the process is killed
 * @param classpath    the child JVM's class path; it needs Kafka, this module and an SLF4J backend
 * @param jvmOptions   options for the child JVM (heap, GC...)
 * @param saslSsl      an extra SASL_SSL listener, for tests of secured clients; empty = PLAINTEXT only
 */
public record KafkaBrokerConfig(Path dataDir, Duration startTimeout, Duration stopTimeout, String classpath,
                                List<String> jvmOptions, Optional<SaslSslListener> saslSsl) {

    /** A small heap and C1 only: a dev broker should start fast, not run at peak throughput. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Djava.awt.headless=true");

    public KafkaBrokerConfig {
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalArgumentException("the broker's class path is empty: run from a JVM whose class path"
                    + " holds the devstack module and its libraries (devstack/target/*.jar:devstack/target/lib/*)");
        }
        jvmOptions = List.copyOf(jvmOptions);
        saslSsl = saslSsl == null ? Optional.empty() : saslSsl;
    }

    /** PLAINTEXT only. */
    public KafkaBrokerConfig(Path dataDir, Duration startTimeout, Duration stopTimeout, String classpath,
                             List<String> jvmOptions) {
        this(dataDir, startTimeout, stopTimeout, classpath, jvmOptions, Optional.empty());
    }

    /** A temporary folder, 60 s to start (two shared cores can be slow), 10 s to stop, this JVM's class path. */
    public static KafkaBrokerConfig defaults() {
        return new KafkaBrokerConfig(null, Duration.ofSeconds(60), Duration.ofSeconds(10),
                System.getProperty("java.class.path"), DEFAULT_JVM_OPTIONS);
    }

    public KafkaBrokerConfig withDataDir(Path dir) {
        return new KafkaBrokerConfig(dir, startTimeout, stopTimeout, classpath, jvmOptions, saslSsl);
    }

    /** With an extra SASL_SSL listener next to the PLAINTEXT one. */
    public KafkaBrokerConfig withSaslSsl(SaslSslListener listener) {
        return new KafkaBrokerConfig(dataDir, startTimeout, stopTimeout, classpath, jvmOptions, Optional.of(listener));
    }
}
