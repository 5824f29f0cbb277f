"""Writes the tiny ONNX model the catalogue install tests use (run with Debian's python3-torch):

    /usr/bin/python3 tools/make_tiny_rembg_like_model.py worker/src/test/resources/models/rembg-like

It has the contract of rembg's U^2-Net family: NCHW float RGB input normalised with ImageNet's
mean/std, one output [N, 1, H, W]. One 1x1 convolution with fixed weights, no training: the output
is 0.4 + 0.2 * sigmoid(20 * (red - 0.5)) on the un-normalised red in [0, 1]. Its values only span
[0.4, 0.6], like an uncalibrated saliency map, so a test can tell whether the output's min-max
normalisation ran: after it a more-than-half-red pixel is near 1 and the rest near 0.
Dynamic batch, height and width.
"""
import os
import sys

import torch

MEAN_R = 0.485
STD_R = 0.229
GAIN = 20.0


class RedSaliency(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 1, kernel_size=1, bias=True)
        with torch.no_grad():
            self.conv.weight.zero_()
            # RGB input: red is channel 0. red = x * std_r + mean_r.
            self.conv.weight[0, 0, 0, 0] = GAIN * STD_R
            self.conv.bias[0] = GAIN * (MEAN_R - 0.5)

    def forward(self, x):
        return 0.4 + 0.2 * torch.sigmoid(self.conv(x))


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    example = torch.zeros(1, 3, 8, 8)
    torch.onnx.export(RedSaliency().eval(), example, os.path.join(out_dir, "model.onnx"), input_names=["input"],
                      output_names=["saliency"], opset_version=13,
                      dynamic_axes={"input": {0: "n", 2: "h", 3: "w"}, "saliency": {0: "n", 2: "h", 3: "w"}})


if __name__ == "__main__":
    main(sys.argv[1])
