package dev.autohair.models.catalogue;

import dev.autohair.pipeline.model.ModelNotInstalledException;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where installed catalogue models live in the model cache: {@code
 * <cache>/catalogue/<name>/<md5>/<name>.onnx}. A file only ever appears there after its checksum
 * matched, so being there means installed; the md5 in the path keeps a file from an older
 * catalogue entry from passing for a newer one.
 */
public final class InstalledModels {

    private final ModelCatalogue catalogue;
    private final Path cache;

    public InstalledModels(ModelCatalogue catalogue, Path cache) {
        this.catalogue = catalogue;
        this.cache = cache;
    }

    public ModelCatalogue catalogue() {
        return catalogue;
    }

    public Path cache() {
        return cache;
    }

    public Path directory(CatalogueModel model) {
        return cache.resolve("catalogue").resolve(model.name()).resolve(model.md5());
    }

    public Path file(CatalogueModel model) {
        return directory(model).resolve(model.fileName());
    }

    public Optional<Path> installed(CatalogueModel model) {
        Path file = file(model);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The spec of an installed catalogue model, with the catalogue's contract. */
    public SegmentationModelSpec spec(String name) {
        CatalogueModel model = catalogue.require(name);
        if (installed(model).isEmpty()) {
            throw new ModelNotInstalledException("model " + name + " is not installed in the model cache " + cache
                    + " (looked for " + file(model) + "); run: ./autohair models install " + name);
        }
        return model.spec(directory(model));
    }
}
