package dev.autohair.pipeline.matting;

import java.util.Arrays;

/**
 * Bitwise AND of byte flags over a (2r+1)² square, borders clamped (pixels outside the image are
 * ignored): a flag survives where every pixel of the square has it, i.e. an erosion of each flag.
 * Separable van Herk / Gil-Werman, O(1) per pixel whatever r; the vertical pass combines whole
 * rows so both passes walk memory in order. Bytes, not floats, because it runs on full images.
 */
final class AndFilter {

    private static final byte ALL = (byte) 0xFF;

    private AndFilter() {}

    static byte[] square(byte[] src, int w, int h, int r) {
        if (r <= 0) {
            return src.clone();
        }
        byte[] rows = new byte[src.length];
        int k = 2 * r + 1;
        byte[] prefix = new byte[padded(w, r)];
        byte[] suffix = new byte[prefix.length];
        for (int y = 0; y < h; y++) {
            andRuns(src, y * w, w, r, prefix, suffix);
            for (int x = 0; x < w; x++) {
                rows[y * w + x] = (byte) (suffix[x] & prefix[x + k - 1]); // padded window [x, x + 2r]
            }
        }
        byte[] columnPrefix = new byte[padded(h, r) * w];
        byte[] columnSuffix = new byte[columnPrefix.length];
        andRuns(rows, 0, w, h, r, columnPrefix, columnSuffix, w);
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            int a = y * w;
            int b = (y + k - 1) * w;
            for (int x = 0; x < w; x++) {
                out[a + x] = (byte) (columnSuffix[a + x] & columnPrefix[b + x]);
            }
        }
        return out;
    }

    /** Length of a line padded by r on both sides and rounded up to whole blocks of 2r+1. */
    private static int padded(int n, int r) {
        int k = 2 * r + 1;
        return (n + 2 * r + k - 1) / k * k;
    }

    /** {@link #andRuns(byte[], int, int, int, int, byte[], byte[], int)} for one row: elements of one byte. */
    private static void andRuns(byte[] src, int offset, int n, int r, byte[] prefix, byte[] suffix) {
        int k = 2 * r + 1;
        int len = padded(n, r);
        for (int j = 0; j < len; j++) {
            byte v = j < r || j - r >= n ? ALL : src[offset + j - r];
            prefix[j] = j % k == 0 ? v : (byte) (prefix[j - 1] & v);
        }
        for (int j = len - 1; j >= 0; j--) {
            byte v = j < r || j - r >= n ? ALL : src[offset + j - r];
            suffix[j] = j % k == k - 1 ? v : (byte) (suffix[j + 1] & v);
        }
    }

    /**
     * Block-wise running ANDs along a line of n elements (element i at src[offset + i * stride],
     * each element {@code width} consecutive bytes), from the block start (prefix) and to the block
     * end (suffix), over the line padded with r all-ones elements on each side.
     */
    private static void andRuns(byte[] src, int offset, int stride, int n, int r, byte[] prefix, byte[] suffix,
            int width) {
        int k = 2 * r + 1;
        int len = padded(n, r);
        for (int j = 0; j < len; j++) {
            int o = j * width;
            boolean outside = j < r || j - r >= n;
            int s = offset + (j - r) * stride;
            if (j % k == 0) {
                if (outside) {
                    Arrays.fill(prefix, o, o + width, ALL);
                } else {
                    System.arraycopy(src, s, prefix, o, width);
                }
            } else if (outside) {
                System.arraycopy(prefix, o - width, prefix, o, width);
            } else {
                for (int x = 0; x < width; x++) {
                    prefix[o + x] = (byte) (prefix[o - width + x] & src[s + x]);
                }
            }
        }
        for (int j = len - 1; j >= 0; j--) {
            int o = j * width;
            boolean outside = j < r || j - r >= n;
            int s = offset + (j - r) * stride;
            if (j % k == k - 1) {
                if (outside) {
                    Arrays.fill(suffix, o, o + width, ALL);
                } else {
                    System.arraycopy(src, s, suffix, o, width);
                }
            } else if (outside) {
                System.arraycopy(suffix, o + width, suffix, o, width);
            } else {
                for (int x = 0; x < width; x++) {
                    suffix[o + x] = (byte) (suffix[o + width + x] & src[s + x]);
                }
            }
        }
    }
}
