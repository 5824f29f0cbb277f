package dev.autohair.quality.labelled;

import java.util.List;
import java.util.Locale;

/** Markdown tables of labelled scores: one per route, and a side-by-side IoU when there are several. */
public final class LabelledReport {

    private LabelledReport() {
    }

    public static String render(List<RouteScores> routes) {
        StringBuilder out = new StringBuilder();
        for (RouteScores route : routes) {
            out.append("### route `").append(route.route()).append("`\n\n");
            out.append("| photo | IoU | SAD | MAE % | failure | note |\n|---|---:|---:|---:|---|---|\n");
            for (PhotoScore p : route.photos()) {
                out.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.2f | %s | %s |%n", p.name(), p.iou(),
                        p.sad(), 100 * p.meanAbsoluteError(), p.failure().map(f -> "NOTHING_FOUND").orElse(""),
                        cell(p.note())));
            }
            out.append(String.format(Locale.ROOT, "| **mean** | **%.3f** | **%.2f** | **%.2f** | %d of %d failed | |%n%n",
                    route.meanIou(), route.meanSad(), 100 * route.meanAbsoluteError(), route.failures(),
                    route.photos().size()));
        }
        if (routes.size() > 1) {
            out.append("### IoU side by side\n\n| photo |");
            routes.forEach(r -> out.append(' ').append(r.route()).append(" |"));
            out.append(" best |\n|---|");
            routes.forEach(r -> out.append("---:|"));
            out.append("---|\n");
            int photos = routes.get(0).photos().size();
            for (int i = 0; i < photos; i++) {
                out.append("| ").append(routes.get(0).photos().get(i).name()).append(" |");
                int best = 0;
                for (int r = 0; r < routes.size(); r++) {
                    double iou = routes.get(r).photos().get(i).iou();
                    out.append(String.format(Locale.ROOT, " %.3f |", iou));
                    if (iou > routes.get(best).photos().get(i).iou()) {
                        best = r;
                    }
                }
                out.append(' ').append(routes.get(best).route()).append(" |\n");
            }
            out.append("| **mean of the best** |");
            routes.forEach(r -> out.append(" |"));
            out.append(String.format(Locale.ROOT, " **%.3f** |%n", oracle(routes)));
        }
        return out.toString();
    }

    /** The mean IoU a perfect router between these routes would reach: a ceiling for routing rules. */
    static double oracle(List<RouteScores> routes) {
        int photos = routes.get(0).photos().size();
        double sum = 0;
        for (int i = 0; i < photos; i++) {
            double best = 0;
            for (RouteScores r : routes) {
                best = Math.max(best, r.photos().get(i).iou());
            }
            sum += best;
        }
        return photos == 0 ? 0 : sum / photos;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
