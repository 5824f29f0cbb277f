package dev.autohair;

import dev.autohair.common.image.RgbImage;
import dev.autohair.monitoring.Health;
import dev.autohair.monitoring.MonitoringServer;
import dev.autohair.monitoring.PrometheusWorkerMetrics;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutRequest;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.network.InferenceMode;
import dev.autohair.pipeline.matting.network.MattingModelContract;
import dev.autohair.pipeline.matting.network.NetworkMatting;
import dev.autohair.pipeline.matting.network.TrimapFreeMatting;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.config.MattingConfig;
import dev.autohair.config.WorkerConfig;
import dev.autohair.storage.ObjectStore;
import dev.autohair.worker.KafkaClients;
import dev.autohair.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/** The one place where AutoHair's parts are chosen and wired together. */
public final class Assembly {

    private Assembly() {
    }

    /**
     * The full pipeline with the selfie-contract segmentation model in {@code modelDir}, or the
     * shipped MediaPipe Selfie Segmentation when null.
     */
    public static CutoutPipeline cutoutPipeline(Path modelDir) {
        return withSegmenter(segmenter(modelDir));
    }

    private static Segmenter segmenter(Path modelDir) {
        return modelDir != null ? SelfieSegmentation.load(modelDir) : SelfieSegmentation.loadDefault();
    }

    /**
     * The pipeline a matting configuration asks for: closed-form or a TorchScript matting network
     * after segmentation, or a trimap-free network in the segmenter's place. Forward passes take
     * up to {@code maxBatch} images or tiles.
     */
    public static CutoutPipeline cutoutPipeline(Path segmentationModel, MattingConfig matting, int maxBatch) {
        return switch (matting.mode()) {
            case CLOSED_FORM -> cutoutPipeline(segmentationModel);
            case NETWORK -> new CutoutPipeline(segmenter(segmentationModel),
                    NetworkMatting.load(matting.model().orElseThrow(), MattingModelContract.DEEP_IMAGE_MATTING,
                            matting.inference(), maxBatch),
                    new MultiLevelForegroundEstimation());
            case TRIMAP_FREE -> CutoutPipeline.trimapFree(
                    TrimapFreeMatting.load(matting.model().orElseThrow(), MattingModelContract.TRIMAP_FREE,
                            ((InferenceMode.WholeImage) matting.inference()).maxSide(), maxBatch),
                    matting(), new MultiLevelForegroundEstimation());
        };
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
        try {
            long start = System.nanoTime();
            CutoutPipeline pipeline = cutoutPipeline(config.segmentationModel().orElse(null), config.matting(),
                    config.batching().maxSize());
            Duration load = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            warmUp(pipeline);
            metrics.modelLoaded(pipeline.segmentationModel(), load, Duration.ofNanos(System.nanoTime() - start));
            health.modelsWarm();

            ObjectStore store = new ObjectStore(config.storage());
            KafkaProducer<String, byte[]> producer = KafkaClients.producer(config);
            KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(config);
            Worker worker = new Worker(config, pipeline, store, consumer, producer, new MessageCodec(), metrics);
            metrics.watch(worker);
            metrics.watchConsumer(consumer::metrics);
            health.watch(worker);
            return new Running(worker, pipeline, store, producer, monitoring);
        } catch (RuntimeException e) {
            monitoring.close();
            throw e;
        }
    }

    /**
     * One forward pass over a small blank image, so the first real batch does not pay for the
     * engine's lazy initialisation (graph optimisation, memory pools, GPU kernels).
     */
    static void warmUp(CutoutPipeline pipeline) {
        pipeline.segment(List.of(new CutoutRequest(RgbImage.blank(64, 64), new Guide.Segment(new AutomaticTrimap()))));
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
