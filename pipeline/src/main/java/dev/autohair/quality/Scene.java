package dev.autohair.quality;

import java.util.Random;

/** Paints one kind of subject (body plus its edge structure) onto a canvas. */
interface Scene {

    void paint(LayerCanvas canvas, Random random);

    static Scene of(CompositeKind kind) {
        return switch (kind) {
            case HAIR -> new HairScene();
            case CURLS -> new CurlScene();
            case FUR -> new FurScene();
            case PRODUCT_EDGE -> new ProductScene();
        };
    }
}
