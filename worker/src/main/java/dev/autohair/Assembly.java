package dev.autohair;

import dev.autohair.common.contract.MessageCodec;
import dev.autohair.config.MattingConfig;
import dev.autohair.config.WorkerConfig;
import dev.autohair.models.catalogue.InstalledModels;
import dev.autohair.models.catalogue.ModelCatalogue;
import dev.autohair.monitoring.Health;
import dev.autohair.monitoring.MonitoringServer;
import dev.autohair.monitoring.PrometheusWorkerMetrics;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.matting.MattingStrategy;
import dev.autohair.pipeline.matting.TrimapMatting;
import dev.autohair.pipeline.matting.flow.InformationFlowMatting;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.network.InferenceMode;
import dev.autohair.pipeline.matting.network.MattingModelContract;
import dev.autohair.pipeline.matting.network.NetworkMatting;
import dev.autohair.pipeline.matting.network.TrimapFreeMatting;
import dev.autohair.pipeline.model.GpuRequirement;
import dev.autohair.pipeline.model.ModelLocation;
import dev.autohair.pipeline.model.ModelNotInstalledException;
import dev.autohair.pipeline.segmentation.DjlSegmenter;
import dev.autohair.pipeline.segmentation.SegmentationModelFile;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import dev.autohair.pipeline.segmentation.Segmentation;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.pipeline.segmentation.routing.SubjectRouting;
import dev.autohair.storage.ModelFetcher;
import dev.autohair.storage.ObjectStorage;
import dev.autohair.storage.ObjectStore;
import dev.autohair.worker.KafkaClients;
import dev.autohair.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** The shipped selfie model (or the SavedModel in {@code modelDir}) and closed-form matting. */
    public static CutoutPipeline cutoutPipeline(Path modelDir) {
        return localPipeline(Optional.ofNullable(modelDir), Optional.empty(), MattingConfig.DEFAULT,
                NetworkMatting.DEFAULT_MAX_BATCH);
    }

    /** For runs guided by given masks or trimaps: closed-form matting, no model loaded. */
    public static CutoutPipeline cutoutPipelineWithoutModel() {
        return maskGuidedPipeline(MattingConfig.DEFAULT, NetworkMatting.DEFAULT_MAX_BATCH);
    }

    /**
     * The command line's pipeline: the matting the configuration asks for, after segmentation
     * routed per subject (a local or the shipped portrait model, an optional general model, the
     * product segmenter) when that matting takes a trimap. Forward passes take up to {@code
     * maxBatch} images or tiles. Nothing is warmed up yet ({@link CutoutPipeline#warmUp}).
     */
    public static CutoutPipeline localPipeline(Optional<Path> portraitModel, Optional<Path> objectModel,
            MattingConfig matting, int maxBatch) {
        return pipeline(() -> routing(() -> DjlSegmenter.load(segmentationSpec(portraitModel)),
                objectModel.map(named -> () -> DjlSegmenter.load(segmentationSpec(Optional.of(named))))),
                matting, maxBatch, ImageLimits.DEFAULT);
    }

    /** Like {@link #localPipeline} for runs whose masks or trimaps are given: no segmentation model. */
    public static CutoutPipeline maskGuidedPipeline(MattingConfig matting, int maxBatch) {
        return pipeline(() -> Segmentation.single(Segmenter.unavailable("this run was given masks or trimaps")), matting,
                maxBatch, ImageLimits.DEFAULT);
    }

    /**
     * The matting the configuration asks for, and the segmenter (asked for only when that matting
     * takes a trimap).
     */
    private static CutoutPipeline pipeline(Supplier<Segmentation> segmenter, MattingConfig config, int maxBatch,
            ImageLimits limits) {
        MattingStrategy matting = matting(config, maxBatch);
        try {
            Segmentation segmentation = matting.takesTrimap() ? segmenter.get() : Segmentation.single(
                    Segmenter.unavailable(config.mode().wireName() + " matting predicts alpha from the photo alone"));
            return new CutoutPipeline(segmentation, matting, new MultiLevelForegroundEstimation(), limits);
        } catch (RuntimeException e) {
            matting.close();
            throw e;
        }
    }

    /** The matting strategy of a configuration: closed-form, a matting network over the trimap, or a trimap-free network. */
    public static MattingStrategy matting(MattingConfig config, int maxBatch) {
        return switch (config.mode()) {
            case CLOSED_FORM, INFORMATION_FLOW -> new TrimapMatting(weightsFreeMatting(config.mode()));
            case NETWORK -> NetworkMatting.load(config.model().orElseThrow(), MattingModelContract.DEEP_IMAGE_MATTING,
                    config.inference(), maxBatch);
            case TRIMAP_FREE -> TrimapFreeMatting.load(config.model().orElseThrow(), MattingModelContract.TRIMAP_FREE,
                    ((InferenceMode.WholeImage) config.inference()).maxSide(), maxBatch);
        };
    }

    /** The weights-free matting of a mode: closed-form or information-flow. */
    public static AlphaMatting weightsFreeMatting(MattingConfig.Mode mode) {
        return switch (mode) {
            case CLOSED_FORM -> new ClosedFormMatting();
            case INFORMATION_FLOW -> new InformationFlowMatting();
            case NETWORK, TRIMAP_FREE -> throw new IllegalArgumentException(mode.wireName() + " needs a model file");
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

    /** The portrait model and, when one is configured, the general model, routed per job's subject. */
    private static Segmentation routing(Supplier<Segmenter> portrait, Optional<Supplier<Segmenter>> general) {
        Segmenter person = portrait.get();
        try {
            return new SubjectRouting(person, general.map(Supplier::get));
        } catch (RuntimeException e) { // the general model failed to load: do not leak the portrait model
            person.close();
            throw e;
        }
    }

    /** The worker's segmentation: its portrait model and optional general model, routed per subject. */
    public static Segmentation segmentation(WorkerConfig config, ObjectStorage store) {
        return routing(() -> segmenter(config.models().segmentationModel(), config.models(), store),
                config.models().objectModel().map(named -> () -> segmenter(Optional.of(named), config.models(), store)));
    }

    /**
     * A configured segmentation model, fetched into the cache when it lives in object storage,
     * checked against a required GPU and loaded.
     *
     * @throws ModelNotInstalledException naming the command that installs it
     */
    public static DjlSegmenter segmenter(Optional<Path> named, WorkerConfig.Models models, ObjectStorage store) {
        SegmentationModelSpec spec = segmentationSpec(named, models::cache);
        requireGpu(models, spec);
        return DjlSegmenter.load(new ModelFetcher(store, models.cache()).localise(spec));
    }

    /** With {@code AUTOHAIR_REQUIRE_GPU=true}: fails unless the model's engine sees a GPU. */
    public static void requireGpu(WorkerConfig.Models config, SegmentationModelSpec spec) {
        if (config.requireGpu()) {
            int gpus = GpuRequirement.require(spec.engine().djlName(), WorkerConfig.REQUIRE_GPU + "=true");
            LOG.info("{} sees {} GPU(s) for model {}", spec.engine().djlName(), gpus, spec.name());
        }
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
            CutoutPipeline pipeline = pipeline(() -> segmentation(config, models), config.matting(),
                    config.batching().maxSize(), config.imageLimits());
            Duration load = Duration.ofNanos(System.nanoTime() - start);
            Duration warmUp = pipeline.warmUp();
            LOG.info("models {} loaded in {} ms, warmed up in {} ms", pipeline.models(), load.toMillis(), warmUp.toMillis());
            metrics.modelLoaded(pipeline.models().get(0).name(), load, warmUp);
            health.modelsWarm();

            KafkaClients.verifyAccess(config); // wrong credentials or protocol fail here, not in the first poll
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

    /** The sample photos of the installation (the launcher passes its root as {@code autohair.home}). */
    public static Path samplesDirectory() {
        return Path.of(System.getProperty("autohair.home", ".")).resolve("samples");
    }
}
