#!/usr/bin/python3
"""Make the TorchScript fixtures of AutoHair's network-matting tests (pipeline/src/test/resources/matting/).

  tiny-dim.pt           export_dim.py's Deep Image Matting network, random weights (seed 7), every
                        layer 16 times narrower: the real architecture (pooling indices, unpooling)
                        with the real input/output contract, ~0.5 MB instead of ~113 MB.
  probe-trimap.pt       alpha = sigmoid(w . x + b) per pixel over the 4 input channels, with the
                        weights below: the Java tests recompute it from the raw image and trimap,
                        so their normalisation, channel order and layout are checked numerically.
  probe-trimap-free.pt  the same over 3 channels (RGB only): a trimap-free model.

Run from the repository root:  /usr/bin/python3 tools/dim/make_test_models.py
"""
import os
import subprocess
import sys

import torch
import torch.nn as nn

OUT = "pipeline/src/test/resources/matting"
# Keep in step with ProbeModel.java.
PROBE_WEIGHTS = [1.5, -1.0, 0.5, 2.0]
PROBE_BIAS = -0.25


class Probe(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.mix = nn.Conv2d(channels, 1, 1)
        with torch.no_grad():
            self.mix.weight.copy_(torch.tensor(PROBE_WEIGHTS[:channels]).view(1, channels, 1, 1))
            self.mix.bias.fill_(PROBE_BIAS)

    def forward(self, x):
        return torch.sigmoid(self.mix(x))


def main():
    os.makedirs(OUT, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "export_dim.py"), "--random-weights", "--seed", "7",
                    "--width-divisor", "16", "--out", f"{OUT}/tiny-dim.pt"], check=True)
    for channels, name in ((4, "probe-trimap.pt"), (3, "probe-trimap-free.pt")):
        probe = Probe(channels).eval()
        traced = torch.jit.trace(probe, torch.rand(1, channels, 32, 32))
        traced.save(f"{OUT}/{name}")
        print(f"wrote {OUT}/{name}")


if __name__ == "__main__":
    main()
