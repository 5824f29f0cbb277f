package dev.autohair.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Value;
import org.junit.jupiter.api.Test;

/** Lag is read from metrics shaped as the Kafka consumer registers them, in Kafka's own metrics registry. */
class ConsumerLagMetricsTest {

    @Test
    void lagSumsThePartitionsAndReportsTheMaximum() {
        try (Metrics kafka = new Metrics()) {
            PrometheusWorkerMetrics metrics = new PrometheusWorkerMetrics();
            metrics.watchConsumer(kafka::metrics);
            assertThat(Scrape.of(metrics.scrape()).value("autohair_consumer_lag_records")).as("no fetch yet").isEqualTo(0.0);

            partitionLag(kafka, 0).record(7);
            partitionLag(kafka, 1).record(5);
            Sensor max = kafka.sensor("records-lag-max");
            max.add(kafka.metricName("records-lag-max", "consumer-fetch-manager-metrics"), new Max());
            max.record(7);

            Scrape scrape = Scrape.of(metrics.scrape());
            assertThat(scrape.value("autohair_consumer_lag_records")).isEqualTo(12.0);
            assertThat(scrape.value("autohair_consumer_lag_max_records")).isEqualTo(7.0);
        }
    }

    private static Sensor partitionLag(Metrics kafka, int partition) {
        Map<String, String> tags = Map.of("topic", "autohair.jobs", "partition", Integer.toString(partition),
                "client-id", "worker-jobs");
        MetricName name = kafka.metricName("records-lag", "consumer-fetch-manager-metrics", "", tags);
        Sensor sensor = kafka.sensor("lag-" + partition);
        sensor.add(name, new Value());
        return sensor;
    }
}
