package dev.autohair.status;

import dev.autohair.common.contract.Topics;
import dev.autohair.status.config.StatusConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The view merges three topics keyed by job id; one job's messages meet in one Streams task only if
 * the topics have the same number of partitions. Kafka Streams does not check this for a merge, so
 * the service does before it starts.
 */
final class TopicCheck {

    private TopicCheck() {
    }

    /** @throws IllegalStateException naming the topics and their partition counts when they differ or are missing */
    static void requireCoPartitioned(StatusConfig config, Topics topics) {
        String bootstrapServers = config.bootstrapServers();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.security().applyTo(p);
        List<String> names = List.of(topics.jobs(), topics.status(), topics.results());
        Map<String, Integer> partitions = new TreeMap<>();
        try (Admin admin = Admin.create(p)) {
            Map<String, TopicDescription> found = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            found.forEach((name, d) -> partitions.put(name, d.partitions().size()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the topics " + names + " on " + bootstrapServers + ": "
                    + config.kafkaAccess().explain(e.getCause()).orElse("do they exist? " + e.getCause().getMessage()),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topics", e);
        }
        if (partitions.values().stream().distinct().count() > 1) {
            throw new IllegalStateException("the jobs, status and results topics must have the same number of "
                    + "partitions (they are keyed by job id and folded together), got " + partitions);
        }
    }
}
