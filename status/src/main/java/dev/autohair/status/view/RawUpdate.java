package dev.autohair.status.view;

import java.util.Optional;

/**
 * A message as it came from one of the three topics, still in its wire form: what the view's
 * repartition topic carries, so that nothing is re-encoded (or could fail to be) on the way.
 *
 * @param origin which topic it came from, so it can be decoded again as the right message type
 * @param json   the record's value exactly as the producer wrote it
 */
public record RawUpdate(Origin origin, byte[] json) {

    /** The input topics; the ordinal is the tag byte on the repartition topic, so append only. */
    public enum Origin {
        JOBS,
        STATUS,
        RESULTS;

        static Optional<Origin> ofTag(int tag) {
            return tag >= 0 && tag < values().length ? Optional.of(values()[tag]) : Optional.empty();
        }
    }
}
