package dev.autohair.pipeline.segmentation.routing;

import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.contract.Subject;
import dev.autohair.pipeline.segmentation.Segmentation;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.product.ProductMask;
import dev.autohair.pipeline.segmentation.product.ProductSegmentation;
import dev.autohair.pipeline.segmentation.product.ProductSegmenter;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses each image's segmentation model from its job's {@link Subject}:
 *
 * <ul>
 *   <li>{@code person}: the portrait model;</li>
 *   <li>{@code object}: the installed general model, else the weights-free product segmenter;</li>
 *   <li>{@code auto}: the portrait model where its mask is sure a person is there
 *       ({@link PersonEvidence}; surer when a general model is the alternative); otherwise the general model when one is installed, else the
 *       product segmenter when it is sure of its mask; when neither is sure, the portrait model's
 *       mask unless that model was only guessing ({@link PersonEvidence#guessing()}): a portrait
 *       model often outlines animals and many objects well, the product segmenter fails on
 *       scenery.</li>
 * </ul>
 *
 * Each model sees all its images of the batch in one call. A job that names subject classes goes
 * to the portrait (configured) model alone: only class-map models know classes. When every model
 * tried finds nothing, the failure names them.
 */
public final class SubjectRouting implements Segmentation {

    private final Segmentation portrait;
    private final Optional<Segmentation> general;
    private final ProductSegmentation product = new ProductSegmentation();
    private final ModelInfo productModel = new ModelInfo(ModelRole.SEGMENTATION, ProductSegmenter.MODEL_NAME,
            ProductSegmenter.MODEL_VERSION);

    public SubjectRouting(Segmenter portrait, Optional<Segmenter> general) {
        this.portrait = Segmentation.single(portrait);
        this.general = general.map(Segmentation::single);
    }

    @Override
    public List<Outcome> segment(List<Request> requests) {
        int n = requests.size();
        double personBar = general.isPresent() ? PersonEvidence.SURE_OVER_GENERAL : PersonEvidence.SURE_OVER_PRODUCT;
        Outcome[] outcomes = new Outcome[n];
        Outcome[] portraitFallback = new Outcome[n];
        List<List<String>> tried = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tried.add(new ArrayList<>());
        }

        List<Integer> portraitFirst = indices(requests, r -> r.subject() != Subject.OBJECT || !r.classes().isEmpty());
        List<Outcome> portraitMasks = portrait.segment(pick(requests, portraitFirst));
        List<Integer> needObject = new ArrayList<>(indices(requests, r -> r.subject() == Subject.OBJECT && r.classes().isEmpty()));
        for (int k = 0; k < portraitFirst.size(); k++) {
            int i = portraitFirst.get(k);
            Outcome o = portraitMasks.get(k);
            Request r = requests.get(i);
            tried.get(i).add(portraitName());
            if (o.failure() != null || r.subject() == Subject.PERSON || !r.classes().isEmpty()
                    || PersonEvidence.of(o.mask()).confident(personBar)) {
                outcomes[i] = o;
            } else {
                portraitFallback[i] = o;
                needObject.add(i);
            }
        }
        needObject.sort(Integer::compare);
        if (general.isPresent()) {
            List<Outcome> masks = general.get().segment(pick(requests, needObject));
            for (int k = 0; k < needObject.size(); k++) {
                int i = needObject.get(k);
                tried.get(i).add(general.get().models().get(0).name());
                outcomes[i] = preferGeneral(masks.get(k), portraitFallback[i]);
            }
        } else {
            for (int i : needObject) {
                ProductMask found = product.segment(requests.get(i).image());
                tried.get(i).add(productModel.name());
                Outcome mine = Outcome.found(found.mask(), productModel);
                outcomes[i] = found.confidence() >= ProductSegmentation.SURE || portraitFallback[i] == null
                        ? mine : preferPortrait(mine, portraitFallback[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            outcomes[i] = nothingFoundNamesTheModels(outcomes[i], tried.get(i));
        }
        return List.of(outcomes);
    }

    /** A general model's mask wherever it found something, else the portrait model's. */
    private static Outcome preferGeneral(Outcome general, Outcome portraitMask) {
        if (portraitMask == null || general.failure() != null || PersonEvidence.of(general.mask()).found()) {
            return general;
        }
        return portraitMask;
    }

    /** Neither model is sure: the portrait model's mask unless it found nothing or was only guessing. */
    static Outcome preferPortrait(Outcome product, Outcome portraitMask) {
        PersonEvidence portrait = PersonEvidence.of(portraitMask.mask());
        boolean productFound = PersonEvidence.of(product.mask()).found();
        return portrait.found() && (!portrait.guessing() || !productFound) ? portraitMask : product;
    }

    private static Outcome nothingFoundNamesTheModels(Outcome outcome, List<String> tried) {
        if (outcome.failure() != null || PersonEvidence.of(outcome.mask()).found()) {
            return outcome;
        }
        return Outcome.failed(new DegenerateMaskException("no subject found in the image by " + String.join(" nor ", tried)
                + "; if it shows one, give the job's subject explicitly or install a general model"
                + " (./autohair models install isnet-general-use)"));
    }

    private String portraitName() {
        return portrait.models().get(0).name();
    }

    @Override
    public List<ModelInfo> models() {
        List<ModelInfo> models = new ArrayList<>(portrait.models());
        general.ifPresentOrElse(g -> models.addAll(g.models()), () -> models.add(productModel));
        return models;
    }

    @Override
    public Duration warmUp() {
        Duration total = portrait.warmUp();
        return general.map(g -> total.plus(g.warmUp())).orElse(total);
    }

    @Override
    public void close() {
        portrait.close();
        general.ifPresent(Segmentation::close);
    }

    private static List<Integer> indices(List<Request> requests, Predicate<Request> which) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (which.test(requests.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Request> pick(List<Request> requests, List<Integer> indices) {
        return indices.stream().map(requests::get).toList();
    }
}
