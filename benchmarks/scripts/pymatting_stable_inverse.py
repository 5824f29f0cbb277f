#!/usr/bin/python3
"""Is a gap between AutoHair's closed-form matte and pymatting's the solver or the system?

    pymatting_stable_inverse.py DIR CASE [CASE ...]

DIR is what `PymattingBenchmark keep=DIR` wrote: CASE.png, CASE.trimap.png, CASE.truth.png and
CASE.autohair.png (AutoHair's default 8-bit alpha). For each case this solves pymatting's
closed-form system twice, both to a relative residual of 1e-10 with pymatting's own conjugate
gradients and incomplete Cholesky:

- as pymatting builds it (`cf_laplacian`: each window's 3x3 covariance inverted by cofactors);
- with the same windows inverted by LU (`numpy.linalg.inv`), written here.

and prints each one's SAD against the truth (thousands, 8-bit as the benchmark scores) and its
distance to AutoHair's alpha. Where a window's colours lie on a line (a strand over a plain
background) two of the covariance's eigenvalues are the regulariser's 1e-7/9 and the cofactor
determinant cancels most of its digits; LU keeps them.

Needs ../shared/anchors (pymatting) and Debian's python3-numpy, python3-scipy, python3-numba and
python3-opencv. A measurement aid only: the project does not ship or need pymatting.
"""
import os
import sys

ANCHORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "anchors")
sys.path.insert(0, os.environ.get("AUTOHAIR_ANCHORS", ANCHORS))
import cv2  # noqa: E402
import numpy as np  # noqa: E402
import scipy.sparse  # noqa: E402
from pymatting import cf_laplacian, cg, ichol, trimap_split  # noqa: E402


def lu_laplacian(image, is_known, epsilon=1e-7):
    """The matting Laplacian of every 3x3 window holding an unknown pixel, inverses by LU."""
    h, w, _ = image.shape
    known = is_known.reshape(h, w)
    all_known = np.ones((h - 2, w - 2), bool)
    for dy in range(3):
        for dx in range(3):
            all_known &= known[dy:h - 2 + dy, dx:w - 2 + dx]
    cy, cx = np.nonzero(~all_known)
    pixels = np.stack([(cy + 1 + dy) * w + cx + 1 + dx for dy in (-1, 0, 1) for dx in (-1, 0, 1)], 1)
    d = image.reshape(-1, 3)[pixels]
    d = d - d.mean(1, keepdims=True)
    inverse = np.linalg.inv(np.einsum("wki,wkj->wij", d, d) / 9 + epsilon / 9 * np.eye(3))
    blocks = np.eye(9)[None] - (1 + np.einsum("wki,wij,wlj->wkl", d, inverse, d)) / 9
    rows = np.repeat(pixels, 9, 1).ravel()
    columns = np.tile(pixels, (1, 9)).ravel()
    return scipy.sparse.csr_matrix((blocks.ravel(), (rows, columns)), (h * w, h * w))


def solve(laplacian, trimap):
    is_fg, _, is_known, is_unknown = trimap_split(trimap)
    l_u = laplacian[is_unknown][:, is_unknown]
    b = -laplacian[is_unknown][:, is_known].dot(is_fg[is_known].astype(np.float64))
    alpha = trimap.ravel().copy()
    alpha[is_unknown] = cg(l_u, b, M=ichol(l_u), rtol=1e-10)
    return np.clip(alpha * 255 + 0.5, 0, 255).astype(np.uint8).astype(np.float64) / 255


def grey(path):
    image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if image is None:
        sys.exit(f"cannot read {path}")
    return image.astype(np.float64).ravel() / 255


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    folder = sys.argv[1]
    print("| case | SAD pymatting (cofactors) | SAD pymatting (LU) | SAD AutoHair | AutoHair to cofactors | AutoHair to LU |")
    print("|---|---:|---:|---:|---:|---:|")
    for case in sys.argv[2:]:
        base = os.path.join(folder, case)
        colour = cv2.imread(base + ".png", cv2.IMREAD_COLOR)
        if colour is None:
            sys.exit(f"cannot read {base}.png")
        image = colour[..., ::-1].astype(np.float64) / 255
        trimap = grey(base + ".trimap.png").reshape(image.shape[:2])
        truth, ours = grey(base + ".truth.png"), grey(base + ".autohair.png")
        _, _, is_known, _ = trimap_split(trimap)
        cofactor = solve(cf_laplacian(image, is_known=is_known), trimap)
        lu = solve(lu_laplacian(image, is_known), trimap)

        def sad(a, b):
            return np.abs(a - b).sum() / 1000

        print(f"| {case} | {sad(cofactor, truth):.3f} | {sad(lu, truth):.3f} | {sad(ours, truth):.3f} "
              f"| {sad(ours, cofactor):.3f} | {sad(ours, lu):.3f} |", flush=True)


if __name__ == "__main__":
    main()
