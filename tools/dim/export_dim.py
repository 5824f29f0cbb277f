#!/usr/bin/python3
"""Export a Deep Image Matting network (Xu, Price, Cohen, Huang: "Deep Image Matting", CVPR 2017)
to TorchScript for AutoHair's NetworkMatting.

The network, written from the paper's description:
  * encoder: VGG16's thirteen 3x3 convolutions (ReLU) in five blocks, each block closed by 2x2 max
    pooling that remembers its indices, plus conv6 (VGG's fc6 as a convolution). The first
    convolution takes 4 channels: RGB and the trimap.
  * decoder: a 1x1 convolution, then five times max-unpooling (with the encoder's indices) and a
    5x5 convolution, narrowing 512 -> 512 -> 256 -> 128 -> 64 -> 64; a last 5x5 convolution gives
    one channel and a sigmoid turns it into alpha.
  This is the older variant without skip connections and without the refinement stage: the one
  the public stage-1 checkpoint was trained with. Layer names follow that checkpoint's state_dict
  (conv1_1 ... conv6_1, deconv6_1 ... deconv1_1, deconv1) so it loads as it is.

The traced module's contract (what AutoHair's MattingModelContract.DEEP_IMAGE_MATTING says):
  input  float32 [N, 4, H, W], H and W multiples of 32;
         channels 0-2: RGB in [0, 1] normalised with ImageNet mean (0.485, 0.456, 0.406) and
         std (0.229, 0.224, 0.225); channel 3: trimap / 255 (0 background, ~0.5 unknown, 1 foreground)
  output float32 [N, 1, H, W], alpha in [0, 1].

Usage:
  export_dim.py --checkpoint stage1.pth --out dim.pt          # bring your own weights
  export_dim.py --random-weights --out dim-random.pt          # same network, random weights (~100 MB)
  export_dim.py --random-weights --width-divisor 16 --out tiny.pt   # narrow layers: a small test fixture

Needs PyTorch (tested with Debian's python3-torch 1.13); run with /usr/bin/python3.
"""
import argparse
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

# Channels of VGG16's five blocks and of conv6; the decoder mirrors them.
VGG_BLOCKS = ((64, 2), (128, 2), (256, 3), (512, 3), (512, 3))
CONV6 = 512
DECODER = (512, 256, 128, 64, 64)  # deconv5_1 .. deconv1_1 outputs


