package dev.autohair.storage;

import dev.autohair.pipeline.model.ModelChecksumException;
import dev.autohair.pipeline.model.ModelFiles;
import dev.autohair.pipeline.segmentation.ModelEngine;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a model with an {@code s3://bucket/prefix} location into the local cache once:
 * {@code <cache>/<name>/<sha256>/}. The model file must match the configured sha256 before the
 * copy becomes visible, so a truncated or replaced object never loads; later starts reuse it.
 * Fetched: the model file, and for TensorFlow the SavedModel's {@code variables/} pair when the
 * store has them (converted and frozen-graph models carry their weights inside saved_model.pb).
 */
public final class ModelFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFetcher.class);
    private static final long MAX_MODEL_BYTES = Integer.MAX_VALUE - 16;
    private static final List<String> TF_VARIABLES =
            List.of("variables/variables.index", "variables/variables.data-00000-of-00001");

    private final ObjectStorage store;
    private final Path cache;

    public ModelFetcher(ObjectStorage store, Path cache) {
        this.store = store;
        this.cache = cache;
    }

    /** The spec pointing at a verified local copy; a local spec comes back unchanged. */
    public SegmentationModelSpec localise(SegmentationModelSpec spec) {
        if (!spec.remote()) {
            return spec;
        }
        String rest = spec.location().substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        Path target = cache.resolve(spec.name()).resolve(spec.sha256());
        if (Files.isRegularFile(target.resolve(spec.modelFile()))
                && ModelFiles.sha256(target.resolve(spec.modelFile())).equals(spec.sha256())) {
            LOG.info("model {} found in cache {}", spec.name(), target);
            return spec.at(target.toString());
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "fetch-");
            try {
                List<String> files = new ArrayList<>(List.of(spec.modelFile()));
                if (spec.engine() == ModelEngine.TENSORFLOW) {
                    TF_VARIABLES.stream().filter(f -> store.exists(bucket, key(prefix, f))).forEach(files::add);
                }
                for (String file : files) {
                    byte[] bytes = store.fetch(bucket, key(prefix, file), MAX_MODEL_BYTES).bytes();
                    Path out = staging.resolve(file);
                    Files.createDirectories(out.getParent());
                    Files.write(out, bytes);
                }
                String actual = ModelFiles.sha256(staging.resolve(spec.modelFile()));
                if (!actual.equals(spec.sha256())) {
                    throw new ModelChecksumException("s3://" + bucket + "/" + key(prefix, spec.modelFile())
                            + " has sha256 " + actual + " but model " + spec.name() + " is configured with "
                            + spec.sha256() + "; upload the right file or correct sha256");
                }
                deleteTree(target);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("model {} fetched from {} into {}", spec.name(), spec.location(), target);
                return spec.at(target.toString());
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model cache " + cache + " (set AUTOHAIR_MODEL_CACHE to a"
                    + " writable directory): " + e.getMessage(), e);
        }
    }

    private static String key(String prefix, String file) {
        return prefix.isEmpty() ? file : prefix + "/" + file;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
