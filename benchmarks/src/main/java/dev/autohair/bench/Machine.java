package dev.autohair.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a benchmark ran on, for its header: ratios against the same baseline moved by 2x between
 * two kinds of 2-core machine (docs/BENCHMARKS.md, twelfth session), so every figure names its CPU.
 */
final class Machine {

    private Machine() {}

    /** CPU model (from /proc/cpuinfo where there is one), hardware threads and the Java runtime. */
    static String describe() {
        return String.format(Locale.ROOT, "%s, %d hardware threads, Java %s", cpuModel(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
    }

    /** The model and its widest vector extension: virtual machines often report a bare family name. */
    private static String cpuModel() {
        String model = null;
        String vectors = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                String value = line.substring(line.indexOf(':') + 1).trim();
                if (model == null && line.startsWith("model name")) {
                    model = value;
                } else if (vectors.isEmpty() && line.startsWith("flags")) {
                    String flags = " " + value + " ";
                    vectors = flags.contains(" avx512f ") ? " (AVX-512)" : flags.contains(" avx2 ") ? " (AVX2)" : "";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: the architecture is all there is to say
        }
        return (model != null ? model : System.getProperty("os.arch") + " CPU") + vectors;
    }
}
