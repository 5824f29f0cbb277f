package dev.autohair.pipeline.matting.network;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.autohair.common.hash.Sha256;
import dev.autohair.pipeline.model.DjlOffline;
import dev.autohair.pipeline.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A TorchScript file run through DJL's PyTorch engine: planar float batches in, one alpha plane
 * per batch element out. Thread-safe: each call has its own predictor and native memory scope.
 */
final class TorchScriptModel implements AutoCloseable {

    private final ZooModel<NDList, NDList> model;
    private final MattingModelContract contract;
    private final String version;

    private TorchScriptModel(ZooModel<NDList, NDList> model, MattingModelContract contract, String version) {
        this.model = model;
        this.contract = contract;
        this.version = version;
    }

    static TorchScriptModel load(Path file, MattingModelContract contract) {
        if (!Files.isRegularFile(file)) {
            throw new MattingModelException(file.toAbsolutePath() + " is not a file; point it at a TorchScript .pt file"
                    + " (tools/dim/README.md says how to make one)");
        }
        DjlOffline.enforce();
        Path absolute = file.toAbsolutePath();
        String fileName = absolute.getFileName().toString();
        // A folder plus the model's name, so DJL does not treat the file as an archive to unpack.
        boolean pt = fileName.endsWith(".pt");
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(pt ? absolute.getParent() : absolute)
                .optModelName(pt ? fileName.substring(0, fileName.length() - 3) : null)
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .build();
        try {
            return new TorchScriptModel(criteria.loadModel(), contract, digest(file));
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new MattingModelException("cannot load matting model " + file.toAbsolutePath()
                    + " with DJL's PyTorch engine: " + e.getMessage(), e);
        }
    }

    MattingModelContract contract() {
        return contract;
    }

    /** The first 12 hex digits of the file's SHA-256: which weights ran, whatever the file is called. */
    String version() {
        return version;
    }

    /**
     * One forward pass over {@code n} planar inputs of the contract's channel count.
     *
     * @return n alpha planes of height x width, row-major, clamped to [0, 1]
     */
    float[] forward(float[] batch, int n, int height, int width) {
        int channels = contract.inputChannels();
        if (batch.length != n * channels * height * width) {
            throw new IllegalArgumentException("batch holds " + batch.length + " values, not " + n + "x" + channels + "x"
                    + height + "x" + width);
        }
        float[] alpha;
        Shape shape;
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray input = manager.create(batch, new Shape(n, channels, height, width));
            NDArray output = predictor.predict(new NDList(input)).get(0);
            shape = output.getShape();
            alpha = output.toType(DataType.FLOAT32, false).toFloatArray();
        } catch (TranslateException e) {
            throw new MattingModelException("matting model " + contract.name() + " failed on a batch of " + n + " "
                    + width + "x" + height + " inputs: " + e.getMessage(), e);
        }
        boolean planar = shape.dimension() == 3 || (shape.dimension() == 4 && shape.get(1) == 1);
        if (!planar || shape.get(0) != n || shape.get(shape.dimension() - 2) != height
                || shape.get(shape.dimension() - 1) != width) {
            throw new MattingModelException("matting model " + contract.name() + " returned shape " + shape + " for input ["
                    + n + ", " + channels + ", " + height + ", " + width + "]; expected [" + n + ", 1, " + height + ", "
                    + width + "]: check its contract");
        }
        for (int i = 0; i < alpha.length; i++) {
            float a = alpha[i];
            alpha[i] = a > 0 ? (a < 1 ? a : 1) : 0; // also maps NaN to 0
        }
        return alpha;
    }

    @Override
    public void close() {
        model.close();
    }

    private static String digest(Path file) throws IOException {
        return ModelFiles.version(Sha256.hex(file));
    }
}
