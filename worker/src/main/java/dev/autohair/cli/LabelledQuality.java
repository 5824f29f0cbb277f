package dev.autohair.cli;

import dev.autohair.Assembly;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.Subject;
import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.config.MattingConfig;
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
import java.util.Optional;

/**
 * {@code autohair quality --labelled DIR}: every photo through each named route's full pipeline
 * (segment → trimap → matting), its alpha scored against the folder's ground truth.
 */
final class LabelledQuality {

    /**
     * selfie: the portrait model alone; product: the product segmenter alone; object: routed as a job
     * with subject object (the --object-model, else the product segmenter); auto: routed as a job with
     * subject auto; object-mask: the object route's segmentation mask itself, without matting.
     */
    static final List<String> ROUTES = List.of("selfie", "product", "object", "auto", "object-mask");

    private LabelledQuality() {
    }

    /** The Markdown report; one progress line per photo and route on {@code progress}. */
    static String run(Path folder, List<String> routeNames, int maxSide, Optional<Path> objectModel, TrimapSpec band,
            PrintStream progress) {
        JobOptions options = JobOptions.defaults().withTrimap(band);
        List<LabelledPhoto> photos = LabelledFolder.load(folder, maxSide);
        List<RouteScores> scores = new ArrayList<>();
        for (String name : routeNames) {
            try (CutoutPipeline pipeline = pipelineFor(name, objectModel)) {
                Route route = switch (name) {
                    case "product" -> new ProductRoute(pipeline, options);
                    case "selfie" -> Route.segmenting(name, pipeline, options.withSubject(Subject.PERSON));
                    case "object" -> Route.segmenting(name, pipeline, options.withSubject(Subject.OBJECT));
                    case "object-mask" -> Route.maskOnly(name, pipeline, options.withSubject(Subject.OBJECT));
                    default -> Route.segmenting(name, pipeline, options.withSubject(Subject.AUTO));
                };
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

    private static CutoutPipeline pipelineFor(String route, Optional<Path> objectModel) {
        // the product route segments by itself and hands its mask to trimap and matting
        return route.equals("product") ? Assembly.cutoutPipelineWithoutModel()
                : Assembly.localPipeline(Optional.empty(), objectModel, MattingConfig.DEFAULT, 4);
    }
}
