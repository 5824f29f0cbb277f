package dev.autohair.quality.labelled;

import dev.autohair.pipeline.trimap.DegenerateMaskException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs routes over labelled photos and scores each cutout against its truth. */
public final class LabelledScoring {

    private LabelledScoring() {
    }

    public static RouteScores score(Route route, List<LabelledPhoto> photos, Consumer<PhotoScore> progress) {
        List<PhotoScore> scores = new ArrayList<>(photos.size());
        for (LabelledPhoto photo : photos) {
            PhotoScore score = score(route, photo);
            progress.accept(score);
            scores.add(score);
        }
        return new RouteScores(route.name(), scores);
    }

    /**
     * The photo's score; a route that finds nothing ({@link DegenerateMaskException}, the
     * pipeline's NOTHING_FOUND) scores IoU 0 as a failure. Other exceptions are bugs and propagate.
     */
    public static PhotoScore score(Route route, LabelledPhoto photo) {
        try {
            RouteCut cut = route.cut(photo.image());
            return PhotoScore.of(photo.name(), cut.alpha(), photo.truth(), cut.note());
        } catch (RuntimeException e) {
            DegenerateMaskException nothing = nothingFound(e);
            if (nothing == null) {
                throw e;
            }
            String note = e instanceof RouteFailedException failed ? failed.note() : "";
            return PhotoScore.failed(photo.name(), photo.truth(), nothing.getMessage(), note);
        }
    }

    private static DegenerateMaskException nothingFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DegenerateMaskException d) {
                return d;
            }
        }
        return null;
    }
}
