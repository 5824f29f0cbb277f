package dev.autohair.bench;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * pymatting (estimate_alpha_cf + estimate_foreground_ml, what rembg's alpha matting runs), timed by
 * {@code ../shared/anchors/pymatting_anchor.py} in a child process on our own images and trimaps.
 * Present only on the team's machines: {@link #find()} is empty elsewhere.
 */
final class PymattingAnchor {

    /** pymatting's compute time for one case and its 8-bit alpha. */
    record Run(double seconds, Matte alpha) {}

    private final Path script;
    private final String python;

    private PymattingAnchor(Path script, String python) {
        this.script = script;
        this.python = python;
    }

    /** The anchor beside the repository ({@code ../shared/anchors}), with Debian's python3 where it exists. */
    static Optional<PymattingAnchor> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("shared/anchors/pymatting_anchor.py");
            if (Files.isRegularFile(script)) {
                String python = System.getProperty("autohair.python",
                        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
                return Optional.of(new PymattingAnchor(script, python));
            }
        }
        return Optional.empty();
    }

    Path script() {
        return script;
    }

    /** Runs every case in one process (numba compiles once); keys are the case names. */
    Map<String, Run> run(Map<String, Case> cases) {
        try {
            Path dir = Files.createTempDirectory("autohair-pymatting");
            List<String> command = new ArrayList<>(List.of(python, script.toString(), dir.resolve("out").toString()));
            for (Map.Entry<String, Case> entry : cases.entrySet()) {
                command.add(write(dir, entry.getKey(), entry.getValue()));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                String hint = output.contains("ModuleNotFoundError")
                        ? "; it needs Debian's python3-numpy, python3-scipy, python3-numba and python3-opencv" : "";
                throw new IllegalStateException("pymatting anchor failed (" + String.join(" ", command.subList(0, 2))
                        + ")" + hint + ":\n" + output);
            }
            Map<String, Run> runs = new LinkedHashMap<>();
            for (String line : output.split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && cases.containsKey(parts[0])) {
                    Matte alpha = matte(ImageIO.read(dir.resolve("out").resolve(parts[0] + ".alpha.png").toFile()));
                    runs.put(parts[0], new Run(Double.parseDouble(parts[1]), alpha));
                }
            }
            if (runs.size() != cases.size()) {
                throw new IllegalStateException("pymatting anchor answered " + runs.size() + " of " + cases.size()
                        + " cases:\n" + output);
            }
            deleteTree(dir); // at 8 MP a round leaves ~100 MB of PNGs
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pymatting ran", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** An image and trimap both sides solve. */
    record Case(RgbImage image, Trimap trimap) {}

    /** Writes NAME.png and NAME.trimap.png as the anchor reads them; returns its IMAGE:TRIMAP argument. */
    static String write(Path dir, String name, Case c) throws IOException {
        Path image = dir.resolve(name + ".png");
        Path trimap = dir.resolve(name + ".trimap.png");
        ImageIO.write(rgb(c.image()), "png", image.toFile());
        ImageIO.write(grey(c.trimap()), "png", trimap.toFile());
        return image + ":" + trimap;
    }

    /** An 8-bit grey PNG of the matte. */
    static void write(Path file, Matte matte) throws IOException {
        BufferedImage out = new BufferedImage(matte.width(), matte.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[matte.pixelCount()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) byte8(matte.alpha()[i]);
        }
        out.getRaster().setDataElements(0, 0, matte.width(), matte.height(), pixels);
        ImageIO.write(out, "png", file.toFile());
    }

    private static BufferedImage rgb(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        float[] rgb = image.rgb();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int i = 3 * (y * image.width() + x);
                out.setRGB(x, y, byte8(rgb[i]) << 16 | byte8(rgb[i + 1]) << 8 | byte8(rgb[i + 2]));
            }
        }
        return out;
    }

    private static BufferedImage grey(Trimap trimap) {
        BufferedImage out = new BufferedImage(trimap.width(), trimap.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[trimap.width() * trimap.height()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (trimap.isForeground(i) ? 255 : trimap.isBackground(i) ? 0 : 128);
        }
        out.getRaster().setDataElements(0, 0, trimap.width(), trimap.height(), pixels);
        return out;
    }

    private static Matte matte(BufferedImage image) {
        float[] alpha = new float[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                alpha[y * image.getWidth() + x] = image.getRaster().getSample(x, y, 0) / 255f;
            }
        }
        return new Matte(image.getWidth(), image.getHeight(), alpha);
    }

    /** The 8-bit value the PNG holds; the Java side solves the same quantised image. */
    static int byte8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
