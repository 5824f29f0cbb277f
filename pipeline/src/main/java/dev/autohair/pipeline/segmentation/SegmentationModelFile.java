package dev.autohair.pipeline.segmentation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autohair.common.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@link SegmentationModelSpec} from a JSON model file (see docs/MODELS.md). A relative
 * {@code location} is resolved against the file's own directory, so a model folder can carry its
 * description. Unknown fields are errors: a typo must not silently fall back to a default.
 */
public final class SegmentationModelFile {

    private static final Set<String> TOP = Set.of("name", "engine", "location", "modelFile", "sha256", "input",
            "output", "batch");
    private static final Set<String> INPUT = Set.of("resize", "width", "height", "maxSide", "layout", "type", "range",
            "mean", "std", "channelOrder");
    private static final Set<String> OUTPUT = Set.of("kind", "layout", "classes", "background", "subject",
            "normalise");
    private static final Set<String> BATCH = Set.of("maxImages", "maxPixels");

    private SegmentationModelFile() {
    }

    public static SegmentationModelSpec read(Path file) {
        JsonNode root;
        try {
            root = JsonMappers.create().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidModelSpecException("cannot read model file " + file + ": " + e.getMessage());
        }
        try {
            return parse(root, file.toAbsolutePath().getParent());
        } catch (InvalidModelSpecException e) {
            throw new InvalidModelSpecException("model file " + file + ": " + e.getMessage());
        }
    }

    static SegmentationModelSpec parse(JsonNode root, Path base) {
        object(root, "the model file", TOP);
        String location = text(root, "location", null);
        if (location != null && !location.startsWith("s3://")) {
            location = base.resolve(location).normalize().toString();
        }
        return new SegmentationModelSpec(text(root, "name", null), ModelEngine.parse(text(root, "engine", "")),
                location, text(root, "modelFile", null), text(root, "sha256", null),
                input(object(root.get("input"), "input", INPUT)), output(object(root.get("output"), "output", OUTPUT)),
                batch(root.get("batch")));
    }

    private static InputContract input(JsonNode n) {
        float[] range = floats(n.get("range"), "input.range", 2, new float[] {0, 1});
        float[] mean = floats(n.get("mean"), "input.mean", 3, new float[] {0, 0, 0});
        float[] std = floats(n.get("std"), "input.std", 3, new float[] {1, 1, 1});
        return new InputContract(
                choice(n, "input.resize", "resize", InputContract.Resize.class, "stretch"),
                integer(n, "width", 0), integer(n, "height", 0), integer(n, "maxSide", 0),
                choice(n, "input.layout", "layout", TensorLayout.class, "nhwc"),
                choice(n, "input.type", "type", InputContract.ValueType.class, "float32"),
                range[0], range[1], new PerChannel(mean[0], mean[1], mean[2]), new PerChannel(std[0], std[1], std[2]),
                choice(n, "input.channelOrder", "channelOrder", InputContract.ChannelOrder.class, "rgb"));
    }

    private static OutputContract output(JsonNode n) {
        JsonNode classes = n.get("classes");
        List<String> names = new ArrayList<>();
        if (classes != null && classes.isTextual() && classes.asText().equalsIgnoreCase("pascal-voc")) {
            names.addAll(PascalVoc.CLASSES);
        } else if (classes != null && classes.isArray()) {
            classes.forEach(c -> names.add(c.asText()));
        } else {
            throw new InvalidModelSpecException("output.classes must be a list of class names or \"pascal-voc\"");
        }
        List<Integer> subject = new ArrayList<>();
        if (n.has("subject")) {
            n.get("subject").forEach(s -> subject.add(s.isInt() ? s.asInt() : indexOf(names, s.asText())));
        }
        Integer background = n.has("background") && !n.get("background").isNull()
                ? (n.get("background").isInt() ? n.get("background").asInt() : indexOf(names, n.get("background").asText()))
                : null;
        return new OutputContract(choice(n, "output.kind", "kind", OutputKind.class, null),
                choice(n, "output.layout", "layout", TensorLayout.class, "nhwc"), names, background, subject,
                choice(n, "output.normalise", "normalise", OutputContract.Normalisation.class, "none"));
    }

    private static BatchLimits batch(JsonNode n) {
        if (n == null) {
            return BatchLimits.DEFAULT;
        }
        object(n, "batch", BATCH);
        return new BatchLimits(integer(n, "maxImages", BatchLimits.DEFAULT.maxImages()),
                n.has("maxPixels") ? n.get("maxPixels").asLong() : BatchLimits.DEFAULT.maxPixels());
    }

    private static int indexOf(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new InvalidModelSpecException("class '" + name + "' is not in output.classes " + names);
        }
        return i;
    }

    private static JsonNode object(JsonNode n, String what, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            throw new InvalidModelSpecException(what + " must be a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new InvalidModelSpecException("unknown field '" + field + "' in " + what + "; allowed: "
                        + allowed.stream().sorted().toList());
            }
        }
        return n;
    }

    private static String text(JsonNode n, String field, String fallback) {
        return n.has(field) && !n.get(field).isNull() ? n.get(field).asText() : fallback;
    }

    private static int integer(JsonNode n, String field, int fallback) {
        if (!n.has(field)) {
            return fallback;
        }
        if (!n.get(field).canConvertToInt()) {
            throw new InvalidModelSpecException(field + " must be an integer, got " + n.get(field));
        }
        return n.get(field).asInt();
    }

    private static float[] floats(JsonNode n, String what, int count, float[] fallback) {
        if (n == null) {
            return fallback;
        }
        if (!n.isArray() || n.size() != count) {
            throw new InvalidModelSpecException(what + " must be a list of " + count + " numbers, got " + n);
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            if (!n.get(i).isNumber()) {
                throw new InvalidModelSpecException(what + " must hold numbers, got " + n);
            }
            out[i] = (float) n.get(i).asDouble();
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(JsonNode n, String what, String field, Class<E> type, String fallback) {
        String value = text(n, field, fallback);
        if (value == null) {
            throw new InvalidModelSpecException(what + " is required; one of " + names(type));
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidModelSpecException(what + " '" + value + "' is not one of " + names(type));
        }
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }
}
