package dev.autohair.models.tfjs;

/**
 * How TF.js stored a weight in fewer bytes: {@code float16}, or affine {@code uint8}/{@code uint16}
 * where value = stored * scale + min.
 */
record Quantization(String dtype, double scale, double min) {

    int bytesPerElement() {
        return switch (dtype) {
            case "uint8" -> 1;
            case "uint16", "float16" -> 2;
            default -> throw new UnsupportedTfjsFeatureException(
                    "weight quantization '" + dtype + "' is not supported (expected float16, uint8 or uint16)");
        };
    }
}
