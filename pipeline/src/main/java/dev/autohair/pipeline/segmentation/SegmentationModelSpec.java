package dev.autohair.pipeline.segmentation;

import java.util.regex.Pattern;

/**
 * Everything AutoHair needs to run a segmentation model: which engine, where the files are, what
 * goes in, what comes out, and how much one forward pass may take.
 *
 * @param name      reported with every result (with the model file's checksum)
 * @param location  a local directory, or {@code s3://bucket/prefix} fetched once into a local cache
 * @param modelFile the model file inside the directory; null for the engine's default
 * @param sha256    the model file's full SHA-256 in hex; required for {@code s3://} locations,
 *                  checked at load time when given
 */
public record SegmentationModelSpec(String name, ModelEngine engine, String location, String modelFile, String sha256,
        InputContract input, OutputContract output, BatchLimits batch) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SegmentationModelSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidModelSpecException("name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (engine == null) {
            throw new InvalidModelSpecException("engine is required: tensorflow, pytorch or onnx");
        }
        if (location == null || location.isBlank()) {
            throw new InvalidModelSpecException("location is required: a directory or s3://bucket/prefix");
        }
        if (modelFile == null || modelFile.isBlank()) {
            modelFile = engine.defaultFile();
        }
        if (modelFile.contains("/") || modelFile.contains("\\")) {
            throw new InvalidModelSpecException("modelFile '" + modelFile + "' must be a file name inside the model"
                    + " directory, not a path");
        }
        if (engine == ModelEngine.TENSORFLOW && !modelFile.equals("saved_model.pb")) {
            throw new InvalidModelSpecException("a TensorFlow model is a SavedModel directory: modelFile must be"
                    + " saved_model.pb, got " + modelFile + " (convert frozen graphs with"
                    + " 'autohair models import-frozen-graph')");
        }
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
            if (!SHA256.matcher(sha256).matches()) {
                throw new InvalidModelSpecException("sha256 must be 64 hex digits (sha256sum " + modelFile + "), got '"
                        + sha256 + "'");
            }
        }
        if (isRemote(location) && sha256 == null) {
            throw new InvalidModelSpecException("location " + location + " is fetched from object storage: give"
                    + " sha256 of " + modelFile + " so a changed or truncated download is refused");
        }
        if (input == null || output == null) {
            throw new InvalidModelSpecException("input and output contracts are required");
        }
        batch = batch == null ? BatchLimits.DEFAULT : batch;
    }

    public boolean remote() {
        return isRemote(location);
    }

    private static boolean isRemote(String location) {
        return location != null && location.startsWith("s3://");
    }

    /** The same model read from {@code directory} (for example its local cache copy). */
    public SegmentationModelSpec at(String directory) {
        return new SegmentationModelSpec(name, engine, directory, modelFile, sha256, input, output, batch);
    }
}
