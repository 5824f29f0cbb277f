package dev.autohair.quality.labelled;

import java.util.List;

/** Every photo's score on one route. */
public record RouteScores(String route, List<PhotoScore> photos) {

    public RouteScores {
        photos = List.copyOf(photos);
    }

    public double meanIou() {
        return photos.stream().mapToDouble(PhotoScore::iou).average().orElse(0);
    }

    public double meanSad() {
        return photos.stream().mapToDouble(PhotoScore::sad).average().orElse(0);
    }

    public double meanAbsoluteError() {
        return photos.stream().mapToDouble(PhotoScore::meanAbsoluteError).average().orElse(0);
    }

    /** Photos the route found nothing in. */
    public long failures() {
        return photos.stream().filter(p -> p.failure().isPresent()).count();
    }
}
