package dev.autohair.pipeline.matting;

/** Minimum over a (2r+1)² square, borders clamped; separable, O(1) per pixel (van Herk / Gil-Werman). */
final class MinFilter {

    private MinFilter() {}

    static float[] square(float[] src, int w, int h, int r) {
        if (r <= 0) {
            return src.clone();
        }
        float[] rows = new float[src.length];
        float[] line = new float[Math.max(w, h)];
        float[] out = new float[Math.max(w, h)];
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * w, line, 0, w);
            line1d(line, out, w, r);
            System.arraycopy(out, 0, rows, y * w, w);
        }
        float[] result = new float[src.length];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = rows[y * w + x];
            }
            line1d(line, out, h, r);
            for (int y = 0; y < h; y++) {
                result[y * w + x] = out[y];
            }
        }
        return result;
    }

    /** out[i] = min of in[max(0, i-r) .. min(n-1, i+r)]. */
    private static void line1d(float[] in, float[] out, int n, int r) {
        int k = 2 * r + 1;
        int padded = n + 2 * r;
        int blocks = (padded + k - 1) / k;
        int len = blocks * k;
        float[] prefix = new float[len];
        float[] suffix = new float[len];
        for (int j = 0; j < len; j++) {
            float v = j - r < 0 || j - r >= n ? Float.POSITIVE_INFINITY : in[j - r];
            prefix[j] = j % k == 0 ? v : Math.min(prefix[j - 1], v);
        }
        for (int j = len - 1; j >= 0; j--) {
            float v = j - r < 0 || j - r >= n ? Float.POSITIVE_INFINITY : in[j - r];
            suffix[j] = j % k == k - 1 || j == len - 1 ? v : Math.min(suffix[j + 1], v);
        }
        // window of padded indices [i, i + 2r] for output i
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(suffix[i], prefix[i + k - 1]);
        }
    }
}
