package dev.autohair.monitoring;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.JobState;
import dev.autohair.worker.Worker;
import dev.autohair.worker.WorkerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The worker's metrics in a Prometheus registry; {@link #scrape()} is what {@code /metrics} serves.
 * Names (Prometheus form): {@code autohair_jobs_total{outcome,error}},
 * {@code autohair_jobs_retried_total{error}}, {@code autohair_stage_duration_seconds{stage}},
 * {@code autohair_batch_size}, {@code autohair_batch_duration_seconds},
 * {@code autohair_jobs_in_flight}, {@code autohair_partitions_assigned},
 * {@code autohair_storage_available} (1 or 0), {@code autohair_jobs_waiting_for_storage},
 * {@code autohair_consumer_lag_records}, {@code autohair_consumer_lag_max_records},
 * {@code autohair_model_load_duration_seconds{model}}, {@code autohair_model_warmup_duration_seconds{model}},
 * plus the JVM's memory, threads, CPU and uptime.
 */
public final class PrometheusWorkerMetrics implements WorkerMetrics {

    /** Per-partition lag that the consumer itself measures at each fetch (KIP-92). */
    private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<JobStage, Timer> stages = new EnumMap<>(JobStage.class);
    private final DistributionSummary batchSizes;
    private final Timer batchDurations;

    public PrometheusWorkerMetrics() {
        // Registered up front so dashboards and alerts see zeros, not gaps, before the first job.
        for (JobStage stage : JobStage.values()) {
            stages.put(stage, Timer.builder("autohair.stage.duration")
                    .description("time one job spent in a pipeline stage (segment: its batch's forward pass)")
                    .tag("stage", stage.wireName())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(2))
                    .register(registry));
        }
        jobs(JobState.SUCCEEDED, null);
        batchSizes = DistributionSummary.builder("autohair.batch.size")
                .description("jobs per segmentation forward pass")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(registry);
        batchDurations = Timer.builder("autohair.batch.duration")
                .description("one segmentation forward pass over a micro-batch")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void jobEnded(JobState state, ErrorCode error, Map<JobStage, Long> timingsMs) {
        jobs(state, error).increment();
        timingsMs.forEach((stage, ms) -> stages.get(stage).record(ms, TimeUnit.MILLISECONDS));
    }

    @Override
    public void jobRetried(ErrorCode error) {
        Counter.builder("autohair.jobs.retried")
                .description("attempts that failed transiently and were retried")
                .tag("error", error.name())
                .register(registry)
                .increment();
    }

    @Override
    public void batch(int size, long nanos) {
        batchSizes.record(size);
        batchDurations.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** In-flight jobs and assigned partitions, read from the worker at each scrape. */
    public void watch(Worker worker) {
        Gauge.builder("autohair.jobs.in.flight", worker, Worker::inFlight)
                .description("jobs taken from Kafka and not yet finished")
                .register(registry);
        Gauge.builder("autohair.partitions.assigned", worker, Worker::assignedPartitions)
                .description("jobs-topic partitions this worker holds")
                .register(registry);
        Gauge.builder("autohair.storage.available", worker, w -> w.storageAvailable() ? 1 : 0)
                .description("1 while object storage answers, 0 during an outage (jobs held, partitions paused)")
                .register(registry);
        Gauge.builder("autohair.jobs.waiting.for.storage", worker, Worker::jobsWaitingForStorage)
                .description("jobs held, not failed, until object storage answers again")
                .register(registry);
    }

    /**
     * Consumer lag as the consumer measures it at each fetch: the sum over this worker's partitions,
     * and the largest. (KEDA measures the group's lag on the broker; these are for dashboards.)
     */
    public void watchConsumer(Supplier<Map<MetricName, ? extends Metric>> consumerMetrics) {
        Gauge.builder("autohair.consumer.lag", consumerMetrics, m -> lag(m.get()))
                .description("records behind the end of this worker's partitions, summed")
                .baseUnit("records")
                .strongReference(true) // gauges hold their object weakly; nothing else holds this supplier
                .register(registry);
        Gauge.builder("autohair.consumer.lag.max", consumerMetrics, m -> value(m.get(), "records-lag-max"))
                .description("the consumer's largest partition lag in its metrics window")
                .baseUnit("records")
                .strongReference(true) // gauges hold their object weakly; nothing else holds this supplier
                .register(registry);
    }

    /** How long the segmentation model took to load and to warm up (one batch of a blank image). */
    public void modelLoaded(String model, Duration load, Duration warmUp) {
        TimeGauge.builder("autohair.model.load.duration", load, TimeUnit.NANOSECONDS, Duration::toNanos)
                .description("time to load the model")
                .tag("model", model)
                .strongReference(true)
                .register(registry);
        TimeGauge.builder("autohair.model.warmup.duration", warmUp, TimeUnit.NANOSECONDS, Duration::toNanos)
                .description("time of the warm-up forward pass at start-up")
                .tag("model", model)
                .strongReference(true)
                .register(registry);
    }

    /** Prometheus text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter jobs(JobState state, ErrorCode error) {
        return Counter.builder("autohair.jobs")
                .description("jobs that ended, by outcome (succeeded, failed, dead_lettered) and error code")
                .tag("outcome", state.name().toLowerCase(Locale.ROOT))
                .tag("error", error == null ? "none" : error.name())
                .register(registry);
    }

    private static double lag(Map<MetricName, ? extends Metric> metrics) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            // Per-partition lag carries a partition tag; the client-wide records-lag-max has none.
            if (name.group().equals(FETCH_GROUP) && name.name().equals("records-lag")
                    && name.tags().containsKey("partition")) {
                sum += number(entry.getValue());
            }
        }
        return sum;
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String metric) {
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (name.group().equals(FETCH_GROUP) && name.name().equals(metric) && !name.tags().containsKey("topic")) {
                return number(entry.getValue());
            }
        }
        return 0;
    }

    /** Kafka reports NaN (or -Infinity for max) before a fetch has measured anything: count that as 0. */
    private static double number(Metric metric) {
        Object value = metric.metricValue();
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        return 0;
    }
}
