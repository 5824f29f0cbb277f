package dev.autohair.common.contract;

/** A model that worked on a job, so results can be traced to weights. */
public record ModelInfo(ModelRole role, String name, String version) {

    public ModelInfo {
        Checks.present(role, "model role");
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            throw new ConstraintException("minLength", "a model needs a name and a version, got " + name + " " + version);
        }
    }
}
