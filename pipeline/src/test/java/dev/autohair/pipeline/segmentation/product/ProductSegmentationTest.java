package dev.autohair.pipeline.segmentation.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.testing.Samples;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductSegmentationTest {

    private static final float[] LIGHT_GREY = {0.93f, 0.93f, 0.94f};
    private static final float[] MID_GREY = {0.78f, 0.78f, 0.80f};
    private static final float[] WHITE = {0.99f, 0.99f, 0.99f};
    private static final float[] OFF_WHITE = {0.9f, 0.89f, 0.87f};

    private final ProductSegmentation segmentation = new ProductSegmentation();

    /** Unseeded, GrabCut's k-means++ start carried on from the thread's last call: up to 5 015 pixels of the cup moved. */
    @Test
    void theSamePhotoGetsTheSameMaskEveryTime() {
        RgbImage cup = Samples.rgb("coffee.png");
        float[] first = segmentation.segment(cup).mask().alpha();

        for (int call = 0; call < 3; call++) {
            assertTrue(Arrays.equals(first, segmentation.segment(cup).mask().alpha()), "call " + (call + 2) + " differs");
        }
    }

    @Test
    void findsAColouredProductOnAGreyGradientWithAShadow() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(320, 240, 0.5, 0.5, 0.16, 0.33,
                new float[] {0.75f, 0.15f, 0.12f}, LIGHT_GREY, MID_GREY, 1);
        ProductMask result = segmentation.segment(photo.image());
        assertTrue(StudioPhotos.iou(result.mask(), photo.truth()) > 0.9,
                "IoU " + StudioPhotos.iou(result.mask(), photo.truth()));
        assertTrue(result.sure(), "doubt: " + result.doubt());
        assertTrue(result.confidence() >= ProductSegmentation.SURE);
    }

    @Test
    void findsADarkProductTouchingTheBottomEdgeOfAWhiteSweep() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(240, 320, 0.45, 0.7, 0.22, 0.32,
                new float[] {0.12f, 0.13f, 0.16f}, WHITE, OFF_WHITE, 2);
        ProductMask result = segmentation.segment(photo.image());
        assertTrue(StudioPhotos.iou(result.mask(), photo.truth()) > 0.9,
                "IoU " + StudioPhotos.iou(result.mask(), photo.truth()));
        assertTrue(result.sure(), "doubt: " + result.doubt());
    }

    @Test
    void findsALightProductOnAColouredBackdrop() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(320, 240, 0.55, 0.5, 0.12, 0.35,
                new float[] {0.95f, 0.92f, 0.85f}, new float[] {0.55f, 0.7f, 0.85f}, new float[] {0.45f, 0.6f, 0.78f},
                3);
        ProductMask result = segmentation.segment(photo.image());
        assertTrue(StudioPhotos.iou(result.mask(), photo.truth()) > 0.9,
                "IoU " + StudioPhotos.iou(result.mask(), photo.truth()));
        assertTrue(result.sure(), "doubt: " + result.doubt());
    }

    @Test
    void segmentsALargePhotoAtWorkingSizeAndReturnsAFullSizeSoftMask() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(760, 560, 0.5, 0.52, 0.15, 0.34,
                new float[] {0.2f, 0.45f, 0.3f}, LIGHT_GREY, MID_GREY, 4);
        ProductMask result = segmentation.segment(photo.image());
        assertEquals(760, result.mask().width());
        assertEquals(560, result.mask().height());
        assertTrue(StudioPhotos.iou(result.mask(), photo.truth()) > 0.9,
                "IoU " + StudioPhotos.iou(result.mask(), photo.truth()));
        boolean fractional = false;
        for (float a : result.mask().alpha()) {
            fractional |= a > 0.05f && a < 0.95f;
        }
        assertTrue(fractional, "the upsampled mask has a soft edge");
    }

    @Test
    void sensorGrainOnAPlainSurfaceIsNotABusyBackground() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(320, 240, 0.5, 0.5, 0.2, 0.3,
                new float[] {0.7f, 0.5f, 0.2f}, new float[] {0.85f, 0.85f, 0.9f}, new float[] {0.6f, 0.6f, 0.7f}, 8);
        java.util.Random grain = new java.util.Random(9);
        float[] rgb = photo.image().rgb();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = Math.max(0, Math.min(1, rgb[i] + (float) grain.nextGaussian() * 0.025f));
        }
        ProductMask result = segmentation.segment(photo.image());
        assertTrue(StudioPhotos.iou(result.mask(), photo.truth()) > 0.9,
                "IoU " + StudioPhotos.iou(result.mask(), photo.truth()));
        assertTrue(result.sure(), "doubt: " + result.doubt());
    }

    @Test
    void keepsALabelTheColourOfTheSurfaceInsideTheProduct() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(320, 240, 0.5, 0.5, 0.2, 0.35,
                new float[] {0.2f, 0.5f, 0.2f}, WHITE, OFF_WHITE, 10);
        for (int y = 100; y < 140; y++) {
            for (int x = 135; x < 185; x++) {
                for (int c = 0; c < 3; c++) {
                    photo.image().set(x, y, c, 0.98f);
                }
            }
        }
        ProductMask result = segmentation.segment(photo.image());
        assertTrue(StudioPhotos.iou(result.mask(), photo.truth()) > 0.9,
                "IoU " + StudioPhotos.iou(result.mask(), photo.truth()));
    }

    @Test
    void saysItIsUnsureOfABusyBackground() {
        ProductMask result = segmentation.segment(StudioPhotos.busy(200, 150, 5));
        assertTrue(result.confidence() < ProductSegmentation.SURE, "confidence " + result.confidence());
        assertTrue(result.doubt().orElseThrow().contains("busy"), result.doubt().orElseThrow());
    }

    @Test
    void saysItIsUnsureWhenTheSubjectFillsTheFrame() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(240, 240, 0.5, 0.5, 0.6, 0.7,
                new float[] {0.3f, 0.3f, 0.8f}, LIGHT_GREY, MID_GREY, 6);
        ProductMask result = segmentation.segment(photo.image());
        assertTrue(result.doubt().isPresent(), "confidence " + result.confidence());
    }

    @Test
    void aBlankImageGivesAnEmptyMaskWithZeroConfidence() {
        RgbImage grey = RgbImage.blank(200, 150);
        java.util.Arrays.fill(grey.rgb(), 0.8f);
        ProductMask result = segmentation.segment(grey);
        assertEquals(0, result.confidence());
        assertTrue(result.doubt().orElseThrow().contains("nothing stands out"));
        for (float a : result.mask().alpha()) {
            assertEquals(0f, a);
        }
        ProductMask black = segmentation.segment(RgbImage.blank(3, 2));
        assertEquals(0, black.confidence());
    }

    @Test
    void theSegmenterAdapterReturnsOneFullSizeMaskPerImage() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(160, 120, 0.5, 0.5, 0.16, 0.33,
                new float[] {0.75f, 0.15f, 0.12f}, LIGHT_GREY, MID_GREY, 7);
        try (ProductSegmenter segmenter = new ProductSegmenter()) {
            List<Matte> masks = segmenter.segment(List.of(photo.image(), RgbImage.blank(50, 40)));
            assertEquals(2, masks.size());
            assertTrue(StudioPhotos.iou(masks.get(0), photo.truth()) > 0.9);
            assertEquals(50, masks.get(1).width());
            assertEquals("product", segmenter.modelName());
            assertEquals("1", segmenter.modelVersion());
        }
    }
}
