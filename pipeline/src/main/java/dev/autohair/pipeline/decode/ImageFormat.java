package dev.autohair.pipeline.decode;

/** The encoded formats AutoHair reads, recognised by their signature bytes, never by a file name. */
public enum ImageFormat {
    JPEG,
    PNG,
    WEBP
}
