package dev.autohair.pipeline.matting.network;

import dev.autohair.pipeline.matting.MattingInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiled inference at full resolution: tiles over each image's unknown band (see {@link TilePlan}),
 * the tiles of all images sharing forward passes of up to {@code maxBatch}, blended back per image
 * (see {@link TileBlend}). Hair keeps its native resolution, and memory stays bounded whatever
 * the image size.
 */
final class TiledInference {

    private final TorchScriptModel model;
    private final PlanarInput input;
    private final InferenceMode.Tiles tiles;
    private final int maxBatch;

    TiledInference(TorchScriptModel model, InferenceMode.Tiles tiles, int maxBatch) {
        int multiple = model.contract().sizeMultiple();
        if (tiles.size() % multiple != 0) {
            throw new IllegalArgumentException("tile size " + tiles.size() + " is not a multiple of " + multiple
                    + ", which model " + model.contract().name() + " needs");
        }
        if (!model.contract().takesTrimap()) {
            throw new IllegalArgumentException("tiles follow the trimap's unknown band; model "
                    + model.contract().name() + " takes no trimap");
        }
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("max batch must be positive, got " + maxBatch);
        }
        this.model = model;
        this.input = new PlanarInput(model.contract());
        this.tiles = tiles;
        this.maxBatch = maxBatch;
    }

    private record Job(int image, TilePlan.Tile tile) {
    }

    /** Alpha per input over the tiled area (0 elsewhere: the caller fills in the known regions). */
    List<float[]> run(List<MattingInput> inputs) {
        List<Job> jobs = new ArrayList<>();
        List<TileBlend> blends = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            MattingInput in = inputs.get(i);
            blends.add(new TileBlend(in.image().width(), in.image().height(), tiles.size(), tiles.overlap()));
            for (TilePlan.Tile tile : TilePlan.cover(in.trimap(), tiles.size(), tiles.stride())) {
                jobs.add(new Job(i, tile));
            }
        }
        int size = tiles.size();
        int plane = size * size;
        for (int from = 0; from < jobs.size(); from += maxBatch) {
            List<Job> chunk = jobs.subList(from, Math.min(jobs.size(), from + maxBatch));
            float[] batch = new float[chunk.size() * model.contract().inputChannels() * plane];
            for (int k = 0; k < chunk.size(); k++) {
                Job job = chunk.get(k);
                MattingInput in = inputs.get(job.image());
                input.write(in.image().rgb(), in.trimap().labels(), in.image().width(), in.image().height(),
                        job.tile().x(), job.tile().y(), size, size, batch, k);
            }
            float[] out = model.forward(batch, chunk.size(), size, size);
            for (int k = 0; k < chunk.size(); k++) {
                blends.get(chunk.get(k).image()).add(chunk.get(k).tile(), out, k * plane);
            }
        }
        List<float[]> alphas = new ArrayList<>(inputs.size());
        for (TileBlend blend : blends) {
            alphas.add(blend.result());
        }
        return alphas;
    }
}
