package dev.autohair.status.view;

import dev.autohair.common.contract.InvalidJobException;
import dev.autohair.common.contract.MalformedMessageException;
import dev.autohair.common.contract.MessageCodec;
import dev.autohair.common.contract.Topics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link RawUpdate} as the message its origin topic carries. Records that cannot be read are
 * logged and skipped: the view must never stop on one bad message.
 */
final class UpdateDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateDecoder.class);

    private final MessageCodec codec;
    private final Topics topics;

    UpdateDecoder(MessageCodec codec, Topics topics) {
        this.codec = codec;
        this.topics = topics;
    }

    Optional<JobUpdate> decode(RawUpdate raw) {
        try {
            return Optional.of(switch (raw.origin()) {
                case JOBS -> new JobUpdate.Submitted(codec.decodeJob(raw.json()));
                case STATUS -> new JobUpdate.Status(codec.decodeStatus(raw.json()));
                case RESULTS -> new JobUpdate.Result(codec.decodeResult(raw.json()));
            });
        } catch (InvalidJobException | MalformedMessageException | IllegalArgumentException e) {
            LOG.warn("skipping an unreadable record on {}: {}", topic(raw.origin()), e.getMessage());
            return Optional.empty();
        }
    }

    private String topic(RawUpdate.Origin origin) {
        return switch (origin) {
            case JOBS -> topics.jobs();
            case STATUS -> topics.status();
            case RESULTS -> topics.results();
        };
    }
}
