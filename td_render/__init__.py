"""td_render: TouchDesigner's renderTOP / TOP / OP Python API, rendering headless with OpenGL 4.5.

    import td_render as td
    geo = td.root.create(td.geometryCOMP, 'geo1')
    geo.create(td.sphereSOP)
    td.root.create(td.cameraCOMP, 'cam1')
    td.root.create(td.lightCOMP, 'light1').par.tz = 5
    r = td.root.create(td.renderTOP, 'render1')
    geo.par.ry.expr = 'absTime.frame * 2'   # a parameter expression
    image = r.numpyArray()          # float32 (720, 1280, 4), row 0 = bottom
    td.advance()                    # time moves one frame; the next read re-renders
    r.save('frame.png')

``from td_render import *`` gives a script the names TouchDesigner's ``td`` module would, except
``me``: outside an expression there is no current operator (inside one, ``me`` is its owner).
"""
from ._td import (  # noqa: F401  (re-exported API)
    COMP,
    MAT,
    OP,
    SOP,
    TOP,
    AbsTime,
    Connector,
    ObjectCOMP,
    Page,
    Par,
    ParCollection,
    ParGroup,
    ParMode,
    Project,
    SaveStatus,
    absTime,
    advance,
    ambientlightCOMP,
    baseCOMP,
    boxSOP,
    cameraCOMP,
    constantMAT,
    containerCOMP,
    families,
    geometryCOMP,
    glInfo,
    lightCOMP,
    phongMAT,
    project,
    renderTOP,
    root,
    sphereSOP,
    tdError,
)
from ._save import FileSaveStatus, waitForSaves  # noqa: E402,F401


def op(*paths):
    """op(*paths) -> OP or None

    The first operator matching the paths, glob patterns or int ids, resolved from the root
    ('/geo1', 'geo1/sphere1', 'geo*', op.id); None if nothing matches.
    """
    return root.op(*paths)


def opex(*paths):
    """opex(*paths) -> OP

    Like op(), but raises td_render.tdError when nothing matches.
    """
    return root.opex(*paths)


def ops(*patterns):
    """ops(*patterns) -> list of OP

    Operators matching the glob patterns (or ids), resolved from the root (e.g. ops('geo*', '^geo7')).
    """
    return root.ops(*patterns)


__all__ = [
    "OP", "COMP", "ObjectCOMP", "TOP", "SOP", "MAT", "Par", "ParCollection", "ParGroup", "ParMode",
    "Page", "Connector", "AbsTime", "Project",
    "baseCOMP", "containerCOMP", "cameraCOMP", "geometryCOMP", "lightCOMP", "ambientlightCOMP", "renderTOP",
    "boxSOP", "sphereSOP", "constantMAT", "phongMAT",
    "root", "op", "opex", "ops", "absTime", "project", "advance", "families", "tdError",
    "FileSaveStatus", "waitForSaves",
]
