package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.quality.labelled.LabelledFolder;
import dev.autohair.quality.labelled.LabelledPhoto;
import dev.autohair.quality.labelled.LabelledReport;
import dev.autohair.quality.labelled.LabelledScoring;
import dev.autohair.quality.labelled.ProductRoute;
import dev.autohair.quality.labelled.Route;
import dev.autohair.quality.labelled.RouteScores;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code autohair quality --labelled DIR}: every photo through each named route's full pipeline
 * (segment → trimap → matting), its alpha scored against the folder's ground truth.
 */
final class LabelledQuality {

    static final List<String> ROUTES = List.of("selfie", "product");

    private LabelledQuality() {
    }

    /** The Markdown report; one progress line per photo and route on {@code progress}. */
    static String run(Path folder, List<String> routeNames, int maxSide, PrintStream progress) {
        List<LabelledPhoto> photos = LabelledFolder.load(folder, maxSide);
        List<RouteScores> scores = new ArrayList<>();
        for (String name : routeNames) {
            try (CutoutPipeline pipeline = pipelineFor(name)) {
                Route route = name.equals("product") ? new ProductRoute(pipeline) : Route.segmenting(name, pipeline);
                scores.add(LabelledScoring.score(route, photos, p -> progress.printf(Locale.ROOT,
                        "%s %s: IoU %.3f SAD %.2f%s%n", name, p.name(), p.iou(), p.sad(),
                        p.failure().isPresent() ? " NOTHING_FOUND" : "")));
            }
        }
        return LabelledReport.render(scores);
    }

    /** Comma-separated route names, each one of {@link #ROUTES}. */
    static List<String> routes(String option) {
        List<String> names = List.of(option.toLowerCase(Locale.ROOT).split(","));
        for (String name : names) {
            if (!ROUTES.contains(name)) {
                throw new UsageException("--route takes " + String.join(", ", ROUTES) + " (comma-separated), got '"
                        + name + "'");
            }
        }
        return names;
    }

    private static CutoutPipeline pipelineFor(String route) {
        // the product route segments by itself and hands its mask to trimap and matting
        return route.equals("selfie") ? Assembly.cutoutPipeline(null) : Assembly.cutoutPipelineWithoutModel();
    }
}
