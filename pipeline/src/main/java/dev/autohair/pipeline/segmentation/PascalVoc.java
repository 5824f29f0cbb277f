package dev.autohair.pipeline.segmentation;

import java.util.List;

/** The 21 PASCAL VOC 2012 classes in index order, as DeepLab's VOC checkpoints number them. */
public final class PascalVoc {

    public static final List<String> CLASSES = List.of("background", "aeroplane", "bicycle", "bird", "boat",
            "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person",
            "pottedplant", "sheep", "sofa", "train", "tvmonitor");

    public static final int BACKGROUND = 0;
    public static final int PERSON = 15;

    private PascalVoc() {
    }
}
