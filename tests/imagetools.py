"""Helpers for tests that check rendered images: silhouettes computed from the scene geometry."""
import itertools
import math

import numpy as np


def project(point, width, height, cam=(0.0, 0.0, 5.0), fov_deg=45.0):
    """Pixel coordinates (x right, y up from the bottom) of a world point seen by an unrotated
    camera at cam looking down -z with a horizontal field of view of fov_deg."""
    t = 1.0 / math.tan(math.radians(fov_deg) / 2.0)
    rx, ry, rz = (point[i] - cam[i] for i in range(3))
    ndc_x = rx / -rz * t
    ndc_y = ry / -rz * t * (width / height)
    return ((ndc_x + 1.0) * width / 2.0, (ndc_y + 1.0) * height / 2.0)


def hull(points):
    """The convex hull of 2D points, counter-clockwise."""
    pts = sorted(set(points))

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]  # counter-clockwise


def box_silhouette(width, height, center=(0.0, 0.0, 0.0), size=(1.0, 1.0, 1.0), cam=(0.0, 0.0, 5.0),
                   fov_deg=45.0, shrink=0.0):
    """Boolean (height, width) mask, row 0 = bottom, of the pixels whose centres lie inside the
    projected silhouette of an axis-aligned box (the convex hull of its 8 projected corners), with
    `shrink` pixels taken off every edge (negative grows it)."""
    corners = [tuple(center[i] + s[i] * size[i] / 2.0 for i in range(3))
               for s in itertools.product((-1, 1), repeat=3)]
    outline = hull([project(c, width, height, cam, fov_deg) for c in corners])
    xs, ys = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
    inside = np.ones((height, width), bool)
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1]):
        ex, ey = x1 - x0, y1 - y0
        length = math.hypot(ex, ey)
        # signed distance to the left of the edge (inside, for a counter-clockwise hull)
        dist = (ex * (ys - y0) - ey * (xs - x0)) / length
        inside &= dist > shrink
    return inside


def assert_mask_within_one_pixel(covered, expected_fn):
    """covered must contain the expected mask shrunk by one pixel and lie inside it grown by one.
    expected_fn(shrink) returns the expected mask."""
    inner = expected_fn(1.0)
    outer = expected_fn(-1.0)
    assert inner.sum() > 0, "the expected shape is empty: bad test geometry"
    missing = inner & ~covered
    extra = covered & ~outer
    assert not missing.any(), "%d pixels inside the predicted silhouette are not covered" % missing.sum()
    assert not extra.any(), "%d pixels outside the predicted silhouette are covered" % extra.sum()


def luminance(a):
    return a[..., 0] * 0.2126 + a[..., 1] * 0.7152 + a[..., 2] * 0.0722


def centroid(mask):
    ys, xs = np.nonzero(mask)
    return xs.mean() + 0.5, ys.mean() + 0.5
