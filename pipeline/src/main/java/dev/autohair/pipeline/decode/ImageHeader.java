package dev.autohair.pipeline.decode;

import java.nio.charset.StandardCharsets;

/**
 * Format and canvas size read from an encoded image's header, plus a check that the file is not
 * cut short. Reading the header first lets the decoder refuse oversize canvases before decoding,
 * and catch truncated uploads that codecs would silently fill with grey.
 */
public record ImageHeader(ImageFormat format, int width, int height) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public long pixels() {
        return (long) width * height;
    }

    /**
     * @throws UnsupportedImageException when the bytes are not JPEG, PNG or WebP
     * @throws CorruptImageException when the header is damaged or the file is truncated
     */
    public static ImageHeader parse(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return png(bytes);
        }
        if (bytes.length >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8 && u8(bytes, 2) == 0xFF) {
            return jpeg(bytes);
        }
        if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
            return webp(bytes);
        }
        throw new UnsupportedImageException(
                "not a JPEG, PNG or WebP image (" + bytes.length + " bytes); upload one of those formats");
    }

    private static ImageHeader png(byte[] b) {
        if (b.length < 33 || !ascii(b, 12, 4).equals("IHDR")) {
            throw new CorruptImageException("PNG header is damaged: no IHDR chunk");
        }
        if (!containsNearEnd(b, "IEND".getBytes(StandardCharsets.US_ASCII), 64)) {
            throw new CorruptImageException("PNG is truncated: no IEND chunk at the end of " + b.length + " bytes");
        }
        return sized(ImageFormat.PNG, be32(b, 16), be32(b, 20));
    }

    private static ImageHeader jpeg(byte[] b) {
        int offset = 2;
        while (offset + 4 <= b.length) {
            if (u8(b, offset) != 0xFF) {
                throw new CorruptImageException("JPEG header is damaged: no marker at byte " + offset);
            }
            int marker = u8(b, offset + 1);
            if (marker == 0xFF) { // fill byte before a marker
                offset++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                offset += 2;
                continue;
            }
            int length = be16(b, offset + 2);
            if (isStartOfFrame(marker)) {
                if (offset + 9 > b.length) {
                    break;
                }
                if (!containsNearEnd(b, new byte[] {(byte) 0xFF, (byte) 0xD9}, 64)) {
                    throw new CorruptImageException(
                            "JPEG is truncated: no end-of-image marker at the end of " + b.length + " bytes");
                }
                return sized(ImageFormat.JPEG, be16(b, offset + 7), be16(b, offset + 5));
            }
            if (marker == 0xDA || length < 2) { // scan data before any frame header
                break;
            }
            offset += 2 + length;
        }
        throw new CorruptImageException("JPEG header is damaged or truncated: no frame header found");
    }

    private static ImageHeader webp(byte[] b) {
        long riffSize = le32(b, 4) & 0xFFFFFFFFL;
        if (riffSize + 8 > b.length) {
            throw new CorruptImageException(
                    "WebP is truncated: header declares " + (riffSize + 8) + " bytes, file has " + b.length);
        }
        if (b.length < 30) {
            throw new CorruptImageException("WebP header is damaged: too short");
        }
        String chunk = ascii(b, 12, 4);
        switch (chunk) {
            case "VP8 " -> {
                if (u8(b, 23) != 0x9D || u8(b, 24) != 0x01 || u8(b, 25) != 0x2A) {
                    throw new CorruptImageException("WebP (lossy) header is damaged: no frame start code");
                }
                return sized(ImageFormat.WEBP, le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
            }
            case "VP8L" -> {
                int bits = le32(b, 21);
                return sized(ImageFormat.WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                return sized(ImageFormat.WEBP, le24(b, 24) + 1, le24(b, 27) + 1);
            }
            default -> throw new CorruptImageException("WebP header is damaged: unknown first chunk '" + chunk + "'");
        }
    }

    private static ImageHeader sized(ImageFormat format, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new CorruptImageException(format + " header declares an empty canvas " + width + "x" + height);
        }
        return new ImageHeader(format, width, height);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Encoders may pad after the final marker; look for it within the last {@code window} bytes. */
    private static boolean containsNearEnd(byte[] b, byte[] needle, int window) {
        int from = Math.max(0, b.length - window);
        for (int i = b.length - needle.length; i >= from; i--) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = b[i + j] == needle[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int be16(byte[] b, int i) {
        return u8(b, i) << 8 | u8(b, i + 1);
    }

    private static int be32(byte[] b, int i) {
        return be16(b, i) << 16 | be16(b, i + 2);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static int le24(byte[] b, int i) {
        return le16(b, i) | u8(b, i + 2) << 16;
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }
}
