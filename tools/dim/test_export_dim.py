#!/usr/bin/python3
"""Checks export_dim.py's checkpoint handling: /usr/bin/python3 tools/dim/test_export_dim.py"""
import os
import subprocess
import sys
import tempfile
import unittest

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from export_dim import DeepImageMatting  # noqa: E402


def export(*args):
    return subprocess.run([sys.executable, os.path.join(HERE, "export_dim.py"), *args], capture_output=True, text=True)


class ExportTest(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def test_a_data_parallel_checkpoint_exports_to_the_same_alpha(self):
        torch.manual_seed(1)
        network = DeepImageMatting(width_divisor=16, conv6_kernel=1).eval()
        state = {"module." + k: v for k, v in network.state_dict().items()}
        state["module.refine_conv1.weight"] = torch.zeros(1)
        torch.save({"state_dict": state, "epoch": 3}, self.path("stage1.pth"))
        run = export("--checkpoint", self.path("stage1.pth"), "--out", self.path("dim.pt"))
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("ignoring 1 checkpoint entries: refine_conv1.weight", run.stderr)
        x = torch.rand(2, 4, 96, 64)
        with torch.no_grad():
            self.assertTrue(torch.equal(torch.jit.load(self.path("dim.pt"))(x), network(x)[0]))

    def test_a_checkpoint_of_another_shape_is_refused_by_layer(self):
        network = DeepImageMatting(width_divisor=16)
        state = network.state_dict()
        state["deconv5_1.weight"] = torch.zeros(32, 32, 3, 3)
        torch.save({"state_dict": state}, self.path("other.pth"))
        run = export("--checkpoint", self.path("other.pth"), "--out", self.path("x.pt"))
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("deconv5_1.weight", run.stderr)

    def test_random_weights_give_alpha_of_the_input_size(self):
        run = export("--random-weights", "--width-divisor", "32", "--input-channels", "3", "--out", self.path("free.pt"))
        self.assertEqual(run.returncode, 0, run.stderr)
        alpha = torch.jit.load(self.path("free.pt"))(torch.rand(1, 3, 64, 128))
        self.assertEqual(tuple(alpha.shape), (1, 1, 64, 128))
        self.assertTrue(bool(((alpha >= 0) & (alpha <= 1)).all()))


if __name__ == "__main__":
    unittest.main()
