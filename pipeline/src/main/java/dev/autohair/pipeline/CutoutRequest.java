package dev.autohair.pipeline;

import dev.autohair.common.image.RgbImage;

/** One decoded image and what guides its matting. */
public record CutoutRequest(RgbImage image, Guide guide) {

    public CutoutRequest {
        if (guide instanceof Guide.RoughMask m && !m.mask().sameSizeAs(image)) {
            throw new MismatchedGuideException("mask", m.mask().width(), m.mask().height(), image);
        }
        if (guide instanceof Guide.GivenTrimap t && !t.trimap().sameSizeAs(image)) {
            throw new MismatchedGuideException("trimap", t.trimap().width(), t.trimap().height(), image);
        }
    }
}
