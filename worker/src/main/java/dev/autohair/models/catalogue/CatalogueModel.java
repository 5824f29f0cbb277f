package dev.autohair.models.catalogue;

import dev.autohair.pipeline.segmentation.BatchLimits;
import dev.autohair.pipeline.segmentation.InputContract;
import dev.autohair.pipeline.segmentation.ModelEngine;
import dev.autohair.pipeline.segmentation.OutputContract;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A general segmentation model AutoHair knows how to fetch and run: where upstream publishes the
 * ONNX file, the checksum upstream pins for it, its licence, and its input/output contract.
 *
 * @param name        the catalogue name, also what {@code AUTOHAIR_SEGMENTATION_MODEL} and {@code --model} take
 * @param description one line for {@code models list}
 * @param url         where the file is downloaded from
 * @param md5         the file's MD5 in hex, as upstream publishes it
 * @param licence     the weights' licence (SPDX id) and where it is stated
 * @param project     the project the weights come from
 */
public record CatalogueModel(String name, String description, URI url, String md5, String licence, URI project,
        InputContract input, OutputContract output, BatchLimits batch) {

    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    public CatalogueModel {
        md5 = md5.toLowerCase(Locale.ROOT);
        if (!MD5.matcher(md5).matches()) {
            throw new IllegalArgumentException("md5 of " + name + " must be 32 hex digits, got " + md5);
        }
    }

    /** The file's name in the cache; rembg names its copies the same way, so its cache can be reused. */
    public String fileName() {
        return name + ".onnx";
    }

    /** The spec that runs the model from {@code directory}, which holds {@link #fileName()}. */
    public SegmentationModelSpec spec(Path directory) {
        return new SegmentationModelSpec(name, ModelEngine.ONNX, directory.toString(), fileName(), null, input, output,
                batch);
    }

    /** The same model fetched from elsewhere and pinned to another checksum (a mirror, or a test fixture). */
    public CatalogueModel from(URI otherUrl, String otherMd5) {
        return new CatalogueModel(name, description, otherUrl, otherMd5, licence, project, input, output, batch);
    }
}
