package dev.autohair.status.view;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link RawUpdate}s on the repartition topic: one tag byte naming the origin, then the original bytes. */
final class RawUpdateSerde implements Serde<RawUpdate> {

    @Override
    public Serializer<RawUpdate> serializer() {
        return (topic, update) -> {
            if (update == null) {
                return null;
            }
            byte[] bytes = new byte[update.json().length + 1];
            bytes[0] = (byte) update.origin().ordinal();
            System.arraycopy(update.json(), 0, bytes, 1, update.json().length);
            return bytes;
        };
    }

    @Override
    public Deserializer<RawUpdate> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0) {
                throw new SerializationException("an empty record on " + topic + ": it has no origin tag");
            }
            RawUpdate.Origin origin = RawUpdate.Origin.ofTag(bytes[0]).orElseThrow(() -> new SerializationException(
                    "unknown origin tag " + bytes[0] + " on " + topic + ": written by a newer status service?"));
            return new RawUpdate(origin, Arrays.copyOfRange(bytes, 1, bytes.length));
        };
    }
}
