package dev.autohair.models.tfjs;

/** IEEE 754 binary16 → binary32, exact for every half value (normals, subnormals, ±0, ±inf, NaN). */
final class HalfFloat {

    private HalfFloat() {
    }

    static float toFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            // inf keeps a zero mantissa; NaN keeps its payload (shifted into the float's mantissa).
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24, exactly representable as a float.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
