package dev.autohair.pipeline.segmentation;

import java.util.Arrays;
import java.util.Locale;

/** The DJL engines a segmentation model can run on, and the file each expects in its directory. */
public enum ModelEngine {
    TENSORFLOW("TensorFlow", "saved_model.pb"),
    PYTORCH("PyTorch", "model.pt"),
    ONNX("OnnxRuntime", "model.onnx");

    private final String djlName;
    private final String defaultFile;

    ModelEngine(String djlName, String defaultFile) {
        this.djlName = djlName;
        this.defaultFile = defaultFile;
    }

    /** The name DJL's {@code Criteria.optEngine} and {@code Engine.getEngine} take. */
    public String djlName() {
        return djlName;
    }

    /** The model file looked for when the configuration names none. */
    public String defaultFile() {
        return defaultFile;
    }

    public static ModelEngine parse(String value) {
        for (ModelEngine engine : values()) {
            if (engine.name().equalsIgnoreCase(value) || engine.djlName.equalsIgnoreCase(value)) {
                return engine;
            }
        }
        throw new InvalidModelSpecException("engine '" + value + "' is not supported; use one of "
                + Arrays.stream(values()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
