package dev.autohair.common.kafka;

import dev.autohair.common.config.ConfigException;
import dev.autohair.common.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How every AutoHair Kafka client (the worker's consumer and producer, the status service's
 * Streams, {@code submit}'s producer) reaches a secured cluster: TLS with a custom truststore and,
 * for mutual TLS, a keystore; SASL PLAIN or SCRAM with a username and password; and any other
 * client property from a properties file, applied after the typed ones. {@link #applyTo} is the one
 * place these become client properties. {@link #toString()} never shows a password, nor the values
 * of the file's properties.
 *
 * @param keys             the environment names these settings were read from, for error messages
 * @param truststore       the CAs to trust instead of the JVM's; empty = the JVM's
 * @param keystore         this client's certificate and key, for mutual TLS
 * @param keyPassword      the private key's password when it differs from the keystore's
 * @param clientProperties further client properties from {@code propertiesFile}
 */
public record KafkaSecurity(KafkaSecurityKeys keys, SecurityProtocol protocol, Optional<StoreFile> truststore,
                            Optional<StoreFile> keystore, Optional<String> keyPassword, Optional<SaslLogin> sasl,
                            Optional<Path> propertiesFile, Map<String, String> clientProperties) {

    /**
     * Properties AutoHair's clients set themselves and rely on (delivery guarantees, serialization,
     * group membership); a properties file may not change them.
     */
    static final Set<String> RESERVED = Set.of("bootstrap.servers", "group.id", "application.id", "acks",
            "enable.idempotence", "enable.auto.commit", "key.serializer", "value.serializer", "key.deserializer",
            "value.deserializer");

    public KafkaSecurity {
        clientProperties = Map.copyOf(clientProperties);
        if (!protocol.usesTls() && (truststore.isPresent() || keystore.isPresent())) {
            throw new IllegalArgumentException("a truststore or keystore needs a TLS protocol (SSL or SASL_SSL), not " + protocol);
        }
        if (protocol.usesSasl() != sasl.isPresent()) {
            throw new IllegalArgumentException(protocol + (protocol.usesSasl() ? " needs" : " takes no") + " SASL login");
        }
    }

    /** No security: a PLAINTEXT listener, as in development. */
    public static KafkaSecurity plaintext(KafkaSecurityKeys keys) {
        return new KafkaSecurity(keys, SecurityProtocol.PLAINTEXT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * A key store or trust store file.
     *
     * @param type JKS, PKCS12 or PEM; empty = Kafka's default (JKS)
     */
    public record StoreFile(Path location, Optional<String> password, Optional<String> type) {

        @Override
        public String toString() {
            return location + type.map(t -> " (" + t + ")").orElse("");
        }
    }

    /** A SASL username and password for {@code mechanism}. */
    public record SaslLogin(SaslMechanism mechanism, String username, String password) {

        /** Kafka's {@code sasl.jaas.config} for this login; quotes and backslashes escaped as JAAS reads them. */
        public String jaasConfig() {
            return mechanism.loginModule() + " required username=\"" + quote(username) + "\" password=\""
                    + quote(password) + "\";";
        }

        private static String quote(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        @Override
        public String toString() {
            return mechanism.kafkaName() + " as user '" + username + "'";
        }
    }

    /** Reads and checks the security keys; each mistake fails with a message that names the key. */
    public static KafkaSecurity read(Settings s, KafkaSecurityKeys keys) {
        SecurityProtocol protocol = s.optional(keys.protocol()).map(v -> protocol(keys, v)).orElse(SecurityProtocol.PLAINTEXT);
        if (!protocol.usesTls()) {
            refuseSet(s, protocol, keys, "does not use TLS: set it to SSL or SASL_SSL, or remove ", keys.truststoreLocation(),
                    keys.truststorePassword(), keys.truststoreType(), keys.keystoreLocation(), keys.keystorePassword(),
                    keys.keystoreType(), keys.keyPassword());
        }
        if (!protocol.usesSasl()) {
            refuseSet(s, protocol, keys, "does not use SASL: set it to SASL_SSL or SASL_PLAINTEXT, or remove ",
                    keys.saslMechanism(), keys.saslUsername(), keys.saslPassword());
        }
        Optional<StoreFile> truststore = store(s, keys.truststoreLocation(), keys.truststorePassword(), keys.truststoreType(), false);
        Optional<StoreFile> keystore = store(s, keys.keystoreLocation(), keys.keystorePassword(), keys.keystoreType(), true);
        Optional<String> keyPassword = s.optional(keys.keyPassword());
        if (keyPassword.isPresent() && keystore.isEmpty()) {
            throw new ConfigException(keys.keyPassword() + " is set without " + keys.keystoreLocation()
                    + ": the key password unlocks the key in that keystore");
        }
        Optional<SaslLogin> sasl = protocol.usesSasl() ? Optional.of(sasl(s, keys, protocol)) : Optional.empty();
        Optional<Path> file = s.readableFile(keys.propertiesFile());
        Map<String, String> properties = file.map(f -> clientProperties(keys, f)).orElse(Map.of());
        return new KafkaSecurity(keys, protocol, truststore, keystore, keyPassword, sasl, file, properties);
    }

    /**
     * Adds the security settings to a client's properties, then the properties file's entries (so
     * they win over the typed ones). Works for consumers, producers, admin clients and Streams alike.
     */
    public Properties applyTo(Properties p) {
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name());
        truststore.ifPresent(t -> {
            p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, t.location().toString());
            t.password().ifPresent(v -> p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, v));
            t.type().ifPresent(v -> p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, v));
        });
        keystore.ifPresent(k -> {
            p.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, k.location().toString());
            k.password().ifPresent(v -> p.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, v));
            k.type().ifPresent(v -> p.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, v));
        });
        keyPassword.ifPresent(v -> p.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, v));
        sasl.ifPresent(login -> {
            p.put(SaslConfigs.SASL_MECHANISM, login.mechanism().kafkaName());
            p.put(SaslConfigs.SASL_JAAS_CONFIG, login.jaasConfig());
        });
        p.putAll(clientProperties);
        return p;
    }

    /** The protocol the clients will speak: the properties file's {@code security.protocol} if it sets one. */
    public String effectiveProtocol() {
        return clientProperties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name());
    }

    /** The secrets these settings hold, so that a test can check that none of them is ever printed. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        truststore.flatMap(StoreFile::password).ifPresent(secrets::add);
        keystore.flatMap(StoreFile::password).ifPresent(secrets::add);
        keyPassword.ifPresent(secrets::add);
        sasl.map(SaslLogin::password).ifPresent(secrets::add);
        return secrets;
    }

    /** For logs: what is configured, never a password nor a value from the properties file. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(protocol.name());
        sasl.ifPresent(login -> b.append(", SASL ").append(login));
        truststore.ifPresent(t -> b.append(", truststore ").append(t));
        keystore.ifPresent(k -> b.append(", keystore ").append(k));
        propertiesFile.ifPresent(f -> b.append(", client properties ").append(new TreeMap<>(clientProperties).keySet())
                .append(" from ").append(f));
        return b.toString();
    }

    private static SecurityProtocol protocol(KafkaSecurityKeys keys, String value) {
        try {
            return SecurityProtocol.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(keys.protocol() + "=" + value + " is not a Kafka security protocol; use one of "
                    + Arrays.toString(SecurityProtocol.values()));
        }
    }

    private static void refuseSet(Settings s, SecurityProtocol protocol, KafkaSecurityKeys keys, String advice,
                                  String... settingKeys) {
        for (String key : settingKeys) {
            if (s.optional(key).isPresent()) {
                throw new ConfigException(key + " is set, but " + keys.protocol() + "=" + protocol + " " + advice + key);
            }
        }
    }

    private static Optional<StoreFile> store(Settings s, String locationKey, String passwordKey, String typeKey,
                                             boolean passwordRequired) {
        Optional<Path> location = s.readableFile(locationKey);
        Optional<String> password = s.optional(passwordKey);
        Optional<String> type = s.optional(typeKey).map(t -> storeType(typeKey, t));
        if (location.isEmpty()) {
            Optional<String> orphan = password.isPresent() ? Optional.of(passwordKey) : type.map(t -> typeKey);
            orphan.ifPresent(key -> {
                throw new ConfigException(key + " is set without " + locationKey + "; set " + locationKey
                        + " to the store's file, e.g. " + locationKey + "=/etc/autohair/kafka/"
                        + (passwordRequired ? "client.p12" : "truststore.p12"));
            });
            return Optional.empty();
        }
        Path path = location.get();
        type = type.or(() -> typeFromExtension(path));
        boolean pem = type.filter("PEM"::equals).isPresent();
        if (pem && password.isPresent()) {
            throw new ConfigException(passwordKey + " is set, but a PEM file (" + locationKey + "=" + path
                    + ") takes no store password" + (passwordRequired ? "; an encrypted key's password goes in the key"
                    + " password key" : "") + ": remove " + passwordKey);
        }
        if (passwordRequired && !pem && password.isEmpty()) {
            throw new ConfigException(passwordKey + " is required with " + locationKey + "=" + path
                    + " (a " + type.orElse("JKS") + " keystore holding a private key has a password)");
        }
        return Optional.of(new StoreFile(path, password, type));
    }

    private static String storeType(String key, String value) {
        String type = value.toUpperCase(Locale.ROOT);
        if (!Set.of("JKS", "PKCS12", "PEM").contains(type)) {
            throw new ConfigException(key + "=" + value + " is not a store type; use JKS, PKCS12 or PEM");
        }
        return type;
    }

    private static Optional<String> typeFromExtension(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return Optional.of("PKCS12");
        }
        if (name.endsWith(".pem") || name.endsWith(".crt")) {
            return Optional.of("PEM");
        }
        if (name.endsWith(".jks")) {
            return Optional.of("JKS");
        }
        return Optional.empty();
    }

    private static SaslLogin sasl(Settings s, KafkaSecurityKeys keys, SecurityProtocol protocol) {
        String names = Arrays.stream(SaslMechanism.values()).map(SaslMechanism::kafkaName).collect(Collectors.joining(", "));
        String mechanismName = s.optional(keys.saslMechanism()).orElseThrow(() -> new ConfigException(
                keys.saslMechanism() + " is required with " + keys.protocol() + "=" + protocol + "; use one of " + names));
        SaslMechanism mechanism = SaslMechanism.fromKafkaName(mechanismName).orElseThrow(() -> new ConfigException(
                keys.saslMechanism() + "=" + mechanismName + " is not supported; use one of " + names
                        + " (other mechanisms, e.g. OAUTHBEARER, go in " + keys.propertiesFile() + ")"));
        String username = s.optional(keys.saslUsername()).orElseThrow(() -> new ConfigException(
                keys.saslUsername() + " is required with " + keys.protocol() + "=" + protocol + " (SASL "
                        + mechanism.kafkaName() + " logs in with a username and password)"));
        String password = s.optional(keys.saslPassword()).orElseThrow(() -> new ConfigException(
                keys.saslPassword() + " is required with " + keys.protocol() + "=" + protocol + " (the password of "
                        + "SASL user '" + username + "')"));
        return new SaslLogin(mechanism, username, password);
    }

    private static Map<String, String> clientProperties(KafkaSecurityKeys keys, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(keys.propertiesFile() + "=" + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (RESERVED.contains(key)) {
                throw new ConfigException(keys.propertiesFile() + "=" + file + " sets '" + key + "', which AutoHair sets"
                        + " itself (" + (key.equals("bootstrap.servers") ? "use " + keys.bootstrapServers()
                        : "its delivery guarantees rely on it") + "); remove it from the file");
            }
            entries.put(key, properties.getProperty(key).trim());
        }
        return entries;
    }
}
