package dev.autohair.pipeline.model;

/**
 * Keeps DJL off the network: models and natives ship with AutoHair, and without offline mode DJL
 * probes a cloud metadata address and may try to download engine natives when an engine loads.
 * Must run before the first DJL engine call; DJL reads both settings as system properties too.
 */
public final class DjlOffline {

    private DjlOffline() {
    }

    public static void enforce() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }
}