class DeepImageMatting(nn.Module):
    """Encoder-decoder of the paper's first stage. forward() gives (alpha, logits)."""

    def __init__(self, input_channels=4, width_divisor=1, conv6_kernel=3):
        super().__init__()
        def width(c):
            return max(1, c // width_divisor)
        previous = input_channels
        self.blocks = []
        for b, (channels, convs) in enumerate(VGG_BLOCKS, start=1):
            names = []
            for k in range(1, convs + 1):
                name = f"conv{b}_{k}"
                setattr(self, name, nn.Conv2d(previous, width(channels), 3, padding=1))
                previous = width(channels)
                names.append(name)
            self.blocks.append(names)
        self.conv6_1 = nn.Conv2d(previous, width(CONV6), conv6_kernel, padding=conv6_kernel // 2)
        # The unpooling indices index the pooled block's channels, so each decoder conv before an
        # unpooling must give as many channels as that encoder block had.
        self.deconv6_1 = nn.Conv2d(width(CONV6), width(VGG_BLOCKS[4][0]), 1)
        previous = width(VGG_BLOCKS[4][0])
        for level, channels in zip(range(5, 0, -1), DECODER):
            setattr(self, f"deconv{level}_1", nn.Conv2d(previous, width(channels), 5, padding=2))
            previous = width(channels)
        self.deconv1 = nn.Conv2d(previous, 1, 5, padding=2)

    def forward(self, x):
        pooled = []  # (indices, size before pooling), block 1 first
        for names in self.blocks:
            for name in names:
                x = F.relu(getattr(self, name)(x))
            size = x.size()
            x, indices = F.max_pool2d(x, 2, 2, return_indices=True)
            pooled.append((indices, size))
        x = F.relu(self.conv6_1(x))
        x = F.relu(self.deconv6_1(x))
        for level in range(5, 0, -1):
            indices, size = pooled[level - 1]
            x = F.max_unpool2d(x, indices, 2, 2, output_size=size[2:])
            x = F.relu(getattr(self, f"deconv{level}_1")(x))
        logits = self.deconv1(x)
        return torch.sigmoid(logits), logits


class AlphaOnly(nn.Module):
    """What gets traced: the alpha and nothing else, so the Java side sees one output tensor."""

    def __init__(self, network):
        super().__init__()
        self.network = network

    def forward(self, x):
        alpha, _ = self.network(x)
        return alpha


def read_state_dict(path):
    checkpoint = torch.load(path, map_location="cpu")
    state = checkpoint["state_dict"] if isinstance(checkpoint, dict) and "state_dict" in checkpoint else checkpoint
    if not isinstance(state, dict):
        sys.exit(f"{path}: expected a dict with 'state_dict' (or a bare state_dict), got {type(state).__name__}")
    # Checkpoints saved from nn.DataParallel prefix every key with "module.".
    return {(k[len("module."):] if k.startswith("module.") else k): v for k, v in state.items()}


def load_checkpoint(path, input_channels=4):
    state = read_state_dict(path)
    if "conv6_1.weight" not in state:
        sys.exit(f"{path}: no conv6_1.weight; not a Deep Image Matting checkpoint of this variant"
                 f" (keys: {', '.join(sorted(state)[:8])}, ...)")
    # Widths and kernel come from the checkpoint, so narrow test checkpoints load too; the
    # shape check below still catches any layer that does not fit.
    first = state["conv1_1.weight"].shape if "conv1_1.weight" in state else (VGG_BLOCKS[0][0], input_channels)
    network = DeepImageMatting(first[1], max(1, VGG_BLOCKS[0][0] // first[0]),
                               conv6_kernel=state["conv6_1.weight"].shape[-1])
    expected = network.state_dict()
    ignored = sorted(k for k in state if k not in expected)
    missing = sorted(k for k in expected if k not in state)
    if missing:
        sys.exit(f"{path}: missing {', '.join(missing)}")
    wrong = [f"{k}: checkpoint {tuple(state[k].shape)}, network {tuple(expected[k].shape)}"
             for k in expected if state[k].shape != expected[k].shape]
    if wrong:
        sys.exit(f"{path}: shapes differ (is it the variant with skip connections?)\n  " + "\n  ".join(wrong))
    if ignored:
        # e.g. refine_* layers of a stage-2 checkpoint: the refinement stage is not exported.
        print(f"ignoring {len(ignored)} checkpoint entries: {', '.join(ignored)}", file=sys.stderr)
    network.load_state_dict({k: state[k] for k in expected})
    return network


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--checkpoint", help="a .pth/.tar holding {'state_dict': ...} (a 'module.' prefix is stripped)")
    source.add_argument("--random-weights", action="store_true", help="initialise randomly (tests, benchmarks)")
    parser.add_argument("--out", required=True, help="where to write the TorchScript file (.pt)")
    parser.add_argument("--width-divisor", type=int, default=1,
                        help="divide every layer's width by this (random weights only): 16 gives a ~0.5 MB test fixture")
    parser.add_argument("--input-channels", type=int, default=4, choices=(3, 4),
                        help="4: RGB + trimap (default); 3: RGB only, a trimap-free variant (random weights only)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for --random-weights")
    parser.add_argument("--trace-size", type=int, default=320, help="side of the example input used for tracing")
    args = parser.parse_args()

    if args.checkpoint and (args.width_divisor != 1 or args.input_channels != 4):
        parser.error("--width-divisor and --input-channels describe random networks; a checkpoint fixes both")
    if args.trace_size % 32:
        parser.error("--trace-size must be a multiple of 32")
    torch.manual_seed(args.seed)
    if args.checkpoint:
        network = load_checkpoint(args.checkpoint, args.input_channels)
    else:
        network = DeepImageMatting(args.input_channels, args.width_divisor)
    module = AlphaOnly(network).eval()
    example = torch.rand(1, args.input_channels, args.trace_size, args.trace_size)
    with torch.no_grad():
        traced = torch.jit.trace(module, example)
        # The trace must not have baked in the example's size: check another size and batch.
        other = torch.rand(2, args.input_channels, 64, 96)
        if not torch.allclose(traced(other), module(other), atol=1e-5):
            sys.exit("the traced module disagrees with the network on a 2x64x96 input")
    traced.save(args.out)
    parameters = sum(p.numel() for p in network.parameters())
    print(f"wrote {args.out}: {parameters} parameters, input [N, {args.input_channels}, H, W] (H, W multiples of 32),"
          f" output alpha [N, 1, H, W]")


if __name__ == "__main__":
    main()
