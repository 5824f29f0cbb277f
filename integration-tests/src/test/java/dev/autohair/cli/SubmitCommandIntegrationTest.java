package dev.autohair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.contract.OutputKind;
import dev.autohair.common.contract.Topics;
import dev.autohair.config.WorkerConfig;
import dev.autohair.devstack.DevStack;
import dev.autohair.storage.ObjectStore;
import dev.autohair.storage.StorageConfig;
import dev.autohair.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autohair submit} against a real broker and S3 server: objects stored, jobs produced. */
class SubmitCommandIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void uploadsEachImageAndProducesAValidJobKeyedByItsId() throws Exception {
        try (DevStack stack = DevStack.start(dir)) {
            stack.kafka().createTopics(3, Topics.DEFAULT_JOBS);
            stack.s3().createBucket("uploads");
            Path image = Samples.dir().resolve("cat.png");
            Map<String, String> env = Map.of(
                    WorkerConfig.KAFKA_BOOTSTRAP_SERVERS, stack.kafka().bootstrapServers(),
                    WorkerConfig.S3_ENDPOINT, stack.s3().endpoint(),
                    WorkerConfig.S3_ACCESS_KEY, stack.s3().accessKey(),
                    WorkerConfig.S3_SECRET_KEY, stack.s3().secretKey());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = new SubmitCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env)
                    .run(List.of(image.toString(), "--outputs", "cutout,matte", "--format", "webp", "--bg", "ffffff"));

            assertThat(status).isZero();
            String jobId = out.toString(StandardCharsets.UTF_8).trim().split("\\s+")[0];
            ImageJob job = readJob(stack.kafka().bootstrapServers(), jobId);
            assertThat(job.options().outputs()).containsExactly(OutputKind.CUTOUT, OutputKind.MATTE);
            assertThat(job.options().format()).isEqualTo(OutputFormat.WEBP);
            assertThat(job.options().background()).isEqualTo("FFFFFF");
            try (ObjectStore store = new ObjectStore(StorageConfig.of(stack.s3().endpoint(), stack.s3().accessKey(),
                    stack.s3().secretKey()))) {
                byte[] stored = store.fetch(job.input().bucket(), job.input().key(), 1 << 26).bytes();
                assertThat(stored).isEqualTo(Files.readAllBytes(image));
            }
        }
    }

    private static ImageJob readJob(String bootstrapServers, String jobId) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "submit-test");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.DEFAULT_JOBS));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo(jobId);
            return new MessageCodec().decodeJob(records.get(0).value());
        }
    }
}
