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
``me``: outside an expression there is no current operator (inside one, ``me`` is its owner), and
``tdu`` with the value types pasted scripts use (``tdu.Matrix()``, ``tdu.Position``, ``tdu.Vector``).
"""
import types as _types

from . import _td
from ._save import FileSaveStatus, waitForSaves

# What the package takes from the C module: these names, and every operator type in _td.families,
# so that a new operator type needs no edit here.
_API_NAMES = (
    "OP", "COMP", "ObjectCOMP", "TOP", "SOP", "MAT", "DAT", "CHOP", "Cell", "Channel", "Par", "ParCollection",
    "ParGroup", "Point", "Prim", "Vertex", "Points", "Prims",
    "ParMode", "Page", "Connector", "AbsTime", "Project", "Matrix", "Position", "Vector",
    "root", "absTime", "project", "advance", "families", "tdError",
)
_MORE_NAMES = ("SaveStatus", "glInfo")  # attributes of the package, not part of ``import *``
_OPERATOR_TYPES = tuple(cls.__name__ for types in _td.families.values() for cls in types)
globals().update((name, getattr(_td, name)) for name in _API_NAMES + _MORE_NAMES + _OPERATOR_TYPES)

# TouchDesigner's tdu utility module, as far as td_render has it: the value types Matrix, Position,
# Vector (td.tdu.Matrix is td.Matrix), so pasted scripts' tdu.Matrix() works.
tdu = _types.SimpleNamespace(Matrix=_td.Matrix, Position=_td.Position, Vector=_td.Vector)


def op(*paths):
    """op(*paths) -> OP or None

    The first operator matching the paths, glob patterns or int ids, resolved from the root
    ('/geo1', 'geo1/sphere1', 'geo*', op.id); None if nothing matches.
    """
    return _td.root.op(*paths)


def opex(*paths):
    """opex(*paths) -> OP

    Like op(), but raises td_render.tdError when nothing matches.
    """
    return _td.root.opex(*paths)


def ops(*patterns):
    """ops(*patterns) -> list of OP

    Operators matching the glob patterns (or ids), resolved from the root (e.g. ops('geo*', '^geo7')).
    """
    return _td.root.ops(*patterns)


__all__ = [*_API_NAMES, *_OPERATOR_TYPES, "op", "opex", "ops", "tdu", "FileSaveStatus", "waitForSaves"]
