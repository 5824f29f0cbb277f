package dev.autohair;

import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.RgbImage;
import dev.autohair.config.MattingConfig;
import dev.autohair.config.WorkerConfig;
import dev.autohair.models.catalogue.InstalledModels;
import dev.autohair.models.catalogue.ModelCatalogue;
import dev.autohair.monitoring.Health;
import dev.autohair.monitoring.MonitoringServer;
import dev.autohair.monitoring.PrometheusWorkerMetrics;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutRequest;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.network.InferenceMode;
import dev.autohair.pipeline.matting.network.MattingModelContract;
import dev.autohair.pipeline.matting.network.NetworkMatting;
import dev.autohair.pipeline.matting.network.TrimapFreeMatting;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.pipeline.segmentation.DjlSegmenter;
import dev.autohair.pipeline.segmentation.GpuRequirement;
import dev.autohair.pipeline.segmentation.ModelLocation;
import dev.autohair.pipeline.segmentation.ModelNotInstalledException;
import dev.autohair.pipeline.segmentation.SegmentationModelFile;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.storage.ModelFetcher;
import dev.autohair.storage.ObjectStore;
import dev.autohair.worker.KafkaClients;
import dev.autohair.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

    /** {@link #pipeline(Supplier, MattingConfig, int)} with a local model folder, or the shipped model when null. */
    public static CutoutPipeline cutoutPipeline(Path segmentationModel, MattingConfig matting, int maxBatch) {
        return pipeline(() -> loadWarm(segmentationSpec(Optional.ofNullable(segmentationModel))), matting, maxBatch);
    }

    /**
     * The pipeline a matting configuration asks for: closed-form or a TorchScript matting network
     * after {@code segmenter}, or a trimap-free network in the segmenter's place (then {@code
     * segmenter} supplies nothing and is not asked for). Forward passes take up to {@code maxBatch}
     * images or tiles.
     */
    private static CutoutPipeline pipeline(Supplier<Segmenter> segmenter, MattingConfig matting, int maxBatch) {
        return switch (matting.mode()) {
            case CLOSED_FORM -> withSegmenter(segmenter.get());
            case NETWORK -> new CutoutPipeline(segmenter.get(),
                    NetworkMatting.load(matting.model().orElseThrow(), MattingModelContract.DEEP_IMAGE_MATTING,
                            matting.inference(), maxBatch),
                    new MultiLevelForegroundEstimation());
            case TRIMAP_FREE -> CutoutPipeline.trimapFree(
                    TrimapFreeMatting.load(matting.model().orElseThrow(), MattingModelContract.TRIMAP_FREE,
                            ((InferenceMode.WholeImage) matting.inference()).maxSide(), maxBatch),
                    matting(), new MultiLevelForegroundEstimation());
        };
    }

    /** {@link #segmentationSpec(Optional, Supplier)} with the model cache {@code AUTOHAIR_MODEL_CACHE} names. */
    public static SegmentationModelSpec segmentationSpec(Optional<Path> configured) {
        return segmentationSpec(configured, () -> WorkerConfig.modelsFromEnvironment().cache());
    }

    /**
     * What {@code AUTOHAIR_SEGMENTATION_MODEL} names: nothing (the shipped selfie model), a
     * SavedModel folder with the selfie contract, a JSON model file describing any model, or the
     * name of a catalogue model installed in {@code cache} ({@code autohair models install}).
     */
    public static SegmentationModelSpec segmentationSpec(Optional<Path> configured, Supplier<Path> cache) {
        if (configured.isEmpty()) {
            return SelfieSegmentation.spec(ModelLocation.resolve(SelfieSegmentation.MODEL_NAME));
        }
        Path path = configured.get();
        if (!Files.exists(path) && ModelCatalogue.REMBG.find(path.toString()).isPresent()) {
            return new InstalledModels(ModelCatalogue.REMBG, cache.get()).spec(path.toString());
        }
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("saved_model.pb"))) {
                throw new ModelNotInstalledException(path.toAbsolutePath() + " holds no saved_model.pb; name a"
                        + " SavedModel folder with the selfie contract or a JSON model file (docs/MODELS.md)");
            }
            return SelfieSegmentation.spec(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelNotInstalledException(path.toAbsolutePath() + " does not exist; "
                    + WorkerConfig.SEGMENTATION_MODEL + " names a SavedModel folder, a JSON model file or one of "
                    + ModelCatalogue.REMBG.models().stream().map(m -> m.name()).toList());
        }
        return SegmentationModelFile.read(path);
    }

    /**
     * The configured segmentation model, fetched into the cache when it lives in object storage,
     * checked against a required GPU, loaded and warmed up.
     */
    public static DjlSegmenter segmenter(WorkerConfig config, ObjectStore store) {
        SegmentationModelSpec spec = segmentationSpec(config.models().segmentationModel(), config.models()::cache);
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
     * A worker from its configuration: the monitoring endpoint (first, so probes get answers while
     * the models load), the pipeline (models loaded and warmed up), object storage and Kafka
     * clients. The caller runs it and closes it.
     */
    public static Running worker(WorkerConfig config) {
        PrometheusWorkerMetrics metrics = new PrometheusWorkerMetrics();
        Health health = new Health();
        MonitoringServer monitoring = MonitoringServer.start(config.httpPort(), metrics, health);
        ObjectStore store = null;
        try {
            store = new ObjectStore(config.storage());
            ObjectStore models = store;
            long start = System.nanoTime();
            CutoutPipeline pipeline = pipeline(() -> segmenter(config, models), config.matting(),
                    config.batching().maxSize());
            Duration load = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            warmUp(pipeline);
            metrics.modelLoaded(pipeline.segmentationModel(), load, Duration.ofNanos(System.nanoTime() - start));
            health.modelsWarm();

            KafkaProducer<String, byte[]> producer = KafkaClients.producer(config);
            KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(config);
            Worker worker = new Worker(config, pipeline, store, consumer, producer, new MessageCodec(), metrics);
            metrics.watch(worker);
            metrics.watchConsumer(consumer::metrics);
            health.watch(worker);
            return new Running(worker, pipeline, store, producer, monitoring);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            monitoring.close();
            throw e;
        }
    }

    /**
     * One forward pass over a small blank image, so the first real batch does not pay for the
     * engine's lazy initialisation (graph optimisation, memory pools, GPU kernels); and one PNG
     * round trip, so the first job does not pay for loading OpenCV's natives (~2 s).
     */
    static void warmUp(CutoutPipeline pipeline) {
        pipeline.segment(List.of(new CutoutRequest(RgbImage.blank(64, 64), new Guide.Segment(new AutomaticTrimap()))));
        new ImageDecoder(ImageLimits.DEFAULT).decode(new ImageEncoder().encodeOpaque(RgbImage.blank(8, 8), OutputFormat.PNG));
    }

    /** A worker and what it owns, closed together. */
    public record Running(Worker worker, CutoutPipeline pipeline, ObjectStore store, KafkaProducer<String, byte[]> producer,
            MonitoringServer monitoring) implements AutoCloseable {

        @Override
        public void close() {
            monitoring.close();
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
