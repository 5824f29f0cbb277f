package dev.autohair.pipeline.segmentation;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Segmenter} backed by a TensorFlow SavedModel (tag {@code serve}, signature
 * {@code serving_default}) run through DJL's TensorFlow engine. The whole batch goes through the
 * network in one forward pass; resizing in and out happens in plain Java around it.
 * Thread-safe: each call uses its own predictor and native memory scope.
 */
public final class SavedModelSegmenter implements Segmenter {

    private final ZooModel<NDList, NDList> model;
    private final SegmentationModelContract contract;
    private final String version;
    private final SegmentationPreprocessor preprocessor;
    private final SegmentationPostprocessor postprocessor;

    private SavedModelSegmenter(ZooModel<NDList, NDList> model, SegmentationModelContract contract, String version) {
        this.model = model;
        this.contract = contract;
        this.version = version;
        this.preprocessor = new SegmentationPreprocessor(contract);
        this.postprocessor = new SegmentationPostprocessor(contract);
    }

    /**
     * Loads the SavedModel in {@code modelDir}. Switches DJL to offline mode for the whole JVM
     * (system properties {@code ai.djl.offline} and {@code OPT_OUT_TRACKING}) so nothing is downloaded.
     */
    public static SavedModelSegmenter load(Path modelDir, SegmentationModelContract contract) {
        if (!Files.isRegularFile(modelDir.resolve("saved_model.pb"))) {
            throw new ModelNotInstalledException(modelDir.toAbsolutePath() + " holds no saved_model.pb;"
                    + " point it at a SavedModel directory (see models/selfie/README.md)");
        }
        DjlOffline.enforce();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(modelDir)
                .optEngine("TensorFlow")
                .optTranslator(new NoopTranslator())
                .build();
        try {
            return new SavedModelSegmenter(criteria.loadModel(), contract, digest(modelDir.resolve("saved_model.pb")));
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelLoadException("cannot load segmentation model " + modelDir.toAbsolutePath()
                    + " with DJL's TensorFlow engine: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Matte> segment(List<RgbImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        int n = images.size();
        float[] batch = preprocessor.toBatch(images);
        float[] output;
        Shape shape;
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray input = manager.create(batch, new Shape(n, contract.inputHeight(), contract.inputWidth(), 3));
            NDArray result = predictor.predict(new NDList(input)).get(0);
            shape = result.getShape();
            output = result.toFloatArray();
        } catch (TranslateException e) {
            throw new SegmentationFailedException("model " + contract.name() + " failed on a batch of " + n
                    + " images: " + e.getMessage(), e);
        }
        if (shape.dimension() != 4 || shape.get(0) != n || shape.get(3) != contract.outputChannels()) {
            throw new SegmentationFailedException("model " + contract.name() + " returned shape " + shape
                    + ", expected [" + n + ", h, w, " + contract.outputChannels() + "]; check its contract");
        }
        List<Matte> masks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            masks.add(postprocessor.toMatte(output, i, (int) shape.get(2), (int) shape.get(1), images.get(i)));
        }
        return masks;
    }

    @Override
    public String modelName() {
        return contract.name();
    }

    /** The first 12 hex digits of saved_model.pb's SHA-256: which weights ran, whatever the folder is called. */
    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public void close() {
        model.close();
    }

    private static String digest(Path file) throws IOException {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
