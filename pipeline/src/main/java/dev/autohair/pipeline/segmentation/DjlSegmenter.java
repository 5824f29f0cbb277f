package dev.autohair.pipeline.segmentation;

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
import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.model.DjlOffline;
import dev.autohair.pipeline.model.ModelFiles;
import dev.autohair.pipeline.model.ModelLoadException;
import dev.autohair.pipeline.model.ModelNotInstalledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Segmenter} for any model DJL can run (TensorFlow SavedModel, TorchScript, ONNX) as
 * described by a {@link SegmentationModelSpec}. Images that share a model input size go through
 * the network together, in passes bounded by the spec's {@link BatchLimits}; resizing and
 * normalisation happen in plain Java around the call (DJL's translator idea, kept apart).
 * Thread-safe: each call uses its own predictor and native memory scope.
 */
public final class DjlSegmenter implements Segmenter {

    private final ZooModel<NDList, NDList> model;
    private final SegmentationModelSpec spec;
    private final String version;
    private final SegmentationPreprocessor preprocessor;
    private final SegmentationPostprocessor postprocessor;

    private DjlSegmenter(ZooModel<NDList, NDList> model, SegmentationModelSpec spec, String version) {
        this.model = model;
        this.spec = spec;
        this.version = version;
        this.preprocessor = new SegmentationPreprocessor(spec.input());
        this.postprocessor = new SegmentationPostprocessor(spec.name(), spec.output());
    }

    /**
     * Loads the model from the spec's local directory, checking its sha256 when the spec gives one.
     * Switches DJL to offline mode for the whole JVM so nothing is downloaded.
     */
    public static DjlSegmenter load(SegmentationModelSpec spec) {
        if (spec.remote()) {
            throw new InvalidModelSpecException("model " + spec.name() + " lives at " + spec.location()
                    + "; fetch it into the local model cache first (the worker does this at start-up)");
        }
        Path dir = Path.of(spec.location()).toAbsolutePath().normalize();
        Path file = dir.resolve(spec.modelFile());
        if (!Files.isRegularFile(file)) {
            throw new ModelNotInstalledException(dir + " holds no " + spec.modelFile() + " for " + spec.engine()
                    + " model " + spec.name() + "; point location at the model's directory (see docs/MODELS.md)");
        }
        String sha256 = sha256(file);
        if (spec.sha256() != null) {
            ModelFiles.verify(file, sha256, spec.sha256(), "the configuration of model " + spec.name());
        }
        DjlOffline.enforce();
        Criteria.Builder<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(dir)
                .optEngine(spec.engine().djlName())
                .optTranslator(new NoopTranslator());
        if (spec.engine() != ModelEngine.TENSORFLOW) {
            String fileName = spec.modelFile();
            int dot = fileName.lastIndexOf('.');
            criteria.optModelName(dot > 0 ? fileName.substring(0, dot) : fileName);
        }
        try {
            return new DjlSegmenter(criteria.build().loadModel(), spec, ModelFiles.version(sha256));
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new ModelLoadException("cannot load segmentation model " + spec.name() + " from " + dir
                    + " with DJL's " + spec.engine().djlName() + " engine: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Matte> segment(List<RgbImage> images) {
        return segment(images, Collections.nCopies(images.size(), List.of()));
    }

    @Override
    public List<Matte> segment(List<RgbImage> images, List<List<SubjectClass>> subjects) {
        if (images.size() != subjects.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + subjects.size() + " subjects");
        }
        List<Set<Integer>> wanted = subjects.stream().map(s -> spec.output().subjectFor(s)).toList();
        Matte[] masks = new Matte[images.size()];
        for (List<Integer> pass : passes(images)) {
            List<RgbImage> batch = pass.stream().map(images::get).toList();
            List<Matte> out = run(batch, pass.stream().map(wanted::get).toList());
            for (int k = 0; k < pass.size(); k++) {
                masks[pass.get(k)] = out.get(k);
            }
        }
        return Arrays.asList(masks);
    }

    @Override
    public void checkSubject(List<SubjectClass> subject) {
        spec.output().subjectFor(subject);
    }

    /**
     * Indices of the images for each forward pass: same input size, at most maxImages, and at most
     * maxPixels of model input (a single image over the budget runs alone).
     */
    List<List<Integer>> passes(List<RgbImage> images) {
        Map<List<Integer>, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            int[] size = spec.input().sizeFor(images.get(i).width(), images.get(i).height());
            bySize.computeIfAbsent(List.of(size[0], size[1]), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> passes = new ArrayList<>();
        for (Map.Entry<List<Integer>, List<Integer>> group : bySize.entrySet()) {
            long pixels = (long) group.getKey().get(0) * group.getKey().get(1);
            List<Integer> current = new ArrayList<>();
            for (int index : group.getValue()) {
                boolean full = current.size() >= spec.batch().maxImages()
                        || (!current.isEmpty() && (current.size() + 1) * pixels > spec.batch().maxPixels());
                if (full) {
                    passes.add(current);
                    current = new ArrayList<>();
                }
                current.add(index);
            }
            passes.add(current);
        }
        return passes;
    }

    private List<Matte> run(List<RgbImage> images, List<Set<Integer>> subjects) {
        int n = images.size();
        int[] size = spec.input().sizeFor(images.get(0).width(), images.get(0).height());
        float[] output;
        Shape shape;
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray input = preprocessor.toInput(manager, images, size[0], size[1]);
            NDArray result = predictor.predict(new NDList(input)).get(0);
            shape = result.getShape();
            output = result.getDataType() == DataType.FLOAT32
                    ? result.toFloatArray() : result.toType(DataType.FLOAT32, false).toFloatArray();
        } catch (TranslateException | RuntimeException e) {
            throw new SegmentationFailedException("model " + spec.name() + " failed on a batch of " + n + " images at "
                    + size[0] + "x" + size[1] + ": " + e.getMessage(), e);
        }
        if (shape.dimension() < 3 || shape.get(0) != n) {
            throw new SegmentationFailedException("model " + spec.name() + " returned shape " + shape + " for a batch of "
                    + n + "; check its output contract (and batch.maxImages for a fixed-batch graph)");
        }
        List<Matte> masks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            masks.add(postprocessor.toMatte(output, shape, i, subjects.get(i), images.get(i)));
        }
        return masks;
    }

    /** Runs a blank image through the model (first-call allocations) and says how long it took. */
    @Override
    public Duration warmUp() {
        int side = spec.input().resize() == InputContract.Resize.STRETCH ? spec.input().width() : 64;
        long start = System.nanoTime();
        segment(new RgbImage(side, side, new float[side * side * 3]));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public SegmentationModelSpec spec() {
        return spec;
    }

    @Override
    public String modelName() {
        return spec.name();
    }

    /** The first 12 hex digits of the model file's SHA-256: which weights ran, whatever the folder is called. */
    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public void close() {
        model.close();
    }

    /** Full SHA-256 of a file in hex, streamed (model files can be large). */
    public static String sha256(Path file) {
        return ModelFiles.sha256(file);
    }
}
