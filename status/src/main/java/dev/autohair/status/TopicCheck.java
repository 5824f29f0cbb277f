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
 * The three input topics must exist before the view starts: Kafka Streams would otherwise stop with
 * a bare "missing source topic". Their partition counts may differ, since the view repartitions by
 * job id itself (see StatusTopology).
 */
final class TopicCheck {

    private TopicCheck() {
    }

    /**
     * @return partitions per topic, for the start-up log
     * @throws IllegalStateException naming the topics when one is missing or Kafka does not answer
     */
    static Map<String, Integer> requireTopics(StatusConfig config, Topics topics) {
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
                    + config.kafkaAccess().explain(e.getCause()).orElse("create them first, or set"
                    + " AUTOHAIR_STATUS_TOPIC_*: " + e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topics", e);
        }
        return partitions;
    }
}
