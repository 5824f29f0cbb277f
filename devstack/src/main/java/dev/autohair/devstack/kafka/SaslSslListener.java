package dev.autohair.devstack.kafka;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An extra SASL_SSL listener for the embedded broker, as managed Kafka services offer: TLS with the
 * given server keystore, then SCRAM-SHA-512 or SCRAM-SHA-256 logins. Users are added once the broker
 * runs ({@link EmbeddedKafka#createScramUser}); the PLAINTEXT listener stays for set-up and admin work.
 *
 * @param keystore PKCS12 keystore with the broker's certificate and key (its key password is the store's)
 */
public record SaslSslListener(Path keystore, String keystorePassword) {

    public SaslSslListener {
        Objects.requireNonNull(keystore, "keystore");
        if (keystorePassword == null || keystorePassword.isEmpty()) {
            throw new IllegalArgumentException("the broker keystore " + keystore + " needs its password");
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SaslSslListener[keystore=" + keystore + "]";
    }
}
