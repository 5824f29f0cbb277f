package dev.autohair.pipeline.segmentation;

import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.image.Matte;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link Segmentation} by one model whatever the subject: one forward pass for the batch. */
final class SingleModel implements Segmentation {

    private final Segmenter segmenter;
    private final ModelInfo model;

    SingleModel(Segmenter segmenter) {
        this.segmenter = segmenter;
        this.model = new ModelInfo(ModelRole.SEGMENTATION, segmenter.modelName(), segmenter.modelVersion());
    }

    @Override
    public List<Outcome> segment(List<Request> requests) {
        Outcome[] outcomes = new Outcome[requests.size()];
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try { // a subject class the model does not know fails that image alone, before the batch runs
                segmenter.checkSubject(requests.get(i).classes());
                ready.add(i);
            } catch (RuntimeException e) {
                outcomes[i] = Outcome.failed(e);
            }
        }
        if (!ready.isEmpty()) {
            List<Matte> masks = segmenter.segment(ready.stream().map(i -> requests.get(i).image()).toList(),
                    ready.stream().map(i -> requests.get(i).classes()).toList());
            for (int k = 0; k < ready.size(); k++) {
                outcomes[ready.get(k)] = Outcome.found(masks.get(k), model);
            }
        }
        return List.of(outcomes);
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(model);
    }

    @Override
    public Duration warmUp() {
        return segmenter.warmUp();
    }

    @Override
    public void close() {
        segmenter.close();
    }
}
