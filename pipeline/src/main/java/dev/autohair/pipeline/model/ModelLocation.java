package dev.autohair.pipeline.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a shipped SavedModel directory by name. Looks, in order, in the directory named by the
 * system property {@code autohair.models}, then by the environment variable
 * {@code AUTOHAIR_MODELS}, then in {@code models/} of the working directory and each of its
 * parents (so it works from the repository root and from a module during tests).
 */
public final class ModelLocation {

    public static final String PROPERTY = "autohair.models";
    public static final String ENVIRONMENT = "AUTOHAIR_MODELS";

    private ModelLocation() {
    }

    /** The directory {@code <models>/<name>} that holds a {@code saved_model.pb}. */
    public static Path resolve(String name) {
        List<Path> tried = new ArrayList<>();
        for (Path root : roots()) {
            Path candidate = root.resolve(name).toAbsolutePath().normalize();
            if (Files.isRegularFile(candidate.resolve("saved_model.pb"))) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new ModelNotInstalledException("model '" + name + "' not found (looked for saved_model.pb in " + tried
                + "); set " + ENVIRONMENT + " or -D" + PROPERTY + " to the directory that holds the '" + name
                + "' folder");
    }

    private static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            roots.add(Path.of(property));
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            roots.add(Path.of(env));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            roots.add(dir.resolve("models"));
        }
        return roots;
    }
}
