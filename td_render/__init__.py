"""td_render: TouchDesigner's renderTOP / TOP / OP Python API, rendering headless with OpenGL 4.5.

    import td_render as td
    geo = td.root.create(td.geometryCOMP, 'geo1')
    geo.create(td.sphereSOP)
    td.root.create(td.cameraCOMP, 'cam1')
    td.root.create(td.lightCOMP, 'light1').par.tz = 5
    r = td.root.create(td.renderTOP, 'render1')
    image = r.numpyArray()          # float32 (720, 1280, 4), row 0 = bottom
    r.save('frame.png')

``from td_render import *`` gives a script the names TouchDesigner's ``td`` module would.
"""
from ._td import (  # noqa: F401  (re-exported API)
    COMP,
    MAT,
    OP,
    SOP,
    TOP,
    ObjectCOMP,
    Par,
    ParCollection,
    ambientlightCOMP,
    baseCOMP,
    boxSOP,
    cameraCOMP,
    constantMAT,
    geometryCOMP,
    glInfo,
    lightCOMP,
    phongMAT,
    renderTOP,
    root,
    sphereSOP,
    tdError,
)
from ._save import FileSaveStatus, waitForSaves  # noqa: E402,F401


def op(path):
    """op(path) -> OP or None

    The operator at path, resolved from the root ('/geo1', 'geo1/sphere1'); None if nothing is there.
    """
    return root.op(path)


def ops(*patterns):
    """ops(*patterns) -> list of OP

    Operators matching the glob patterns, resolved from the root (e.g. ops('geo*', '^geo7')).
    """
    return root.ops(*patterns)


__all__ = [
    "OP", "COMP", "ObjectCOMP", "TOP", "SOP", "MAT", "Par", "ParCollection",
    "baseCOMP", "cameraCOMP", "geometryCOMP", "lightCOMP", "ambientlightCOMP", "renderTOP",
    "boxSOP", "sphereSOP", "constantMAT", "phongMAT",
    "root", "op", "ops", "tdError", "FileSaveStatus", "waitForSaves",
]
