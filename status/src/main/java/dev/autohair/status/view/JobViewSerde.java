package dev.autohair.status.view;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Views as JSON in the state store and its changelog topic. */
public final class JobViewSerde implements Serde<JobView> {

    @Override
    public Serializer<JobView> serializer() {
        return (topic, view) -> {
            if (view == null) {
                return null;
            }
            try {
                return Json.MAPPER.writeValueAsBytes(view);
            } catch (IOException e) {
                throw new SerializationException("cannot write the view of " + view.jobId(), e);
            }
        };
    }

    @Override
    public Deserializer<JobView> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.MAPPER.readValue(bytes, JobView.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read a job view from " + topic, e);
            }
        };
    }
}
