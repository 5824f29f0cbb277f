package dev.autohair;

import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.segmentation.DjlSegmenter;
import dev.autohair.pipeline.segmentation.GpuRequirement;
import dev.autohair.pipeline.segmentation.ModelLocation;
import dev.autohair.pipeline.segmentation.ModelNotInstalledException;
import dev.autohair.pipeline.segmentation.SegmentationModelFile;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.config.WorkerConfig;
import dev.autohair.storage.ModelFetcher;
import dev.autohair.storage.ObjectStore;
import dev.autohair.worker.KafkaClients;
import dev.autohair.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where AutoHair's parts are chosen and wired together. */
public final class Assembly {

    private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);

    private Assembly() {
    }

    /**
     * The full pipeline with the selfie-contract segmentation model in {@code modelDir}, or the
     * shipped MediaPipe Selfie Segmentation when null.
     */
    public static CutoutPipeline cutoutPipeline(Path modelDir) {
        return withSegmenter(loadWarm(segmentationSpec(Optional.ofNullable(modelDir))));
    }

    /**
     * What {@code AUTOHAIR_SEGMENTATION_MODEL} names: nothing (the shipped selfie model), a
     * SavedModel folder with the selfie contract, or a JSON model file describing any model.
     */
    public static SegmentationModelSpec segmentationSpec(Optional<Path> configured) {
        if (configured.isEmpty()) {
            return SelfieSegmentation.spec(ModelLocation.resolve(SelfieSegmentation.MODEL_NAME));
        }
        Path path = configured.get();
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("saved_model.pb"))) {
                throw new ModelNotInstalledException(path.toAbsolutePath() + " holds no saved_model.pb; name a"
                        + " SavedModel folder with the selfie contract or a JSON model file (docs/MODELS.md)");
            }
            return SelfieSegmentation.spec(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelNotInstalledException(path.toAbsolutePath() + " does not exist; "
                    + WorkerConfig.SEGMENTATION_MODEL + " names a SavedModel folder or a JSON model file");
        }
        return SegmentationModelFile.read(path);
    }

    /**
     * The configured segmentation model, fetched into the cache when it lives in object storage,
     * checked against a required GPU, loaded and warmed up.
     */
    public static DjlSegmenter segmenter(WorkerConfig config, ObjectStore store) {
        SegmentationModelSpec spec = segmentationSpec(config.models().segmentationModel());
        requireGpu(config.models(), spec);
        return loadWarm(new ModelFetcher(store, config.models().cache()).localise(spec));
    }

    /** With {@code AUTOHAIR_REQUIRE_GPU=true}: fails unless the model's engine sees a GPU. */
    public static void requireGpu(WorkerConfig.Models config, SegmentationModelSpec spec) {
        if (config.requireGpu()) {
            int gpus = GpuRequirement.require(spec.engine(), WorkerConfig.REQUIRE_GPU + "=true");
            LOG.info("{} sees {} GPU(s) for model {}", spec.engine().djlName(), gpus, spec.name());
        }
    }

    private static DjlSegmenter loadWarm(SegmentationModelSpec spec) {
        DjlSegmenter segmenter = DjlSegmenter.load(spec);
        try {
            Duration warmUp = segmenter.warmUp();
            LOG.info("segmentation model {} {} loaded; warm-up {} ms", segmenter.modelName(), segmenter.modelVersion(),
                    warmUp.toMillis());
            return segmenter;
        } catch (RuntimeException e) {
            segmenter.close();
            throw e;
        }
    }

    /** For runs guided by a given mask or trimap: no model is loaded. */
    public static CutoutPipeline cutoutPipelineWithoutModel() {
        return withSegmenter(Segmenter.unavailable("this run was given masks or trimaps"));
    }

    /**
     * A worker from its configuration: the pipeline (models loaded and warmed up), object storage
     * and Kafka clients. The caller runs it and closes it.
     */
    public static Running worker(WorkerConfig config) {
        ObjectStore store = new ObjectStore(config.storage());
        CutoutPipeline pipeline;
        try {
            pipeline = withSegmenter(segmenter(config, store));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(config);
        Worker worker = new Worker(config, pipeline, store, KafkaClients.consumer(config), producer, new MessageCodec());
        return new Running(worker, pipeline, store, producer);
    }

    /** A worker and what it owns, closed together. */
    public record Running(Worker worker, CutoutPipeline pipeline, ObjectStore store, KafkaProducer<String, byte[]> producer)
            implements AutoCloseable {

        @Override
        public void close() {
            worker.close();
            producer.close(Duration.ofSeconds(10));
            store.close();
            pipeline.close();
        }
    }

    public static AlphaMatting matting() {
        return new ClosedFormMatting();
    }

    /** The sample photos of the installation (the launcher passes its root as {@code autohair.home}). */
    public static Path samplesDirectory() {
        return Path.of(System.getProperty("autohair.home", ".")).resolve("samples");
    }

    private static CutoutPipeline withSegmenter(Segmenter segmenter) {
        return new CutoutPipeline(segmenter, matting(), new MultiLevelForegroundEstimation());
    }
}
