package dev.autohair.status.view;

import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The status view: the jobs, status and results topics merged and folded into one {@link JobView}
 * per job in the {@value #STORE} store ({@link FoldProcessor}). Every change is handed to
 * {@code changes}; views of jobs that finished more than {@code retention} ago are dropped.
 *
 * <p>The input topics' partitioning is not trusted: producers other than Java's (librdkafka hashes
 * keys with CRC32, not murmur2) put a job's records on other partitions than Java would, and the
 * topics may have different partition counts. So every record is re-keyed by the job id its message
 * names and written, unchanged, to one repartition topic ({@value #BY_JOB}) with Streams' own
 * partitioner: all of a job's records then meet in one task whatever produced them.
 */
public final class StatusTopology {

    public static final String STORE = "job-views";
    /** Name of the repartition step; its topic is {@code <application id>-by-job-id-repartition}. */
    public static final String BY_JOB = "by-job-id";

    private StatusTopology() {
    }

    public static Topology build(Topics topics, MessageCodec codec, Duration retention,
                                 BiConsumer<String, JobView> changes) {
        StreamsBuilder builder = new StreamsBuilder();
        UpdateDecoder decoder = new UpdateDecoder(codec, topics);
        KStream<String, RawUpdate> jobs = byJobId(builder, topics.jobs(), RawUpdate.Origin.JOBS, decoder);
        KStream<String, RawUpdate> status = byJobId(builder, topics.status(), RawUpdate.Origin.STATUS, decoder);
        KStream<String, RawUpdate> results = byJobId(builder, topics.results(), RawUpdate.Origin.RESULTS, decoder);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new JobViewSerde()));
        jobs.merge(status).merge(results)
                .repartition(Repartitioned.<String, RawUpdate>as(BY_JOB)
                        .withKeySerde(Serdes.String()).withValueSerde(new RawUpdateSerde()))
                .flatMapValues(raw -> decoder.decode(raw).stream().toList(), Named.as("decode"))
                .process(() -> new FoldProcessor(retention, changes), STORE);
        return builder.build();
    }

    /**
     * One input topic, keyed by the job id each message names. Unreadable records are dropped here
     * (logged once); readable ones go on in their original bytes and are decoded again after the
     * repartition topic, which costs a parse but never re-encodes a producer's message.
     */
    private static KStream<String, RawUpdate> byJobId(StreamsBuilder builder, String topic, RawUpdate.Origin origin,
                                                      UpdateDecoder decoder) {
        return builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .flatMap((key, bytes) -> {
                    if (bytes == null) {
                        return List.<KeyValue<String, RawUpdate>>of(); // a tombstone says nothing about a job
                    }
                    RawUpdate raw = new RawUpdate(origin, bytes);
                    return decoder.decode(raw).map(update -> List.of(KeyValue.pair(update.jobId(), raw)))
                            .orElse(List.of());
                }, Named.as("key-" + origin.name().toLowerCase(Locale.ROOT) + "-by-job-id"));
    }
}
