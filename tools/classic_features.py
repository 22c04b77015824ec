#!/usr/bin/env python3
"""The prototype of fashionrec's classic image encoder (ClassicImageEncoder), in numpy.

It is what the Java encoder is tested against (ClassicSampleParityTest, and the golden files in
core/src/test/resources/golden/), and how the features were chosen. It prints leave-one-out
precision@5 on a catalog for the shape block, the colour block and both, by articleType,
subCategory and baseColour. With --half, photos whose sides are both at least 192 are first
reduced to every other row and column, as `fashionrec index` decodes them.

Needs Debian's packages:  apt-get install -y python3-skimage python3-sklearn python3-pil python3-scipy
usage: /usr/bin/python3 tools/classic_features.py [--half] [CATALOG_DIR]
"""
import csv, os, sys
import numpy as np
from PIL import Image
from scipy import ndimage
from skimage.color import rgb2lab
from skimage.feature import hog
from sklearn.preprocessing import normalize

args = [a for a in sys.argv[1:] if a != "--half"]
HALF = "--half" in sys.argv[1:]
D = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "fashion-sample")
rows = list(csv.DictReader(open(os.path.join(D, "styles.csv"))))
LABELS = ["articleType", "subCategory", "baseColour"]

def shape(im):
    # HOG of the grey image resized (Pillow BILINEAR) to 96x96, 12 px cells (8x8 cells),
    # 12 unsigned orientations, 2x2-cell blocks with stride 1 cell (7x7 blocks), L2-Hys.
    g = np.asarray(Image.fromarray(im).convert("L").resize((96, 96), Image.BILINEAR), dtype=np.float32) / 255
    return hog(g, orientations=12, pixels_per_cell=(12, 12), cells_per_block=(2, 2), block_norm="L2-Hys", feature_vector=True)

def foreground(small, thr=235):
    # background = near-white pixels (min channel >= 235) 4-connected to the image border
    white = small.min(axis=2) >= thr
    lab, _ = ndimage.label(white)
    border = np.unique(np.concatenate([lab[0], lab[-1], lab[:, 0], lab[:, -1]]))
    border = border[border > 0]
    return ~np.isin(lab, border)

yy, xx = np.mgrid[0:64, 0:64]
yy = (yy + 0.5) / 64 - 0.5
xx = (xx + 0.5) / 64 - 0.5
CENTRE = np.exp(-0.5 * ((xx / 0.25) ** 2 + (yy / 0.25) ** 2))

def colour(im, nb=(6, 12, 12)):
    # 64x64 (Pillow BILINEAR), CIE Lab (sRGB D65), weights = foreground x Gaussian centre weight
    # (sigma = 0.25 of the side), soft (trilinear) histogram with bin centres spread over
    # L in [0,100], a and b in [-80,80]; values clamped to the outer bin centres; then sqrt.
    small = np.asarray(Image.fromarray(im).resize((64, 64), Image.BILINEAR))
    w = (foreground(small) * CENTRE).ravel()
    L = rgb2lab(small / 255.0).reshape(-1, 3)
    keep = w > 0
    x, w = L[keep], w[keep]
    lo, hi, nb = np.array([0, -80, -80]), np.array([100, 80, 80]), np.array(nb)
    t = np.clip((x - lo) / (hi - lo) * nb - 0.5, 0, nb - 1)
    f = np.floor(t).astype(int)
    r = t - f
    h = np.zeros(tuple(nb))
    for d in np.ndindex(2, 2, 2):
        d = np.array(d)
        ii = np.minimum(f + d, nb - 1)
        np.add.at(h, tuple(ii.T), np.prod(np.where(d == 1, r, 1 - r), axis=1) * w)
    h = h.ravel()
    return np.sqrt(h / max(h.sum(), 1e-9))

def precision(X, k=5):
    S = X @ X.T
    np.fill_diagonal(S, -np.inf)
    top = np.argpartition(-S, k, axis=1)[:, :k]
    return ["%.3f" % float((lab[top] == lab[:, None]).mean()) for lab in [np.array([r[l] for r in rows]) for l in LABELS]]

def load(r):
    im = np.asarray(Image.open(os.path.join(D, "images", r["id"] + ".jpg")).convert("RGB"))
    if HALF and min(im.shape[:2]) >= 2 * 96:
        im = np.ascontiguousarray(im[::2, ::2])
    return im

ims = [load(r) for r in rows]
H = normalize(np.stack([shape(im) for im in ims]))
C = normalize(np.stack([colour(im) for im in ims]))
print("P@5", LABELS)
print("shape ", precision(H))
print("colour", precision(C))
print("image (0.75 shape + 0.25 colour)", precision(np.hstack([np.sqrt(0.75) * H, np.sqrt(0.25) * C])))
