package dev.autohair.common.kafka;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * The one place where Kafka's connection failures become messages an operator can act on: which
 * setting to check, not a stack of SSLHandshakeExceptions. {@link #verify} asks the cluster for its
 * metadata once at start-up, so wrong credentials fail there and not in the first poll.
 */
public final class KafkaAccess {

    private final String bootstrapServers;
    private final KafkaSecurity security;

    public KafkaAccess(String bootstrapServers, KafkaSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    /**
     * Connects, authenticates and fetches the cluster's metadata, within {@code timeout}.
     *
     * @throws KafkaAccessException with an operator-readable message when any of it fails
     */
    public void verify(Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "autohair-access-check");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        security.applyTo(p);
        Admin admin = Admin.create(p);
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaAccessException("interrupted while connecting to Kafka at " + bootstrapServers, e);
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** {@code error} as a {@link KafkaAccessException}: explained if it is about access, else with Kafka's message. */
    public KafkaAccessException failure(Throwable error) {
        return new KafkaAccessException(explain(error).orElse("Kafka at " + bootstrapServers + " failed: " + error), error);
    }

    /**
     * What went wrong, if {@code error} (or one of its causes) is a TLS, SASL, authorization or
     * time-out failure; empty for anything else.
     */
    public Optional<String> explain(Throwable error) {
        KafkaSecurityKeys keys = security.keys();
        String at = "Kafka at " + bootstrapServers + " (" + keys.bootstrapServers() + ")";
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SaslAuthenticationException) {
                String user = security.sasl().map(s -> "user '" + s.username() + "' (" + s.mechanism().kafkaName() + ")")
                        .orElse("this client");
                return Optional.of(at + " refused the credentials of " + user + ": check " + keys.saslUsername()
                        + " and " + keys.saslPassword() + ", and that the user exists on the cluster for that mechanism."
                        + " The broker said: " + e.getMessage());
            }
            if (e instanceof UnsupportedSaslMechanismException || e instanceof IllegalSaslStateException) {
                return Optional.of(at + " does not accept SASL " + security.sasl().map(s -> s.mechanism().kafkaName())
                        .orElse("as configured") + " on this listener: check " + keys.saslMechanism() + " and "
                        + keys.protocol() + " against the listener's. The broker said: " + e.getMessage());
            }
            if (e instanceof SslAuthenticationException) {
                return Optional.of("the TLS handshake with " + at + " failed (" + rootMessage(e) + "): check that "
                        + keys.truststoreLocation() + " holds the CA that signed the broker's certificate and that the"
                        + " certificate names the host you connect to; for mutual TLS, that " + keys.keystoreLocation()
                        + " holds a certificate the broker trusts");
            }
            if (e instanceof AuthenticationException) {
                return Optional.of(at + " refused to authenticate this client: " + e.getMessage() + "; check "
                        + keys.protocol() + " and the SASL and SSL keys under " + keys.prefix());
            }
            if (e instanceof AuthorizationException) {
                return Optional.of(at + " authenticated " + security.sasl().map(s -> "user '" + s.username() + "'")
                        .orElse("this client") + " but refused the request: " + e.getMessage()
                        + "; grant it access (ACLs) to AutoHair's topics and consumer group");
            }
            if (e instanceof org.apache.kafka.common.errors.TimeoutException || e instanceof java.util.concurrent.TimeoutException) {
                return Optional.of("no answer from " + at + " to a " + security.effectiveProtocol() + " client: is the"
                        + " broker up and reachable, and is " + keys.protocol() + " right? (a listener that expects"
                        + " another protocol drops the connection without a word)");
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
