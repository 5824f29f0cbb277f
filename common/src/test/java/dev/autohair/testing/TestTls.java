package dev.autohair.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A TLS identity for 127.0.0.1 made by the JDK's {@code keytool} for one test run: a self-signed
 * server certificate (SAN ip:127.0.0.1 and localhost, so hostname checks pass) in a PKCS12 keystore,
 * the same certificate as a PEM file and in a PKCS12 truststore. Passwords are random; nothing is committed.
 */
public record TestTls(Path keystore, String keystorePassword, Path truststore, String truststorePassword, Path certificatePem) {

    /** Writes the stores into {@code dir} (about a second: three keytool runs). */
    public static TestTls generate(Path dir) {
        String keystorePassword = "ks-" + UUID.randomUUID();
        String truststorePassword = "ts-" + UUID.randomUUID();
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        Path truststore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1, O=AutoHair tests", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", keystorePassword,
                "-file", pem.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", pem.toString(), "-keystore", truststore.toString(),
                "-storetype", "PKCS12", "-storepass", truststorePassword);
        return new TestTls(keystore, keystorePassword, truststore, truststorePassword, pem);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool from " + command.get(0) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
