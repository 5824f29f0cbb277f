"""Writes the tiny segmentation models the engine tests use (run with Debian's python3-torch):

    /usr/bin/python3 tools/make_tiny_segmentation_models.py pipeline/src/test/resources/models/tiny-redness

The "network" is one 1x1 convolution with fixed weights, no training: it reads BGR, NCHW input
normalised with ImageNet's mean/std and returns two softmax logits per pixel, [background,
subject], where subject - background = 20 * (red - 0.5) on the un-normalised red in [0, 1].
So a pixel is subject exactly when it is more than half red. Written as TorchScript (model.pt)
and ONNX (model.onnx), both with dynamic batch, height and width.
"""
import os
import sys

import torch

MEAN = (0.485, 0.456, 0.406)  # R, G, B
STD = (0.229, 0.224, 0.225)
GAIN = 20.0


def build():
    conv = torch.nn.Conv2d(3, 2, kernel_size=1, bias=True)
    with torch.no_grad():
        conv.weight.zero_()
        conv.bias.zero_()
        # BGR input: red is channel 2. red = x * std_r + mean_r.
        conv.weight[1, 2, 0, 0] = GAIN * STD[0]
        conv.bias[1] = GAIN * (MEAN[0] - 0.5)
    return conv.eval()


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    model = build()
    example = torch.zeros(1, 3, 8, 8)
    torch.jit.trace(model, example).save(os.path.join(out_dir, "model.pt"))
    torch.onnx.export(model, example, os.path.join(out_dir, "model.onnx"), input_names=["image"],
                      output_names=["logits"], opset_version=13,
                      dynamic_axes={"image": {0: "n", 2: "h", 3: "w"}, "logits": {0: "n", 2: "h", 3: "w"}})


if __name__ == "__main__":
    main(sys.argv[1])
