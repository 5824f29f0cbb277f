package dev.autohair.status.view;

import dev.autohair.common.contract.InvalidJobException;
import dev.autohair.common.contract.MalformedMessageException;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status view: the jobs, status and results topics (all keyed by job id) merged and folded into
 * one {@link JobView} per job in the {@value #STORE} store ({@link FoldProcessor}). Every change is
 * handed to {@code changes}; views of jobs that finished more than {@code retention} ago are dropped.
 * The three topics must have the same number of partitions, so that one job's messages meet in one task.
 */
public final class StatusTopology {

    public static final String STORE = "job-views";
    private static final Logger LOG = LoggerFactory.getLogger(StatusTopology.class);

    private StatusTopology() {
    }

    public static Topology build(Topics topics, MessageCodec codec, Duration retention,
                                 BiConsumer<String, JobView> changes) {
        StreamsBuilder builder = new StreamsBuilder();
        Consumed<String, byte[]> raw = Consumed.with(Serdes.String(), Serdes.ByteArray());
        KStream<String, JobUpdate> jobs = builder.stream(topics.jobs(), raw)
                .flatMapValues(decoding(topics.jobs(), bytes -> new JobUpdate.Submitted(codec.decodeJob(bytes))));
        KStream<String, JobUpdate> status = builder.stream(topics.status(), raw)
                .flatMapValues(decoding(topics.status(), bytes -> new JobUpdate.Status(codec.decodeStatus(bytes))));
        KStream<String, JobUpdate> results = builder.stream(topics.results(), raw)
                .flatMapValues(decoding(topics.results(), bytes -> new JobUpdate.Result(codec.decodeResult(bytes))));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new JobViewSerde()));
        // Keys are job ids already: no repartitioning, one job's updates meet in one task.
        jobs.merge(status).merge(results).process(() -> new FoldProcessor(retention, changes), STORE);
        return builder.build();
    }

    /** Records that cannot be read are logged and skipped: the view must never stop on one bad message. */
    private static ValueMapper<byte[], Iterable<JobUpdate>> decoding(String topic, Decoder decoder) {
        return bytes -> {
            try {
                return List.of(decoder.decode(bytes));
            } catch (InvalidJobException | MalformedMessageException | IllegalArgumentException e) {
                LOG.warn("skipping an unreadable record on {}: {}", topic, e.getMessage());
                return List.of();
            }
        };
    }

    @FunctionalInterface
    private interface Decoder {
        JobUpdate decode(byte[] bytes) throws InvalidJobException;
    }
}
