package dev.autohair.models.catalogue;

import dev.autohair.pipeline.segmentation.BatchLimits;
import dev.autohair.pipeline.segmentation.InputContract;
import dev.autohair.pipeline.segmentation.OutputContract;
import dev.autohair.pipeline.segmentation.OutputKind;
import dev.autohair.pipeline.segmentation.PerChannel;
import dev.autohair.pipeline.segmentation.TensorLayout;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models {@code autohair models install} knows. {@link #REMBG} is rembg's published ONNX
 * family: URLs, MD5s, input sizes, mean/std and output handling as rembg's {@code
 * rembg/sessions/*.py} state them (see docs/MODELS.md for the sources and licences).
 */
public final class ModelCatalogue {

    private static final String RELEASE = "https://github.com/danielgatis/rembg/releases/download/v0.0.0/";
    private static final PerChannel IMAGENET_MEAN = new PerChannel(0.485f, 0.456f, 0.406f);
    private static final PerChannel IMAGENET_STD = new PerChannel(0.229f, 0.224f, 0.225f);
    private static final PerChannel HALF = new PerChannel(0.5f, 0.5f, 0.5f);
    private static final String U2NET_LICENCE = "Apache-2.0 (github.com/xuebinqin/U-2-Net LICENSE)";
    private static final URI U2NET = URI.create("https://github.com/xuebinqin/U-2-Net");
    private static final URI BIREFNET = URI.create("https://github.com/ZhengPeng7/BiRefNet");
    // rembg runs one image per call; BiRefNet's export is known to have a fixed batch of 1 (rembg
    // issue #821) and the others are not known to take more, so each forward pass takes one image.
    private static final BatchLimits ONE_IMAGE = new BatchLimits(1, BatchLimits.DEFAULT.maxPixels());

    public static final ModelCatalogue REMBG = new ModelCatalogue(List.of(
            u2netFamily("u2net", "U²-Net, general salient objects", "u2net.onnx",
                    "60024c5c889badc19c04ad937298a77b", U2NET_LICENCE, U2NET),
            u2netFamily("u2netp", "U²-Net small (lightweight), general salient objects", "u2netp.onnx",
                    "8e83ca70e441ab06c318d82300c84806", U2NET_LICENCE, U2NET),
            u2netFamily("u2net_human_seg", "U²-Net trained for people", "u2net_human_seg.onnx",
                    "c09ddc2e0104f800e3e1bb4652583d1f", U2NET_LICENCE, U2NET),
            u2netFamily("silueta", "U²-Net reduced to 43 MB", "silueta.onnx", "55e59e0d8062d2f5d013f4725ee84782",
                    "Apache-2.0 (U²-Net's; posted in U-2-Net issue #295 with no licence of its own)",
                    URI.create("https://github.com/xuebinqin/U-2-Net/issues/295")),
            new CatalogueModel("isnet-general-use", "IS-Net (DIS), general objects at 1024x1024",
                    URI.create(RELEASE + "isnet-general-use.onnx"), "fc16ebd8b0c10d971d3513d564d01e29",
                    "Apache-2.0 (github.com/xuebinqin/DIS LICENSE.md)", URI.create("https://github.com/xuebinqin/DIS"),
                    nchw(1024, HALF, PerChannel.ONE), minMax(OutputKind.PROBABILITY), ONE_IMAGE),
            new CatalogueModel("birefnet-general", "BiRefNet general, 1024x1024",
                    URI.create(RELEASE + "BiRefNet-general-epoch_244.onnx"), "7a35a0141cbbc80de11d9c9a28f52697",
                    "MIT (github.com/ZhengPeng7/BiRefNet LICENSE)", BIREFNET,
                    nchw(1024, IMAGENET_MEAN, IMAGENET_STD), minMax(OutputKind.SIGMOID_LOGITS), ONE_IMAGE),
            new CatalogueModel("birefnet-general-lite", "BiRefNet general, lite (Swin-T backbone), 1024x1024",
                    URI.create(RELEASE + "BiRefNet-general-bb_swin_v1_tiny-epoch_232.onnx"),
                    "4fab47adc4ff364be1713e97b7e66334", "MIT (github.com/ZhengPeng7/BiRefNet LICENSE)", BIREFNET,
                    nchw(1024, IMAGENET_MEAN, IMAGENET_STD), minMax(OutputKind.SIGMOID_LOGITS), ONE_IMAGE)));

    private final Map<String, CatalogueModel> models = new LinkedHashMap<>();

    public ModelCatalogue(List<CatalogueModel> entries) {
        for (CatalogueModel m : entries) {
            if (models.put(m.name(), m) != null) {
                throw new IllegalArgumentException("the catalogue names " + m.name() + " twice");
            }
        }
    }

    public List<CatalogueModel> models() {
        return List.copyOf(models.values());
    }

    public Optional<CatalogueModel> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public CatalogueModel require(String name) {
        return find(name).orElseThrow(() -> new UnknownCatalogueModelException("'" + name + "' is not a model"
                + " AutoHair can install; known: " + models.keySet()));
    }

    /** This catalogue with {@code replacement} in place of the entry of the same name. */
    public ModelCatalogue with(CatalogueModel replacement) {
        require(replacement.name());
        return new ModelCatalogue(models.values().stream()
                .map(m -> m.name().equals(replacement.name()) ? replacement : m).toList());
    }

    // U²-Net and its derivatives: 320x320, ImageNet normalisation, output 0 channel 0 is the saliency map.
    private static CatalogueModel u2netFamily(String name, String description, String asset, String md5,
            String licence, URI project) {
        return new CatalogueModel(name, description, URI.create(RELEASE + asset), md5, licence, project,
                nchw(320, IMAGENET_MEAN, IMAGENET_STD), minMax(OutputKind.PROBABILITY), ONE_IMAGE);
    }

    private static InputContract nchw(int side, PerChannel mean, PerChannel std) {
        return new InputContract(InputContract.Resize.STRETCH, side, side, 0, TensorLayout.NCHW,
                InputContract.ValueType.FLOAT32, 0f, 1f, mean, std, InputContract.ChannelOrder.RGB);
    }

    private static OutputContract minMax(OutputKind kind) {
        return new OutputContract(kind, TensorLayout.NCHW, List.of("subject"), null, List.of(),
                OutputContract.Normalisation.MIN_MAX);
    }
}
