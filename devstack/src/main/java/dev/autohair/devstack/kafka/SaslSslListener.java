package dev.autohair.devstack.kafka;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An extra SASL_SSL listener for the embedded broker, as managed Kafka services offer: TLS with the
 * given server keystore, then SCRAM-SHA-512 or SCRAM-SHA-256 logins. Users are added once the broker
 * runs ({@link EmbeddedKafka#createScramUser}); the PLAINTEXT listener stays for set-up and admin work.
 *
 * @param keystore         PKCS12 keystore with the broker's certificate and key (its key password is the store's)
 * @param clientTruststore PKCS12 store of the client certificates the broker accepts, for mutual TLS:
 *                         clients may then present one ({@code ssl.client.auth=requested}), and one
 *                         that is not in it fails the handshake; empty = no client certificates
 */
public record SaslSslListener(Path keystore, String keystorePassword, Optional<Path> clientTruststore,
                              String clientTruststorePassword) {

    public SaslSslListener {
        Objects.requireNonNull(keystore, "keystore");
        if (keystorePassword == null || keystorePassword.isEmpty()) {
            throw new IllegalArgumentException("the broker keystore " + keystore + " needs its password");
        }
        clientTruststore = clientTruststore == null ? Optional.empty() : clientTruststore;
        if (clientTruststore.isPresent() && (clientTruststorePassword == null || clientTruststorePassword.isEmpty())) {
            throw new IllegalArgumentException("the client truststore " + clientTruststore.get() + " needs its password");
        }
    }

    /** Without client certificates. */
    public SaslSslListener(Path keystore, String keystorePassword) {
        this(keystore, keystorePassword, Optional.empty(), null);
    }

    /** The same listener, also accepting client certificates from {@code truststore} (mutual TLS). */
    public SaslSslListener acceptingClientCertificates(Path truststore, String password) {
        return new SaslSslListener(keystore, keystorePassword, Optional.of(truststore), password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SaslSslListener[keystore=" + keystore + clientTruststore.map(t -> ", clientTruststore=" + t).orElse("") + "]";
    }
}
