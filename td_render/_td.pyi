"""Type stubs for td_render._td, the C core of td_render."""
import builtins
import enum
from os import PathLike
from typing import Any, Callable, ClassVar, Iterable, Iterator, Literal, Optional, Sequence, TypeVar, Union, final, overload

import numpy as np
import numpy.typing as npt
from typing_extensions import disjoint_base

from td_render._save import FileSaveStatus

_OP = TypeVar("_OP", bound="OP")

class tdError(RuntimeError): ...

class ParMode(enum.Enum):
    CONSTANT = 0
    EXPRESSION = 1
    EXPORT = 2
    BIND = 3

@final
class Par:
    """One parameter of an operator; acts as its current value in arithmetic and comparisons."""
    val: Any
    expr: str
    mode: ParMode
    menuIndex: Optional[int]
    readOnly: bool
    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def help(self) -> str: ...
    @property
    def page(self) -> Page: ...
    @property
    def owner(self) -> OP: ...
    @property
    def default(self) -> Any: ...
    @property
    def isDefault(self) -> bool: ...
    @property
    def style(self) -> str: ...
    @property
    def isMenu(self) -> bool: ...
    @property
    def isNumber(self) -> bool: ...
    @property
    def isFloat(self) -> bool: ...
    @property
    def isInt(self) -> bool: ...
    @property
    def isToggle(self) -> bool: ...
    @property
    def isString(self) -> bool: ...
    @property
    def isOP(self) -> bool: ...
    @property
    def isPulse(self) -> bool: ...
    @property
    def isMomentary(self) -> bool: ...
    @property
    def isPython(self) -> bool: ...
    @property
    def isSequence(self) -> bool: ...
    @property
    def isCustom(self) -> bool: ...
    @property
    def enable(self) -> bool: ...
    @property
    def menuNames(self) -> list[str]: ...
    @property
    def menuLabels(self) -> list[str]: ...
    @property
    def menuSource(self) -> str: ...
    @property
    def min(self) -> float: ...
    @property
    def max(self) -> float: ...
    @property
    def normMin(self) -> float: ...
    @property
    def normMax(self) -> float: ...
    @property
    def clampMin(self) -> bool: ...
    @property
    def clampMax(self) -> bool: ...
    @property
    def valid(self) -> bool: ...
    @property
    def index(self) -> int: ...
    @property
    def vecIndex(self) -> int: ...
    @property
    def parGroup(self) -> ParGroup: ...
    @property
    def hidden(self) -> bool: ...
    def eval(self) -> Any: ...
    def evalNorm(self) -> float: ...
    def evalExpression(self) -> Any: ...
    def reset(self) -> None: ...
    def evalOPs(self) -> list[OP]: ...
    def isSamePar(self, par: Par, /) -> bool: ...
    def pulse(self, value: Any = 1, frames: int = 0, seconds: float = 0) -> None: ...
    def __float__(self) -> float: ...
    def __int__(self) -> int: ...
    def __bool__(self) -> bool: ...
    def __add__(self, other: Any, /) -> Any: ...
    def __radd__(self, other: Any, /) -> Any: ...
    def __sub__(self, other: Any, /) -> Any: ...
    def __rsub__(self, other: Any, /) -> Any: ...
    def __mul__(self, other: Any, /) -> Any: ...
    def __rmul__(self, other: Any, /) -> Any: ...
    def __truediv__(self, other: Any, /) -> Any: ...
    def __rtruediv__(self, other: Any, /) -> Any: ...
    def __floordiv__(self, other: Any, /) -> Any: ...
    def __rfloordiv__(self, other: Any, /) -> Any: ...
    def __mod__(self, other: Any, /) -> Any: ...
    def __rmod__(self, other: Any, /) -> Any: ...
    def __pow__(self, other: Any, mod: None = None, /) -> Any: ...
    def __rpow__(self, other: Any, mod: None = None, /) -> Any: ...
    def __neg__(self) -> Any: ...
    def __pos__(self) -> Any: ...
    def __abs__(self) -> Any: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Any, /) -> bool: ...
    def __le__(self, other: Any, /) -> bool: ...
    def __gt__(self, other: Any, /) -> bool: ...
    def __ge__(self, other: Any, /) -> bool: ...

@final
class ParGroup:
    """Parameters sharing one label (tx ty tz: the group 't')."""
    val: tuple[Any, ...]
    expr: tuple[str, ...]
    mode: tuple[ParMode, ...]
    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def owner(self) -> OP: ...
    @property
    def page(self) -> Page: ...
    @property
    def style(self) -> str: ...
    @property
    def default(self) -> tuple[Any, ...]: ...
    @property
    def isDefault(self) -> bool: ...
    @property
    def index(self) -> int: ...
    @property
    def valid(self) -> bool: ...
    def eval(self) -> tuple[Any, ...]: ...
    def reset(self) -> None: ...
    def pars(self) -> list[Par]: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: int, /) -> Par: ...
    @overload
    def __getitem__(self, key: slice, /) -> list[Par]: ...

@disjoint_base
class ParCollection:  # not @final: the typed op.par collections below derive from it
    """op.par (parameters by name) or op.parGroup (groups by name). Unknown names raise AttributeError
    (or KeyError when indexing)."""
    def __getattribute__(self, name: str, /) -> Any: ...
    def __setattr__(self, name: str, value: Any, /) -> None: ...
    def __getitem__(self, key: str, /) -> Any: ...
    def __setitem__(self, key: str, value: Any, /) -> None: ...
    def __contains__(self, key: object, /) -> bool: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...

@final
class Page:
    @property
    def name(self) -> str: ...
    @property
    def owner(self) -> OP: ...
    @property
    def index(self) -> int: ...
    @property
    def isCustom(self) -> bool: ...
    @property
    def pars(self) -> list[Par]: ...

@final
class Connector:
    @property
    def index(self) -> int: ...
    @property
    def isInput(self) -> bool: ...
    @property
    def isOutput(self) -> bool: ...
    @property
    def owner(self) -> OP: ...
    @property
    def inOP(self) -> None: ...
    @property
    def outOP(self) -> None: ...
    @property
    def connections(self) -> list[Connector]: ...
    def connect(self, target: Union[OP, Connector], /) -> None: ...
    def disconnect(self) -> None: ...

@final
class AbsTime:
    @property
    def frame(self) -> float: ...
    @property
    def seconds(self) -> float: ...
    @property
    def step(self) -> float: ...
    @property
    def stepSeconds(self) -> float: ...
    @property
    def rate(self) -> float: ...

@final
class Project:
    cookRate: float
    realTime: bool
    name: str
    @property
    def folder(self) -> str: ...

@disjoint_base
class OP:
    """The base class of every operator."""
    name: str
    tags: set[str]
    currentPage: Page
    # Common Flags
    activeViewer: bool
    allowCooking: bool
    bypass: bool
    cloneImmune: bool
    current: bool
    display: bool
    expose: bool
    lock: bool
    selected: bool
    python: bool
    render: bool
    showCustomOnly: bool
    showDocked: bool
    viewer: bool
    # Appearance
    color: tuple[float, float, float]
    comment: str
    nodeHeight: int
    nodeWidth: int
    nodeX: int
    nodeY: int
    nodeCenterX: int
    nodeCenterY: int
    dock: Optional[OP]
    # General (read-only)
    @property
    def valid(self) -> bool: ...
    @property
    def id(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def digits(self) -> Optional[int]: ...
    @property
    def base(self) -> str: ...
    @property
    def passive(self) -> bool: ...
    @property
    def curPar(self) -> Optional[Par]: ...
    @property
    def curBlock(self) -> None: ...
    @property
    def curSeq(self) -> None: ...
    @property
    def time(self) -> AbsTime: ...
    @property
    def ext(self) -> Any: ...
    @property
    def fileFolder(self) -> str: ...
    @property
    def filePath(self) -> str: ...
    @property
    def mod(self) -> Any: ...
    @property
    def pages(self) -> list[Page]: ...
    @property
    def parGroup(self) -> ParCollection: ...
    @property
    def par(self) -> ParCollection: ...
    @property
    def builtinPars(self) -> list[Par]: ...
    @property
    def customParGroups(self) -> list[ParGroup]: ...
    @property
    def customPars(self) -> list[Par]: ...
    @property
    def customPages(self) -> list[Page]: ...
    @property
    def replicator(self) -> None: ...
    @property
    def storage(self) -> dict[str, Any]: ...
    @property
    def children(self) -> list[OP]: ...
    @property
    def numChildren(self) -> int: ...
    @property
    def numChildrenRecursive(self) -> int: ...
    @property
    def iop(self) -> Any: ...
    @property
    def ipar(self) -> Any: ...
    @property
    def seq(self) -> Any: ...
    @property
    def docked(self) -> list[OP]: ...
    # Connection
    @property
    def inputs(self) -> list[OP]: ...
    @property
    def outputs(self) -> list[OP]: ...
    @property
    def inputConnectors(self) -> list[Connector]: ...
    @property
    def outputConnectors(self) -> list[Connector]: ...
    # Cook Information
    @property
    def cookFrame(self) -> float: ...
    @property
    def cookTime(self) -> float: ...
    @property
    def cpuCookTime(self) -> float: ...
    @property
    def cookAbsFrame(self) -> float: ...
    @property
    def cookStartTime(self) -> float: ...
    @property
    def cookEndTime(self) -> float: ...
    @property
    def cookedThisFrame(self) -> bool: ...
    @property
    def cookedPreviousFrame(self) -> bool: ...
    @property
    def childrenCookTime(self) -> float: ...
    @property
    def childrenCPUCookTime(self) -> float: ...
    @property
    def childrenCookAbsFrame(self) -> float: ...
    @property
    def childrenCPUCookAbsFrame(self) -> float: ...
    @property
    def gpuCookTime(self) -> float: ...
    @property
    def childrenGPUCookTime(self) -> float: ...
    @property
    def childrenGPUCookAbsFrame(self) -> float: ...
    @property
    def totalCooks(self) -> int: ...
    @property
    def cpuMemory(self) -> int: ...
    @property
    def gpuMemory(self) -> int: ...
    # Type
    @property
    def type(self) -> str: ...
    @property
    def subType(self) -> str: ...
    @property
    def OPType(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def icon(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def isFilter(self) -> bool: ...
    @property
    def minInputs(self) -> int: ...
    @property
    def maxInputs(self) -> int: ...
    @property
    def isMultiInputs(self) -> bool: ...
    @property
    def visibleLevel(self) -> int: ...
    @property
    def isBase(self) -> bool: ...
    @property
    def isCHOP(self) -> bool: ...
    @property
    def isCOMP(self) -> bool: ...
    @property
    def isDAT(self) -> bool: ...
    @property
    def isMAT(self) -> bool: ...
    @property
    def isObject(self) -> bool: ...
    @property
    def isPanel(self) -> bool: ...
    @property
    def isSOP(self) -> bool: ...
    @property
    def isTOP(self) -> bool: ...
    @property
    def licenseType(self) -> str: ...
    # Methods
    def destroy(self) -> None: ...
    def op(self, *paths: Union[str, int, OP], includeUtility: bool = False) -> Optional[OP]: ...
    def opex(self, *paths: Union[str, int, OP], includeUtility: bool = False) -> OP: ...
    def ops(self, *patterns: Union[str, int, OP], includeUtility: bool = False) -> list[OP]: ...
    def parent(self, n: int = 1, /) -> Optional[COMP]: ...
    def pars(self, *patterns: str) -> list[Par]: ...
    def parGroups(self, *patterns: str) -> list[ParGroup]: ...
    def cook(self, force: bool = False, recurse: bool = False, includeUtility: bool = False) -> None: ...
    def copyParameters(self, OP: OP, custom: bool = True, builtin: bool = True) -> None: ...
    def changeType(self, OPtype: Union[builtins.type[_OP], str], /) -> OP: ...
    def dependenciesTo(self, OP: OP, /) -> list[list[OP]]: ...
    def evalExpression(self, expression: str, /) -> Any: ...
    def var(self, name: str, search: bool = True) -> str: ...
    def openMenu(self, x: Optional[int] = None, y: Optional[int] = None) -> None: ...
    def relativePath(self, OP: OP, /) -> str: ...
    def setInputs(self, listOfOPs: Sequence[OP], /) -> None: ...
    def shortcutPath(self, OP: OP, toParName: Optional[str] = None) -> str: ...
    def resetPars(self, parNames: str = "*", parGroupNames: str = "*", pageNames: str = "*",
                  includeBuiltin: bool = True, includeCustom: bool = True) -> bool: ...
    def addScriptError(self, msg: str, /) -> None: ...
    def addError(self, msg: str, /) -> None: ...
    def addWarning(self, msg: str, /) -> None: ...
    def errors(self, recurse: bool = False) -> str: ...
    def warnings(self, recurse: bool = False) -> str: ...
    def scriptErrors(self, recurse: bool = False) -> str: ...
    def clearScriptErrors(self, recurse: bool = False, error: str = "*") -> None: ...
    def childrenCPUMemory(self) -> int: ...
    def childrenGPUMemory(self) -> int: ...
    def resetNodeSize(self) -> None: ...
    def closeViewer(self, topMost: bool = False) -> None: ...
    def openViewer(self, unique: bool = False, borders: bool = True) -> None: ...
    def resetViewer(self, recurse: bool = False) -> None: ...
    def openParameters(self) -> None: ...
    def fetch(self, key: str, default: Any = ..., search: bool = True, storeDefault: bool = False) -> Any: ...
    def fetchOwner(self, key: str, /) -> Optional[OP]: ...
    def store(self, key: str, value: Any) -> Any: ...
    def unstore(self, *keys: str) -> None: ...
    def storeStartupValue(self, key: str, value: Any) -> None: ...
    def unstoreStartupValue(self, *keys: str) -> None: ...
    def __getstate__(self) -> dict[str, Any]: ...
    def __setstate__(self, state: dict[str, Any], /) -> None: ...

class COMP(OP):
    @overload
    def create(self, OPtype: builtins.type[_OP], name: Optional[str] = None, initialize: bool = True) -> _OP: ...
    @overload
    def create(self, OPtype: str, name: Optional[str] = None, initialize: bool = True) -> OP: ...
    def copy(self, OP: _OP, name: Optional[str] = None, includeDocked: bool = True) -> _OP: ...
    def copyOPs(self, listOfOPs: Sequence[OP], /) -> list[OP]: ...
    def findChildren(self, *, type: Optional[builtins.type[OP]] = None, name: Optional[str] = None,
                     path: Optional[str] = None, depth: Optional[int] = None, maxDepth: Optional[int] = None,
                     text: Optional[str] = None,
                     comment: Optional[str] = None, tags: Sequence[str] = ..., allTags: bool = False,
                     parValue: Optional[str] = None, parExpr: Optional[str] = None, parName: Optional[str] = None,
                     onlyNonDefaults: bool = False, includeUtility: bool = False,
                     key: Optional[Callable[[OP], Any]] = None) -> list[OP]: ...
    def setVar(self, name: str, value: Any) -> None: ...
    def unsetVar(self, name: str, /) -> None: ...
    def vars(self, *patterns: str) -> list[str]: ...

class ObjectCOMP(COMP):
    """A component with a transform (the Xform and Pre-Xform pages)."""
    @property
    def localTransform(self) -> Matrix: ...
    @property
    def worldTransform(self) -> Matrix: ...
    def transform(self) -> Matrix: ...
    def setTransform(self, matrix: _MatrixLike, /) -> None: ...
    def preTransform(self) -> Matrix: ...
    def setPreTransform(self, matrix: _MatrixLike, /) -> None: ...
    def relativeTransform(self, target: ObjectCOMP, /) -> Matrix: ...

_Vec3Like = Union[Position, Vector, Sequence[float]]
_MatrixLike = Union[Matrix, Sequence[float], npt.NDArray[Any]]

@final
class Matrix:
    """A 4x4 transform (tdu.Matrix), column-major: M * p multiplies column vectors."""
    def __new__(cls, *args: Any, zero: bool = False) -> Matrix: ...
    vals: list[float]
    @property
    def rows(self) -> list[list[float]]: ...
    @property
    def cols(self) -> list[list[float]]: ...
    def identity(self) -> None: ...
    def copy(self) -> Matrix: ...
    def transpose(self) -> None: ...
    def getTranspose(self) -> Matrix: ...
    def invert(self) -> None: ...
    def getInverse(self) -> Matrix: ...
    def determinant(self) -> float: ...
    def translate(self, tx: float, ty: float, tz: float, /, *, fromRight: bool = False) -> None: ...
    def rotate(self, rx: float, ry: float, rz: float, /, *, fromRight: bool = False,
               pivot: Optional[_Vec3Like] = None) -> None: ...
    def rotateOnAxis(self, rotationAxis: _Vec3Like, angle: float, /, *, fromRight: bool = False,
                     pivot: Optional[_Vec3Like] = None) -> None: ...
    def scale(self, sx: float, sy: float, sz: float, /, *, fromRight: bool = False,
              pivot: Optional[_Vec3Like] = None) -> None: ...
    def lookat(self, eyePos: _Vec3Like, target: _Vec3Like, up: _Vec3Like, /) -> None: ...
    def decompose(self) -> tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]]: ...
    def numpyArray(self) -> npt.NDArray[np.float64]: ...
    def projectionFrustum(self, left: float, right: float, bottom: float, top: float, near: float, far: float, /
                          ) -> None: ...
    def projectionFovX(self, fovX: float, aspectX: float, aspectY: float, near: float, far: float, /) -> None: ...
    def mapUnitSquareToQuad(self, blX: float, blY: float, brX: float, brY: float, tlX: float, tlY: float,
                            trX: float, trY: float, /) -> None: ...
    def mapQuadToUnitSquare(self, blX: float, blY: float, brX: float, brY: float, tlX: float, tlY: float,
                            trX: float, trY: float, /) -> None: ...
    def projectAndClip(self, pos: _Vec3Like, /) -> Optional[Position]: ...
    def __getitem__(self, key: tuple[int, int], /) -> float: ...
    def __setitem__(self, key: tuple[int, int], value: float, /) -> None: ...
    @overload
    def __mul__(self, other: Matrix, /) -> Matrix: ...
    @overload
    def __mul__(self, other: Position, /) -> Position: ...
    @overload
    def __mul__(self, other: Vector, /) -> Vector: ...
    def __rmul__(self, other: Matrix, /) -> Matrix: ...
    def __add__(self, other: Matrix, /) -> Matrix: ...
    def __radd__(self, other: Matrix, /) -> Matrix: ...
    def __sub__(self, other: Matrix, /) -> Matrix: ...
    def __rsub__(self, other: Matrix, /) -> Matrix: ...

@final
class Position:
    """A point (tdu.Position): w = 1 under a Matrix."""
    def __new__(cls, *args: Any) -> Position: ...
    x: float
    y: float
    z: float
    def translate(self, x: float, y: float, z: float, /) -> None: ...
    def scale(self, x: float, y: float, z: float, /) -> None: ...
    def copy(self) -> Position: ...
    def __len__(self) -> int: ...
    def __getitem__(self, i: int, /) -> float: ...
    def __setitem__(self, i: int, value: float, /) -> None: ...
    @overload
    def __add__(self, other: Vector, /) -> Position: ...
    @overload
    def __add__(self, other: float, /) -> Position: ...
    def __radd__(self, other: Union[Vector, float], /) -> Position: ...
    @overload
    def __sub__(self, other: Position, /) -> Vector: ...
    @overload
    def __sub__(self, other: Union[Vector, float], /) -> Position: ...
    def __rsub__(self, other: float, /) -> Position: ...
    def __mul__(self, other: Union[Position, float], /) -> Position: ...
    def __rmul__(self, other: float, /) -> Position: ...
    def __truediv__(self, other: float, /) -> Position: ...
    def __iadd__(self, other: Union[Vector, float], /) -> Position: ...  # type: ignore[misc]
    def __isub__(self, other: Union[Vector, float], /) -> Position: ...  # type: ignore[misc]
    def __imul__(self, other: Union[Matrix, Position, float], /) -> Position: ...
    def __itruediv__(self, other: float, /) -> Position: ...
    def __abs__(self) -> Position: ...
    def __neg__(self) -> Position: ...

@final
class Vector:
    """A direction (tdu.Vector): w = 0 under a Matrix."""
    def __new__(cls, *args: Any) -> Vector: ...
    x: float
    y: float
    z: float
    def length(self) -> float: ...
    def lengthSquared(self) -> float: ...
    def normalize(self) -> None: ...
    def dot(self, vec: _Vec3Like, /) -> float: ...
    def cross(self, vec: _Vec3Like, /) -> Vector: ...
    def angle(self, vec: _Vec3Like, /) -> float: ...
    def distance(self, vec: _Vec3Like, /) -> float: ...
    def scale(self, x: float, y: float, z: float, /) -> None: ...
    def lerp(self, vec2: _Vec3Like, t: float, /) -> Vector: ...
    def slerp(self, vec2: _Vec3Like, t: float, /) -> Vector: ...
    def project(self, vec1: _Vec3Like, vec2: _Vec3Like, /) -> None: ...
    def reflect(self, vec: _Vec3Like, /) -> None: ...
    def copy(self) -> Vector: ...
    def __len__(self) -> int: ...
    def __getitem__(self, i: int, /) -> float: ...
    def __setitem__(self, i: int, value: float, /) -> None: ...
    @overload
    def __add__(self, other: Position, /) -> Position: ...
    @overload
    def __add__(self, other: Union[Vector, float], /) -> Vector: ...
    def __radd__(self, other: float, /) -> Vector: ...
    def __sub__(self, other: Union[Vector, float], /) -> Vector: ...
    def __rsub__(self, other: float, /) -> Vector: ...
    def __mul__(self, other: Union[Vector, float], /) -> Vector: ...
    def __rmul__(self, other: float, /) -> Vector: ...
    def __truediv__(self, other: float, /) -> Vector: ...
    def __iadd__(self, other: Union[Vector, float], /) -> Vector: ...  # type: ignore[misc]
    def __isub__(self, other: Union[Vector, float], /) -> Vector: ...
    def __imul__(self, other: Union[Matrix, Vector, float], /) -> Vector: ...
    def __itruediv__(self, other: float, /) -> Vector: ...
    def __abs__(self) -> Vector: ...
    def __neg__(self) -> Vector: ...

@final
class SaveStatus:
    @property
    def done(self) -> bool: ...
    def wait(self, timeout: Optional[float] = None, /) -> bool: ...
    def exception(self) -> Optional[BaseException]: ...

_Metadata = Union[dict[str, str], Iterable[tuple[str, str]], Iterable[list[str]]]

class TOP(OP):
    """An operator whose output is an image on the GPU."""
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def aspect(self) -> float: ...
    @property
    def aspectWidth(self) -> float: ...
    @property
    def aspectHeight(self) -> float: ...
    @property
    def depth(self) -> int: ...
    @property
    def curPass(self) -> int: ...
    @property
    def isTOP(self) -> bool: ...
    @property
    def newestSliceWOffset(self) -> int: ...
    @property
    def pixelFormat(self) -> str: ...
    @property
    def pixelFormatName(self) -> str: ...
    @overload
    def numpyArray(self, delayed: Literal[False] = False, writable: bool = False) -> npt.NDArray[np.float32]: ...
    @overload
    def numpyArray(self, delayed: bool, writable: bool = False) -> Optional[npt.NDArray[np.float32]]: ...
    def sample(self, x: Optional[float] = None, y: Optional[float] = None, z: Optional[float] = None,
               u: Optional[float] = None, v: Optional[float] = None,
               w: Optional[float] = None) -> tuple[float, float, float, float]: ...
    def save(self, filepath: Union[str, bytes, PathLike[str], PathLike[bytes], None] = None, *,
             asynchronous: bool = False, createFolders: bool = False, quality: float = 1.0,
             metadata: _Metadata = ...) -> FileSaveStatus: ...
    def saveByteArray(self, filetype: Union[str, bytes, PathLike[str], PathLike[bytes]] = ".tiff", *,
                      quality: float = 1.0, metadata: _Metadata = ...) -> bytearray: ...

class SOP(OP):
    """An operator whose output is geometry."""
    @property
    def numPoints(self) -> int: ...
    @property
    def numPrims(self) -> int: ...
    @property
    def numVertices(self) -> int: ...
    def computeBounds(self, /, display: bool = ..., render: bool = ...) -> Any: ...
    @property
    def points(self) -> Points: ...
    @property
    def prims(self) -> Prims: ...
    def pointArray(self, /, attrib: str = ...) -> npt.NDArray[np.float32]: ...

@final
class Points:
    """The points of a SOP (sop.points)."""
    @property
    def owner(self) -> SOP: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> Point: ...
    def __iter__(self) -> Iterator[Point]: ...

@final
class Prims:
    """The primitives of a SOP (sop.prims)."""
    @property
    def owner(self) -> SOP: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> Prim: ...
    def __iter__(self) -> Iterator[Prim]: ...

@final
class Point:
    """One point of a SOP; settable during a scriptSOP's onCook."""
    @property
    def index(self) -> int: ...
    @property
    def owner(self) -> SOP: ...
    @property
    def P(self) -> Position: ...
    @P.setter
    def P(self, value: _Vec3Like) -> None: ...
    x: float
    y: float
    z: float
    @property
    def N(self) -> tuple[float, float, float]: ...
    @N.setter
    def N(self, value: Sequence[float]) -> None: ...
    @property
    def uv(self) -> tuple[float, float, float]: ...
    @uv.setter
    def uv(self, value: Sequence[float]) -> None: ...
    @property
    def Cd(self) -> tuple[float, float, float, float]: ...
    @Cd.setter
    def Cd(self, value: Sequence[float]) -> None: ...

@final
class Prim:
    """One primitive of a SOP: a polygon or polyline over its points."""
    @property
    def index(self) -> int: ...
    @property
    def owner(self) -> SOP: ...
    @property
    def center(self) -> Position: ...
    @property
    def min(self) -> Position: ...
    @property
    def max(self) -> Position: ...
    @property
    def size(self) -> Position: ...
    @property
    def normal(self) -> Vector: ...
    @property
    def direction(self) -> Vector: ...
    @property
    def closed(self) -> bool: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> Vertex: ...
    def __iter__(self) -> Iterator[Vertex]: ...

@final
class Vertex:
    """One corner of a primitive."""
    @property
    def index(self) -> int: ...
    @property
    def owner(self) -> SOP: ...
    @property
    def prim(self) -> Prim: ...
    @property
    def point(self) -> Point: ...
    @point.setter
    def point(self, value: Union[Point, int]) -> None: ...

class MAT(OP):
    """A material."""

class CHOP(OP):
    """A channel operator: named float channels of equal length."""
    @property
    def numChans(self) -> int: ...
    numSamples: int
    rate: float
    start: float
    end: float
    @property
    def isTimeSlice(self) -> bool: ...
    def chan(self, *nameOrIndex: Union[str, int], caseSensitive: bool = True) -> Optional[Channel]: ...
    def chans(self, *nameOrIndex: Union[str, int], caseSensitive: bool = True) -> list[Channel]: ...
    def numpyArray(self) -> npt.NDArray[np.float32]: ...
    def __getitem__(self, nameOrIndex: Union[str, int], /) -> Optional[Channel]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Channel]: ...
    def __bool__(self) -> bool: ...

@final
class Channel:
    """One channel of a CHOP."""
    @property
    def name(self) -> str: ...
    @property
    def index(self) -> int: ...
    @property
    def owner(self) -> CHOP: ...
    @property
    def valid(self) -> bool: ...
    vals: list[float]
    def eval(self, index: Optional[float] = None, /) -> float: ...
    def numpyArray(self) -> npt.NDArray[np.float32]: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> float: ...
    def __setitem__(self, index: int, value: float, /) -> None: ...

_Key = Union[int, str]

class DAT(OP):
    """A data operator: text (textDAT) or a table of string cells (tableDAT)."""
    text: str
    csv: str
    @property
    def numRows(self) -> int: ...
    @property
    def numCols(self) -> int: ...
    @property
    def isTable(self) -> bool: ...
    @property
    def isText(self) -> bool: ...
    @property
    def isEditable(self) -> bool: ...
    def clear(self, *, keepSize: bool = False, keepFirstRow: bool = False, keepFirstCol: bool = False) -> None: ...
    def write(self, *args: Any) -> str: ...
    def copy(self, DAT: DAT, /) -> None: ...
    def flush(self) -> None: ...
    @overload
    def __getitem__(self, key: tuple[_Key, _Key], /) -> Optional[Cell]: ...
    @overload
    def __getitem__(self, key: _Key, /) -> Optional[list[Cell]]: ...
    def __setitem__(self, key: tuple[_Key, _Key], value: Any, /) -> None: ...
    def cell(self, rowNameOrIndex: _Key, colNameOrIndex: _Key, caseSensitive: bool = True,
             val: bool = False) -> Any: ...
    def cells(self, rowNameOrIndex: _Key, colNameOrIndex: _Key, caseSensitive: bool = True,
              val: bool = False) -> list[Any]: ...
    def row(self, *nameOrIndexes: _Key, caseSensitive: bool = True, val: bool = False) -> Optional[list[Any]]: ...
    def col(self, *nameOrIndexes: _Key, caseSensitive: bool = True, val: bool = False) -> Optional[list[Any]]: ...
    def rows(self, *nameOrIndexes: _Key, caseSensitive: bool = True, val: bool = False) -> list[list[Any]]: ...
    def cols(self, *nameOrIndexes: _Key, caseSensitive: bool = True, val: bool = False) -> list[list[Any]]: ...
    def appendRow(self, vals: Any = None, nameOrIndex: Optional[_Key] = None, *,
                  sort: Optional[_Key] = None) -> int: ...
    def appendCol(self, vals: Any = None, nameOrIndex: Optional[_Key] = None, *,
                  sort: Optional[_Key] = None) -> int: ...
    def insertRow(self, vals: Any = None, nameOrIndex: Optional[_Key] = None, *,
                  sort: Optional[_Key] = None) -> int: ...
    def insertCol(self, vals: Any = None, nameOrIndex: Optional[_Key] = None, *,
                  sort: Optional[_Key] = None) -> int: ...
    def replaceRow(self, nameOrIndex: _Key, vals: Any = None, *, entireRow: bool = True) -> int: ...
    def replaceCol(self, nameOrIndex: _Key, vals: Any = None, *, entireCol: bool = True) -> int: ...
    def deleteRow(self, nameOrIndex: _Key, /) -> None: ...
    def deleteCol(self, nameOrIndex: _Key, /) -> None: ...
    def setSize(self, numrows: int, numcols: int) -> None: ...

@final
class Cell:
    """One cell of a table DAT; acts as its value (int, float or str) in arithmetic and comparisons."""
    val: str
    @property
    def row(self) -> int: ...
    @property
    def col(self) -> int: ...
    @property
    def owner(self) -> DAT: ...
    @property
    def valid(self) -> bool: ...
    def offset(self, r: int, c: int, /) -> Optional[Cell]: ...
    def __int__(self) -> int: ...
    def __float__(self) -> float: ...
    def __bool__(self) -> bool: ...
    def __add__(self, other: Any, /) -> Any: ...
    def __radd__(self, other: Any, /) -> Any: ...
    def __sub__(self, other: Any, /) -> Any: ...
    def __rsub__(self, other: Any, /) -> Any: ...
    def __mul__(self, other: Any, /) -> Any: ...
    def __rmul__(self, other: Any, /) -> Any: ...
    def __truediv__(self, other: Any, /) -> Any: ...
    def __rtruediv__(self, other: Any, /) -> Any: ...
    def __floordiv__(self, other: Any, /) -> Any: ...
    def __rfloordiv__(self, other: Any, /) -> Any: ...
    def __mod__(self, other: Any, /) -> Any: ...
    def __rmod__(self, other: Any, /) -> Any: ...
    def __pow__(self, other: Any, mod: Any = None, /) -> Any: ...
    def __rpow__(self, other: Any, mod: Any = None, /) -> Any: ...
    def __neg__(self) -> Any: ...
    def __pos__(self) -> Any: ...
    def __abs__(self) -> Any: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Any, /) -> bool: ...
    def __le__(self, other: Any, /) -> bool: ...
    def __gt__(self, other: Any, /) -> bool: ...
    def __ge__(self, other: Any, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class _ParAttribute:
    """Stub only: a parameter in a typed op.par collection. Reading it gives the Par; assigning to it
    sets the parameter's value (op.par.tx = 5), as ParCollection.__setattr__ does at runtime."""
    @overload
    def __get__(self, instance: None, owner: Any, /) -> _ParAttribute: ...
    @overload
    def __get__(self, instance: object, owner: Any, /) -> Par: ...
    def __set__(self, instance: object, value: Any, /) -> None: ...

# BEGIN GENERATED by scripts/gen_stubs.py from td_render._td.families; do not edit by hand.
# After adding an operator type (or a parameter), run: .venv/bin/python scripts/gen_stubs.py
# Each type's op.par lists its builtin parameters (label, style, page, default; menu tokens).

@final
class _baseCOMP_par(ParCollection): ...
@final
class baseCOMP(COMP):
    """baseCOMP: a component without a transform, to organise operators."""
    @property
    def par(self) -> _baseCOMP_par: ...

@final
class _containerCOMP_par(ParCollection):
    x: _ParAttribute  # X (Int, Layout page, default 0)
    y: _ParAttribute  # Y (Int, Layout page, default 0)
    w: _ParAttribute  # Width (Int, Layout page, default 100)
    h: _ParAttribute  # Height (Int, Layout page, default 100)
@final
class containerCOMP(COMP):
    """containerCOMP: a panel component to organise operators (isPanel, subType 'panel')."""
    @property
    def par(self) -> _containerCOMP_par: ...

@final
class _cameraCOMP_par(ParCollection):
    xord: _ParAttribute  # Transform Order (Menu, Xform page, default 'srt'; srt str rst rts tsr trs)
    rord: _ParAttribute  # Rotate Order (Menu, Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    tx: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Xform page, default 5.0)
    rx: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    py: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    pz: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    scale: _ParAttribute  # Uniform Scale (Float, Xform page, default 1.0)
    parentxformsrc: _ParAttribute  # Parent Transform Source (Menu, Xform page, default 'hierarchy'; hiera ...)
    parentobject: _ParAttribute  # Parent Object (OP, Xform page, default '')
    lookat: _ParAttribute  # Look At (OP, Xform page, default '')
    forwarddir: _ParAttribute  # Forward Direction (Menu, Xform page, default 'negz'; posx negx posy negy ...)
    lookup: _ParAttribute  # Look At Up Vector (Menu, Xform page, default 'on'; off on quat roll)
    pathsop: _ParAttribute  # Path SOP (OP, Xform page, default '')
    roll: _ParAttribute  # Roll (Float, Xform page, default 0.0)
    pos: _ParAttribute  # Position (Float, Xform page, default 0.0)
    pathorient: _ParAttribute  # Orient along Path (Toggle, Xform page, default False)
    upx: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    upy: _ParAttribute  # Orient Up Vector (Float, Xform page, default 1.0)
    upz: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    bank: _ParAttribute  # Auto-Bank Factor (Float, Xform page, default 0.0)
    pxform: _ParAttribute  # Apply Pre-Transform (Toggle, Pre-Xform page, default True)
    pxord: _ParAttribute  # Transform Order (Menu, Pre-Xform page, default 'srt'; srt str rst rts tsr trs)
    prord: _ParAttribute  # Rotate Order (Menu, Pre-Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    ptx: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    pty: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    ptz: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    prx: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    pry: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    prz: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    psx: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psy: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psz: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    ppx: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppy: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppz: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    pscale: _ParAttribute  # Uniform Scale (Float, Pre-Xform page, default 1.0)
    xformmatrixop: _ParAttribute  # Xform Matrix/CHOP/DAT (OP, Pre-Xform page, default '')
    projection: _ParAttribute  # Projection (Menu, View page, default 'perspective'; perspective ortho per ...)
    projectionblend: _ParAttribute  # Projection Blend (Float, View page, default 0.0)
    orthowidth: _ParAttribute  # Ortho Width (Float, View page, default 2.0)
    viewanglemethod: _ParAttribute  # Viewing Angle Method (Menu, View page, default 'horzfov'; horzfov ve ...)
    fov: _ParAttribute  # FOV Angle (Float, View page, default 45.0)
    focal: _ParAttribute  # Focal Length (Float, View page, default 50.0)
    aperture: _ParAttribute  # Aperture (Float, View page, default 41.4214)
    near: _ParAttribute  # Near (Float, View page, default 0.1)
    far: _ParAttribute  # Far (Float, View page, default 1000.0)
    winrollpivot: _ParAttribute  # Window Roll Pivot (Menu, View page, default 'viewport'; viewport camera ...)
    winx: _ParAttribute  # Window X/Y (Float, View page, default 0.0)
    winy: _ParAttribute  # Window X/Y (Float, View page, default 0.0)
    winsize: _ParAttribute  # Window Size (Float, View page, default 1.0)
    winroll: _ParAttribute  # Window Roll (Float, View page, default 0.0)
    ipdshift: _ParAttribute  # IPD Shift (Float, View page, default 0.0)
    bgcolorr: _ParAttribute  # Background Color (Float, Settings page, default 0.0)
    bgcolorg: _ParAttribute  # Background Color (Float, Settings page, default 0.0)
    bgcolorb: _ParAttribute  # Background Color (Float, Settings page, default 0.0)
    bgcolora: _ParAttribute  # Background Color (Float, Settings page, default 0.0)
    premultrgbbyalpha: _ParAttribute  # Pre-Multiply RGB by Alpha (Toggle, Settings page, default False)
    fog: _ParAttribute  # Fog (Menu, Settings page, default 'off'; off linear exp exp2)
    fogdensity: _ParAttribute  # Fog Density (Float, Settings page, default 0.1)
    fognear: _ParAttribute  # Fog Near (Float, Settings page, default 1.0)
    fogfar: _ParAttribute  # Fog Far (Float, Settings page, default 10.0)
    fogcolorr: _ParAttribute  # Fog Color (Float, Settings page, default 0.0)
    fogcolorg: _ParAttribute  # Fog Color (Float, Settings page, default 0.0)
    fogcolorb: _ParAttribute  # Fog Color (Float, Settings page, default 0.0)
    fogalpha: _ParAttribute  # Fog Alpha (Float, Settings page, default 1.0)
    fogmap: _ParAttribute  # Fog Map (OP, Settings page, default '')
    camlightmask: _ParAttribute  # Camera Light Mask (OP, Settings page, default '')
@final
class cameraCOMP(ObjectCOMP):
    """cameraCOMP: the viewpoint of a renderTOP; looks down its local -Z axis."""
    @property
    def par(self) -> _cameraCOMP_par: ...
    def projection(self, x: Any, y: Any, /) -> Any: ...
    def projectionInverse(self, x: Any, y: Any, /) -> Any: ...

@final
class _geometryCOMP_par(ParCollection):
    xord: _ParAttribute  # Transform Order (Menu, Xform page, default 'srt'; srt str rst rts tsr trs)
    rord: _ParAttribute  # Rotate Order (Menu, Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    tx: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    rx: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    py: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    pz: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    scale: _ParAttribute  # Uniform Scale (Float, Xform page, default 1.0)
    parentxformsrc: _ParAttribute  # Parent Transform Source (Menu, Xform page, default 'hierarchy'; hiera ...)
    parentobject: _ParAttribute  # Parent Object (OP, Xform page, default '')
    lookat: _ParAttribute  # Look At (OP, Xform page, default '')
    forwarddir: _ParAttribute  # Forward Direction (Menu, Xform page, default 'negz'; posx negx posy negy ...)
    lookup: _ParAttribute  # Look At Up Vector (Menu, Xform page, default 'on'; off on quat roll)
    pathsop: _ParAttribute  # Path SOP (OP, Xform page, default '')
    roll: _ParAttribute  # Roll (Float, Xform page, default 0.0)
    pos: _ParAttribute  # Position (Float, Xform page, default 0.0)
    pathorient: _ParAttribute  # Orient along Path (Toggle, Xform page, default False)
    upx: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    upy: _ParAttribute  # Orient Up Vector (Float, Xform page, default 1.0)
    upz: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    bank: _ParAttribute  # Auto-Bank Factor (Float, Xform page, default 0.0)
    pxform: _ParAttribute  # Apply Pre-Transform (Toggle, Pre-Xform page, default True)
    pxord: _ParAttribute  # Transform Order (Menu, Pre-Xform page, default 'srt'; srt str rst rts tsr trs)
    prord: _ParAttribute  # Rotate Order (Menu, Pre-Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    ptx: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    pty: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    ptz: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    prx: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    pry: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    prz: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    psx: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psy: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psz: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    ppx: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppy: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppz: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    pscale: _ParAttribute  # Uniform Scale (Float, Pre-Xform page, default 1.0)
    xformmatrixop: _ParAttribute  # Xform Matrix/CHOP/DAT (OP, Pre-Xform page, default '')
    material: _ParAttribute  # Material (OP, Render page, default '')
    render: _ParAttribute  # Render (Toggle, Render page, default True)
    drawpriority: _ParAttribute  # Draw Priority (Float, Render page, default 0.0)
    pickpriority: _ParAttribute  # Pick Priority (Float, Render page, default 0.0)
    wcolorr: _ParAttribute  # Wireframe Color (Float, Render page, default 1.0)
    wcolorg: _ParAttribute  # Wireframe Color (Float, Render page, default 1.0)
    wcolorb: _ParAttribute  # Wireframe Color (Float, Render page, default 1.0)
    lightmask: _ParAttribute  # Light Mask (OP, Render page, default '')
    instancing: _ParAttribute  # Instancing (Toggle, Instance page, default False)
    instancecountmode: _ParAttribute  # Instance Count Mode (Menu, Instance page, default 'oplength'; manu ...)
    numinstances: _ParAttribute  # Num Instances (Int, Instance page, default 1)
    instanceop: _ParAttribute  # Default Instance OP (OP, Instance page, default '')
    instancefirstrow: _ParAttribute  # First Row is (Menu, Instance page, default 'names'; ignored names v ...)
    instxord: _ParAttribute  # Transform Order (Menu, Instance page, default 'srt'; srt str rst rts tsr trs)
    instrord: _ParAttribute  # Rotate Order (Menu, Instance page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    instancetop: _ParAttribute  # Translate OP (OP, Instance page, default '')
    instancetx: _ParAttribute  # Translate X (Str, Instance page, default 'tx')
    instancety: _ParAttribute  # Translate Y (Str, Instance page, default 'ty')
    instancetz: _ParAttribute  # Translate Z (Str, Instance page, default 'tz')
    instancerop: _ParAttribute  # Rotate OP (OP, Instance page, default '')
    instancerx: _ParAttribute  # Rotate X (Str, Instance page, default 'rx')
    instancery: _ParAttribute  # Rotate Y (Str, Instance page, default 'ry')
    instancerz: _ParAttribute  # Rotate Z (Str, Instance page, default 'rz')
    instancesop: _ParAttribute  # Scale OP (OP, Instance page, default '')
    instancesx: _ParAttribute  # Scale X (Str, Instance page, default 'sx')
    instancesy: _ParAttribute  # Scale Y (Str, Instance page, default 'sy')
    instancesz: _ParAttribute  # Scale Z (Str, Instance page, default 'sz')
    instancepop: _ParAttribute  # Pivot OP (OP, Instance page, default '')
    instancepx: _ParAttribute  # Pivot X (Str, Instance page, default 'px')
    instancepy: _ParAttribute  # Pivot Y (Str, Instance page, default 'py')
    instancepz: _ParAttribute  # Pivot Z (Str, Instance page, default 'pz')
    instanceactive: _ParAttribute  # Active (Str, Instance page, default '')
    instancerottoorder: _ParAttribute  # Rotate to Vector Order (Menu, Instance 2 page, default 'default'; ...)
    instancerottoforward: _ParAttribute  # Rotate to Vector Forward Direction (Menu, Instance 2 page, defa ...)
    instancerottoop: _ParAttribute  # Rotate to OP (OP, Instance 2 page, default '')
    instancerottox: _ParAttribute  # Rotate to Vector X (Str, Instance 2 page, default '')
    instancerottoy: _ParAttribute  # Rotate to Vector Y (Str, Instance 2 page, default '')
    instancerottoz: _ParAttribute  # Rotate to Vector Z (Str, Instance 2 page, default '')
    instancerotupx: _ParAttribute  # Rotate Up X (Str, Instance 2 page, default '')
    instancerotupy: _ParAttribute  # Rotate Up Y (Str, Instance 2 page, default '')
    instancerotupz: _ParAttribute  # Rotate Up Z (Str, Instance 2 page, default '')
    instanceorder: _ParAttribute  # Instance Order (Menu, Instance 2 page, default 'instanceworld'; instan ...)
    instancetexmode: _ParAttribute  # Texture Coord Mode (Menu, Instance 2 page, default 'replace'; replac ...)
    instanceu: _ParAttribute  # Texture U (Str, Instance 2 page, default '')
    instancev: _ParAttribute  # Texture V (Str, Instance 2 page, default '')
    instancew: _ParAttribute  # Texture W (Str, Instance 2 page, default '')
    instancecolorop: _ParAttribute  # Color OP (OP, Instance 2 page, default '')
    instancecolormode: _ParAttribute  # Color Mode (Menu, Instance 2 page, default 'replace'; replace mult ...)
    instancer: _ParAttribute  # Color R (Str, Instance 2 page, default '')
    instanceg: _ParAttribute  # Color G (Str, Instance 2 page, default '')
    instanceb: _ParAttribute  # Color B (Str, Instance 2 page, default '')
    instancea: _ParAttribute  # Color A (Str, Instance 2 page, default '')
    instancetexs: _ParAttribute  # Textures (OP, Instance 2 page, default '')
    instancetexindex: _ParAttribute  # Texture Index (Str, Instance 2 page, default '')
@final
class geometryCOMP(ObjectCOMP):
    """geometryCOMP: renders the SOPs created inside it, under its transform."""
    @property
    def par(self) -> _geometryCOMP_par: ...
    def bounds(self, /, display: Any = ..., render: Any = ..., selected: Any = ..., recurse: Any = ...) -> Any: ...
    def computeBounds(self, /, display: Any = ..., render: Any = ..., selected: Any = ..., recurse: Any = ...) -> Any: ...

@final
class _lightCOMP_par(ParCollection):
    xord: _ParAttribute  # Transform Order (Menu, Xform page, default 'srt'; srt str rst rts tsr trs)
    rord: _ParAttribute  # Rotate Order (Menu, Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    tx: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    rx: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    py: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    pz: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    scale: _ParAttribute  # Uniform Scale (Float, Xform page, default 1.0)
    parentxformsrc: _ParAttribute  # Parent Transform Source (Menu, Xform page, default 'hierarchy'; hiera ...)
    parentobject: _ParAttribute  # Parent Object (OP, Xform page, default '')
    lookat: _ParAttribute  # Look At (OP, Xform page, default '')
    forwarddir: _ParAttribute  # Forward Direction (Menu, Xform page, default 'negz'; posx negx posy negy ...)
    lookup: _ParAttribute  # Look At Up Vector (Menu, Xform page, default 'on'; off on quat roll)
    pathsop: _ParAttribute  # Path SOP (OP, Xform page, default '')
    roll: _ParAttribute  # Roll (Float, Xform page, default 0.0)
    pos: _ParAttribute  # Position (Float, Xform page, default 0.0)
    pathorient: _ParAttribute  # Orient along Path (Toggle, Xform page, default False)
    upx: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    upy: _ParAttribute  # Orient Up Vector (Float, Xform page, default 1.0)
    upz: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    bank: _ParAttribute  # Auto-Bank Factor (Float, Xform page, default 0.0)
    pxform: _ParAttribute  # Apply Pre-Transform (Toggle, Pre-Xform page, default True)
    pxord: _ParAttribute  # Transform Order (Menu, Pre-Xform page, default 'srt'; srt str rst rts tsr trs)
    prord: _ParAttribute  # Rotate Order (Menu, Pre-Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    ptx: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    pty: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    ptz: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    prx: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    pry: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    prz: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    psx: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psy: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psz: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    ppx: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppy: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppz: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    pscale: _ParAttribute  # Uniform Scale (Float, Pre-Xform page, default 1.0)
    xformmatrixop: _ParAttribute  # Xform Matrix/CHOP/DAT (OP, Pre-Xform page, default '')
    lighttype: _ParAttribute  # Light Type (Menu, Light page, default 'point'; point cone distant)
    cr: _ParAttribute  # Light Color (Float, Light page, default 1.0)
    cg: _ParAttribute  # Light Color (Float, Light page, default 1.0)
    cb: _ParAttribute  # Light Color (Float, Light page, default 1.0)
    dimmer: _ParAttribute  # Dimmer (Float, Light page, default 1.0)
    coneangle: _ParAttribute  # Cone Angle (Float, Light page, default 45.0)
    conedelta: _ParAttribute  # Cone Delta (Float, Light page, default 10.0)
    coneroll: _ParAttribute  # Cone Rolloff (Float, Light page, default 1.0)
    attenuated: _ParAttribute  # Attenuated (Toggle, Light page, default False)
    attenuationstart: _ParAttribute  # Attenuation Start (Float, Light page, default 0.0)
    attenuationend: _ParAttribute  # Attenuation End (Float, Light page, default 10.0)
    attenuationexp: _ParAttribute  # Attenuation Exponent (Float, Light page, default 1.0)
    projmaptype: _ParAttribute  # Projector Map Type (Menu, Light page, default 'spot'; spot point)
    projmap: _ParAttribute  # Projector Map (OP, Light page, default '')
    projmapextendu: _ParAttribute  # Projector Map Extend U (Menu, Light page, default 'zero'; hold zero r ...)
    projmapextendv: _ParAttribute  # Projector Map Extend V (Menu, Light page, default 'zero'; hold zero r ...)
    projmapfilter: _ParAttribute  # Projector Map Filter (Menu, Light page, default 'linear'; nearest line ...)
    projmapmode: _ParAttribute  # Projector Map Mode (Menu, Light page, default 'simplehorzfov'; simplehor ...)
    projangle: _ParAttribute  # Projection Angle (Float, Light page, default 45.0)
    shadowtype: _ParAttribute  # Shadow Type (Menu, Shadows page, default 'off'; off hard2d soft2d custom)
    shadowcasters: _ParAttribute  # Shadow Casters (OP, Shadows page, default '*')
    lightsize1: _ParAttribute  # Light Size (Float, Shadows page, default 1.0)
    lightsize2: _ParAttribute  # Light Size (Float, Shadows page, default 1.0)
    maxshadowsoftness: _ParAttribute  # Max Shadow Softness (Float, Shadows page, default 0.1)
    filtersamples: _ParAttribute  # Filter Samples (Int, Shadows page, default 2)
    searchsteps: _ParAttribute  # Search Steps (Int, Shadows page, default 4)
    polygonoffsetfactor: _ParAttribute  # Polygon Offset Factor (Float, Shadows page, default 2.0)
    polygonoffsetunits: _ParAttribute  # Polygon Offset Units (Float, Shadows page, default 4.0)
    shadowresolution1: _ParAttribute  # Shadow Resolution (Int, Shadows page, default 1024)
    shadowresolution2: _ParAttribute  # Shadow Resolution (Int, Shadows page, default 1024)
    shadowmap: _ParAttribute  # Shadow Map (OP, Shadows page, default '')
    projection: _ParAttribute  # Projection (Menu, View page, default 'perspective'; perspective ortho cus ...)
    orthowidth: _ParAttribute  # Ortho Width (Float, View page, default 10.0)
    useconeforfov: _ParAttribute  # Use Cone Angle for FOV (Toggle, View page, default True)
    fov: _ParAttribute  # Field of View (Float, View page, default 90.0)
    near: _ParAttribute  # Near (Float, View page, default 0.1)
    far: _ParAttribute  # Far (Float, View page, default 1000.0)
@final
class lightCOMP(ObjectCOMP):
    """lightCOMP: a light at its transform's origin, shining down its local -Z axis."""
    @property
    def par(self) -> _lightCOMP_par: ...

@final
class _ambientlightCOMP_par(ParCollection):
    xord: _ParAttribute  # Transform Order (Menu, Xform page, default 'srt'; srt str rst rts tsr trs)
    rord: _ParAttribute  # Rotate Order (Menu, Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    tx: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    rx: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    py: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    pz: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    scale: _ParAttribute  # Uniform Scale (Float, Xform page, default 1.0)
    parentxformsrc: _ParAttribute  # Parent Transform Source (Menu, Xform page, default 'hierarchy'; hiera ...)
    parentobject: _ParAttribute  # Parent Object (OP, Xform page, default '')
    lookat: _ParAttribute  # Look At (OP, Xform page, default '')
    forwarddir: _ParAttribute  # Forward Direction (Menu, Xform page, default 'negz'; posx negx posy negy ...)
    lookup: _ParAttribute  # Look At Up Vector (Menu, Xform page, default 'on'; off on quat roll)
    pathsop: _ParAttribute  # Path SOP (OP, Xform page, default '')
    roll: _ParAttribute  # Roll (Float, Xform page, default 0.0)
    pos: _ParAttribute  # Position (Float, Xform page, default 0.0)
    pathorient: _ParAttribute  # Orient along Path (Toggle, Xform page, default False)
    upx: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    upy: _ParAttribute  # Orient Up Vector (Float, Xform page, default 1.0)
    upz: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    bank: _ParAttribute  # Auto-Bank Factor (Float, Xform page, default 0.0)
    pxform: _ParAttribute  # Apply Pre-Transform (Toggle, Pre-Xform page, default True)
    pxord: _ParAttribute  # Transform Order (Menu, Pre-Xform page, default 'srt'; srt str rst rts tsr trs)
    prord: _ParAttribute  # Rotate Order (Menu, Pre-Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    ptx: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    pty: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    ptz: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    prx: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    pry: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    prz: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    psx: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psy: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psz: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    ppx: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppy: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppz: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    pscale: _ParAttribute  # Uniform Scale (Float, Pre-Xform page, default 1.0)
    xformmatrixop: _ParAttribute  # Xform Matrix/CHOP/DAT (OP, Pre-Xform page, default '')
    cr: _ParAttribute  # Light Color (Float, Light page, default 0.2)
    cg: _ParAttribute  # Light Color (Float, Light page, default 0.2)
    cb: _ParAttribute  # Light Color (Float, Light page, default 0.2)
    dimmer: _ParAttribute  # Dimmer (Float, Light page, default 1.0)
@final
class ambientlightCOMP(ObjectCOMP):
    """ambientlightCOMP: ambient light, added to every lit material as ambient * colour * dimmer."""
    @property
    def par(self) -> _ambientlightCOMP_par: ...

@final
class _environmentlightCOMP_par(ParCollection):
    xord: _ParAttribute  # Transform Order (Menu, Xform page, default 'srt'; srt str rst rts tsr trs)
    rord: _ParAttribute  # Rotate Order (Menu, Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    tx: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    rx: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    py: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    pz: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    scale: _ParAttribute  # Uniform Scale (Float, Xform page, default 1.0)
    parentxformsrc: _ParAttribute  # Parent Transform Source (Menu, Xform page, default 'hierarchy'; hiera ...)
    parentobject: _ParAttribute  # Parent Object (OP, Xform page, default '')
    lookat: _ParAttribute  # Look At (OP, Xform page, default '')
    forwarddir: _ParAttribute  # Forward Direction (Menu, Xform page, default 'negz'; posx negx posy negy ...)
    lookup: _ParAttribute  # Look At Up Vector (Menu, Xform page, default 'on'; off on quat roll)
    pathsop: _ParAttribute  # Path SOP (OP, Xform page, default '')
    roll: _ParAttribute  # Roll (Float, Xform page, default 0.0)
    pos: _ParAttribute  # Position (Float, Xform page, default 0.0)
    pathorient: _ParAttribute  # Orient along Path (Toggle, Xform page, default False)
    upx: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    upy: _ParAttribute  # Orient Up Vector (Float, Xform page, default 1.0)
    upz: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    bank: _ParAttribute  # Auto-Bank Factor (Float, Xform page, default 0.0)
    pxform: _ParAttribute  # Apply Pre-Transform (Toggle, Pre-Xform page, default True)
    pxord: _ParAttribute  # Transform Order (Menu, Pre-Xform page, default 'srt'; srt str rst rts tsr trs)
    prord: _ParAttribute  # Rotate Order (Menu, Pre-Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    ptx: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    pty: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    ptz: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    prx: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    pry: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    prz: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    psx: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psy: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psz: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    ppx: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppy: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppz: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    pscale: _ParAttribute  # Uniform Scale (Float, Pre-Xform page, default 1.0)
    xformmatrixop: _ParAttribute  # Xform Matrix/CHOP/DAT (OP, Pre-Xform page, default '')
    cr: _ParAttribute  # Light Color (Float, Light page, default 1.0)
    cg: _ParAttribute  # Light Color (Float, Light page, default 1.0)
    cb: _ParAttribute  # Light Color (Float, Light page, default 1.0)
    dimmer: _ParAttribute  # Dimmer (Float, Light page, default 1.0)
    envlightmap: _ParAttribute  # Environment Map (OP, Light page, default '')
    envlightmaprotatex: _ParAttribute  # Environment Map Rotate (Float, Light page, default 0.0)
    envlightmaprotatey: _ParAttribute  # Environment Map Rotate (Float, Light page, default 0.0)
    envlightmaprotatez: _ParAttribute  # Environment Map Rotate (Float, Light page, default 0.0)
@final
class environmentlightCOMP(ObjectCOMP):
    """environmentlightCOMP: light from every direction, for pbrMAT (phongMAT and constantMAT"""
    @property
    def par(self) -> _environmentlightCOMP_par: ...

@final
class _nullCOMP_par(ParCollection):
    xord: _ParAttribute  # Transform Order (Menu, Xform page, default 'srt'; srt str rst rts tsr trs)
    rord: _ParAttribute  # Rotate Order (Menu, Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    tx: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Xform page, default 0.0)
    rx: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Xform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Xform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    py: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    pz: _ParAttribute  # Pivot (Float, Xform page, default 0.0)
    scale: _ParAttribute  # Uniform Scale (Float, Xform page, default 1.0)
    parentxformsrc: _ParAttribute  # Parent Transform Source (Menu, Xform page, default 'hierarchy'; hiera ...)
    parentobject: _ParAttribute  # Parent Object (OP, Xform page, default '')
    lookat: _ParAttribute  # Look At (OP, Xform page, default '')
    forwarddir: _ParAttribute  # Forward Direction (Menu, Xform page, default 'negz'; posx negx posy negy ...)
    lookup: _ParAttribute  # Look At Up Vector (Menu, Xform page, default 'on'; off on quat roll)
    pathsop: _ParAttribute  # Path SOP (OP, Xform page, default '')
    roll: _ParAttribute  # Roll (Float, Xform page, default 0.0)
    pos: _ParAttribute  # Position (Float, Xform page, default 0.0)
    pathorient: _ParAttribute  # Orient along Path (Toggle, Xform page, default False)
    upx: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    upy: _ParAttribute  # Orient Up Vector (Float, Xform page, default 1.0)
    upz: _ParAttribute  # Orient Up Vector (Float, Xform page, default 0.0)
    bank: _ParAttribute  # Auto-Bank Factor (Float, Xform page, default 0.0)
    pxform: _ParAttribute  # Apply Pre-Transform (Toggle, Pre-Xform page, default True)
    pxord: _ParAttribute  # Transform Order (Menu, Pre-Xform page, default 'srt'; srt str rst rts tsr trs)
    prord: _ParAttribute  # Rotate Order (Menu, Pre-Xform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    ptx: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    pty: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    ptz: _ParAttribute  # Translate (Float, Pre-Xform page, default 0.0)
    prx: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    pry: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    prz: _ParAttribute  # Rotate (Float, Pre-Xform page, default 0.0)
    psx: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psy: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    psz: _ParAttribute  # Scale (Float, Pre-Xform page, default 1.0)
    ppx: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppy: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    ppz: _ParAttribute  # Pivot (Float, Pre-Xform page, default 0.0)
    pscale: _ParAttribute  # Uniform Scale (Float, Pre-Xform page, default 1.0)
    xformmatrixop: _ParAttribute  # Xform Matrix/CHOP/DAT (OP, Pre-Xform page, default '')
@final
class nullCOMP(ObjectCOMP):
    """nullCOMP: an object COMP that renders nothing; what sits inside it inherits its transform."""
    @property
    def par(self) -> _nullCOMP_par: ...

@final
class _renderTOP_par(ParCollection):
    camera: _ParAttribute  # Camera (OP, Render page, default 'cam1')
    multicamerahint: _ParAttribute  # Multi-Camera Hint (Menu, Render page, default 'automatic'; automatic ...)
    geometry: _ParAttribute  # Geometry (OP, Render page, default 'geo*')
    lights: _ParAttribute  # Lights (OP, Render page, default 'light*')
    antialias: _ParAttribute  # Anti-Alias (Menu, Render page, default 'aa1'; aa1 aa2 aa4 aa8mid aa8high a ...)
    bgcolorr: _ParAttribute  # Background Color (Float, Render page, default 0.0)
    bgcolorg: _ParAttribute  # Background Color (Float, Render page, default 0.0)
    bgcolorb: _ParAttribute  # Background Color (Float, Render page, default 0.0)
    bgcolora: _ParAttribute  # Background Color (Float, Render page, default 0.0)
    premultrgbbyalpha: _ParAttribute  # Pre-Multiply RGB by Alpha (Toggle, Render page, default False)
    rendermode: _ParAttribute  # Render Mode (Menu, Render page, default 'render2d'; render2d cubemap fish ...)
    possidex: _ParAttribute  # Positive Sides (Toggle, Render page, default True)
    possidey: _ParAttribute  # Positive Sides (Toggle, Render page, default True)
    possidez: _ParAttribute  # Positive Sides (Toggle, Render page, default True)
    negsidex: _ParAttribute  # Negative Sides (Toggle, Render page, default True)
    negsidey: _ParAttribute  # Negative Sides (Toggle, Render page, default True)
    negsidez: _ParAttribute  # Negative Sides (Toggle, Render page, default True)
    transparency: _ParAttribute  # Transparency (Menu, Render page, default 'sortedblending'; sortedblendi ...)
    depthpeel: _ParAttribute  # Depth Peel (Toggle, Render page, default False)
    transpeellayers: _ParAttribute  # Transparency/Peel Layers (Int, Render page, default 4)
    render: _ParAttribute  # Render (Toggle, Advanced page, default True)
    renderpulse: _ParAttribute  # Render Pulse (Pulse, Advanced page, default 0)
    dither: _ParAttribute  # Dither (Toggle, Advanced page, default False)
    coloroutputneeded: _ParAttribute  # Color Output Needed (Toggle, Advanced page, default True)
    drawdepthonly: _ParAttribute  # Draw Depth Only (Toggle, Advanced page, default False)
    numcolorbufs: _ParAttribute  # # of Color Buffers (Int, Advanced page, default 1)
    allowbufblending: _ParAttribute  # Allow Blending for Extra Buffers (Toggle, Advanced page, default False)
    depthformat: _ParAttribute  # Depth Buffer Format (Menu, Advanced page, default 'fixed24'; fixed24 flo ...)
    cullface: _ParAttribute  # Cull Face (Menu, Advanced page, default 'neither'; neither backfaces frontf ...)
    overridemat: _ParAttribute  # Override Material (OP, Advanced page, default '')
    polygonoffset: _ParAttribute  # Polygon Depth Offset (Toggle, Advanced page, default False)
    polygonoffsetfactor: _ParAttribute  # Offset Factor (Float, Advanced page, default 1.0)
    polygonoffsetunits: _ParAttribute  # Offset Units (Float, Advanced page, default 1.0)
    overdraw: _ParAttribute  # Display Overdraw (Toggle, Advanced page, default False)
    overdrawlimit: _ParAttribute  # Overdraw Limit (Int, Advanced page, default 2)
    cropleft: _ParAttribute  # Crop Left (Float, Crop page, default 0.0)
    cropleftunit: _ParAttribute  # Crop Left Unit (Menu, Crop page, default 'fraction'; pixels fraction fr ...)
    cropright: _ParAttribute  # Crop Right (Float, Crop page, default 1.0)
    croprightunit: _ParAttribute  # Crop Right Unit (Menu, Crop page, default 'fraction'; pixels fraction ...)
    cropbottom: _ParAttribute  # Crop Bottom (Float, Crop page, default 0.0)
    cropbottomunit: _ParAttribute  # Crop Bottom Unit (Menu, Crop page, default 'fraction'; pixels fractio ...)
    croptop: _ParAttribute  # Crop Top (Float, Crop page, default 1.0)
    croptopunit: _ParAttribute  # Crop Top Unit (Menu, Crop page, default 'fraction'; pixels fraction frac ...)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'custom'; useinput ei ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 1280)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 720)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'rgba8fixed'; useinput rgba8fixed sr ...)
@final
class renderTOP(TOP):
    """renderTOP: renders 3D geometry through a camera into an image."""
    @property
    def par(self) -> _renderTOP_par: ...
    def pick(self, /, u: Any, v: Any) -> Any: ...

@final
class _renderpassTOP_par(ParCollection):
    renderinput: _ParAttribute  # Render Input (OP, Render page, default '')
    camera: _ParAttribute  # Camera (OP, Render page, default 'cam1')
    geometry: _ParAttribute  # Geometry (OP, Render page, default 'geo*')
    lights: _ParAttribute  # Lights (OP, Render page, default 'light*')
    cleartocamcolor: _ParAttribute  # Clear to Camera Color (Toggle, Render page, default False)
    cleardepth: _ParAttribute  # Clear Depth (Toggle, Render page, default False)
    possidex: _ParAttribute  # Positive Sides (Toggle, Render page, default True)
    possidey: _ParAttribute  # Positive Sides (Toggle, Render page, default True)
    possidez: _ParAttribute  # Positive Sides (Toggle, Render page, default True)
    negsidex: _ParAttribute  # Negative Sides (Toggle, Render page, default True)
    negsidey: _ParAttribute  # Negative Sides (Toggle, Render page, default True)
    negsidez: _ParAttribute  # Negative Sides (Toggle, Render page, default True)
    transparency: _ParAttribute  # Transparency (Menu, Render page, default 'sortedblending'; sortedblendi ...)
    depthpeel: _ParAttribute  # Depth Peel (Toggle, Render page, default False)
    transpeellayers: _ParAttribute  # Transparency/Peel Layers (Int, Render page, default 4)
    render: _ParAttribute  # Render (Toggle, Advanced page, default True)
    dither: _ParAttribute  # Dither (Toggle, Advanced page, default False)
    coloroutputneeded: _ParAttribute  # Color Output Needed (Toggle, Advanced page, default True)
    drawdepthonly: _ParAttribute  # Draw Depth Only (Toggle, Advanced page, default False)
    allowbufblending: _ParAttribute  # Allow Blending for Extra Buffers (Menu, Advanced page, default 'use ...)
    cullface: _ParAttribute  # Cull Face (Menu, Advanced page, default 'neither'; neither backfaces frontf ...)
    overridemat: _ParAttribute  # Override Material (OP, Advanced page, default '')
    polygonoffset: _ParAttribute  # Polygon Depth Offset (Toggle, Advanced page, default False)
    polygonoffsetfactor: _ParAttribute  # Offset Factor (Float, Advanced page, default 1.0)
    polygonoffsetunits: _ParAttribute  # Offset Units (Float, Advanced page, default 1.0)
    overdraw: _ParAttribute  # Display Overdraw (Toggle, Advanced page, default False)
    overdrawlimit: _ParAttribute  # Overdraw Limit (Int, Advanced page, default 2)
    cropleft: _ParAttribute  # Crop Left (Float, Crop page, default 0.0)
    cropleftunit: _ParAttribute  # Crop Left Unit (Menu, Crop page, default 'fraction'; pixels fraction fr ...)
    cropright: _ParAttribute  # Crop Right (Float, Crop page, default 1.0)
    croprightunit: _ParAttribute  # Crop Right Unit (Menu, Crop page, default 'fraction'; pixels fraction ...)
    cropbottom: _ParAttribute  # Crop Bottom (Float, Crop page, default 0.0)
    cropbottomunit: _ParAttribute  # Crop Bottom Unit (Menu, Crop page, default 'fraction'; pixels fractio ...)
    croptop: _ParAttribute  # Crop Top (Float, Crop page, default 1.0)
    croptopunit: _ParAttribute  # Crop Top Unit (Menu, Crop page, default 'fraction'; pixels fraction frac ...)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'custom'; useinput ei ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 1280)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 720)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'rgba8fixed'; useinput rgba8fixed sr ...)
@final
class renderpassTOP(TOP):
    """renderpassTOP: continues the render of its input with more geometry."""
    @property
    def par(self) -> _renderpassTOP_par: ...
    def pick(self, /, u: Any, v: Any) -> Any: ...

@final
class _depthTOP_par(ParCollection):
    rendertop: _ParAttribute  # Render TOP (OP, Depth page, default '')
    cameraindex: _ParAttribute  # Camera Index (Int, Depth page, default 0)
    peellayerindex: _ParAttribute  # Peel Layer Index (Int, Depth page, default 0)
    pixelformat: _ParAttribute  # Pixel Format (Menu, Depth page, default 'depth'; depth rgba8fixed rgba16 ...)
    depthspace: _ParAttribute  # Depth Space (Menu, Depth page, default 'input'; input cameraspace reranged)
    rangefrom1: _ParAttribute  # Range From (Float, Depth page, default 0.0)
    rangefrom2: _ParAttribute  # Range From (Float, Depth page, default 1.0)
    rangeto1: _ParAttribute  # Range To (Float, Depth page, default 0.0)
    rangeto2: _ParAttribute  # Range To (Float, Depth page, default 1.0)
    clamp: _ParAttribute  # Clamp (Toggle, Depth page, default False)
    gamma: _ParAttribute  # Gamma (Float, Depth page, default 1.0)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'custom'; useinput ei ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 1280)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 720)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'rgba8fixed'; useinput rgba8fixed sr ...)
@final
class depthTOP(TOP):
    """depthTOP: the depth buffer of a renderTOP or renderpassTOP as an image."""
    @property
    def par(self) -> _depthTOP_par: ...

@final
class _renderselectTOP_par(ParCollection):
    top: _ParAttribute  # TOP (OP, Render Select page, default '')
    colorbufindex: _ParAttribute  # Color Buffer Index (Int, Render Select page, default 0)
    cameraindex: _ParAttribute  # Camera Index (Int, Render Select page, default 0)
    peellayerindex: _ParAttribute  # Peel Layer Index (Int, Render Select page, default 0)
    imageoutput: _ParAttribute  # Image Output (Int, Render Select page, default 0)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'custom'; useinput ei ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 1280)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 720)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'rgba8fixed'; useinput rgba8fixed sr ...)
@final
class renderselectTOP(TOP):
    """renderselectTOP: one image of a renderTOP or renderpassTOP."""
    @property
    def par(self) -> _renderselectTOP_par: ...

@final
class _constantTOP_par(ParCollection):
    colorr: _ParAttribute  # Color (Float, Constant page, default 1.0)
    colorg: _ParAttribute  # Color (Float, Constant page, default 1.0)
    colorb: _ParAttribute  # Color (Float, Constant page, default 1.0)
    alpha: _ParAttribute  # Alpha (Float, Constant page, default 1.0)
    multrgbbyalpha: _ParAttribute  # Multiply RGB by Alpha (Toggle, Constant page, default False)
    rgbaunit: _ParAttribute  # RGBA Units (Menu, Constant page, default 'u1'; u1 u256 u65536)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class constantTOP(TOP):
    """constantTOP: an image of one colour, (colorr, colorg, colorb, alpha)."""
    @property
    def par(self) -> _constantTOP_par: ...

@final
class _nullTOP_par(ParCollection):
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class nullTOP(TOP):
    """nullTOP: its input's image, unchanged with the Common page's defaults (useinput)."""
    @property
    def par(self) -> _nullTOP_par: ...

@final
class _levelTOP_par(ParCollection):
    invert: _ParAttribute  # Invert (Float, Pre page, default 0.0)
    blacklevel: _ParAttribute  # Black Level (Float, Pre page, default 0.0)
    brightness1: _ParAttribute  # Brightness (Float, Pre page, default 1.0)
    contrast: _ParAttribute  # Contrast (Float, Pre page, default 1.0)
    gamma1: _ParAttribute  # Gamma (Float, Pre page, default 1.0)
    opacity: _ParAttribute  # Opacity (Float, Post page, default 1.0)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class levelTOP(TOP):
    """levelTOP: its input's levels. On rgb, in this order (the order is ours):"""
    @property
    def par(self) -> _levelTOP_par: ...

@final
class _compositeTOP_par(ParCollection):
    operand: _ParAttribute  # Operation (Menu, Composite page, default 'over'; add atop average difference ...)
    swaporder: _ParAttribute  # Swap Order (Toggle, Composite page, default False)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class compositeTOP(TOP):
    """compositeTOP: its inputs layered by operand. The inputs are folded in order (reversed"""
    @property
    def par(self) -> _compositeTOP_par: ...

@final
class _scriptTOP_par(ParCollection):
    callbacks: _ParAttribute  # Callbacks DAT (OP, Script page, default '')
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class scriptTOP(TOP):
    """scriptTOP: an image made in Python, from NumPy arrays (copyNumpyArray())."""
    @property
    def par(self) -> _scriptTOP_par: ...
    def copyNumpyArray(self, numpyArray: Any, /, is3D: Any = ..., isCube: Any = ...) -> Any: ...

@final
class _flipTOP_par(ParCollection):
    flipx: _ParAttribute  # Flip X (Toggle, Flip page, default False)
    flipy: _ParAttribute  # Flip Y (Toggle, Flip page, default False)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class flipTOP(TOP):
    """flipTOP: its input mirrored: flipx left-right, flipy top-bottom, texel for texel (the image"""
    @property
    def par(self) -> _flipTOP_par: ...

@final
class _transformTOP_par(ParCollection):
    tx: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    rotate: _ParAttribute  # Rotate (Float, Transform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Transform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Transform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Transform page, default 0.5)
    py: _ParAttribute  # Pivot (Float, Transform page, default 0.5)
    extend: _ParAttribute  # Extend (Menu, Transform page, default 'zero'; hold zero repeat mirror)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class transformTOP(TOP):
    """transformTOP: its input moved by (tx, ty) (fractions of the image), rotated by rotate degrees"""
    @property
    def par(self) -> _transformTOP_par: ...

@final
class _resolutionTOP_par(ParCollection):
    highqualresize: _ParAttribute  # High Quality Resize (Toggle, Resolution page, default False)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class resolutionTOP(TOP):
    """resolutionTOP: its input resized as the Common page says (outputresolution, resolutionw/h;"""
    @property
    def par(self) -> _resolutionTOP_par: ...

@final
class _blurTOP_par(ParCollection):
    type: _ParAttribute  # Filter (Menu, Blur page, default 'gaussian'; gaussian box)
    size: _ParAttribute  # Filter Size (Float, Blur page, default 10.0)
    extend: _ParAttribute  # Extend (Menu, Blur page, default 'hold'; hold zero repeat mirror)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class blurTOP(TOP):
    """blurTOP: its input blurred, separably (a horizontal, then a vertical pass; npasses repeats"""
    @property
    def par(self) -> _blurTOP_par: ...

@final
class _selectTOP_par(ParCollection):
    top: _ParAttribute  # TOP (OP, Select page, default '')
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class selectTOP(TOP):
    """selectTOP: the image of the TOP named in top (relative to this TOP's network; any TOP, a"""
    @property
    def par(self) -> _selectTOP_par: ...

@final
class _inTOP_par(ParCollection):
    label: _ParAttribute  # Label (Str, In page, default '')
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class inTOP(TOP):
    """inTOP: the image wired into it, passed on (label is stored). A COMP's own input"""
    @property
    def par(self) -> _inTOP_par: ...

@final
class _outTOP_par(ParCollection):
    label: _ParAttribute  # Label (Str, Out page, default '')
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class outTOP(TOP):
    """outTOP: the image wired into it, passed on: the end of a chain that other networks read"""
    @property
    def par(self) -> _outTOP_par: ...

@final
class _rampTOP_par(ParCollection):
    dat: _ParAttribute  # DAT (OP, Ramp page, default '')
    type: _ParAttribute  # Type (Menu, Ramp page, default 'horizontal'; horizontal vertical radial circular)
    phase: _ParAttribute  # Phase (Float, Ramp page, default 0.0)
    period: _ParAttribute  # Period (Float, Ramp page, default 1.0)
    extend: _ParAttribute  # Extend (Menu, Ramp page, default 'hold'; hold zero repeat mirror)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class rampTOP(TOP):
    """rampTOP: a gradient between colour keys."""
    @property
    def par(self) -> _rampTOP_par: ...

@final
class _noiseTOP_par(ParCollection):
    type: _ParAttribute  # Type (Menu, Noise page, default 'simplex3d'; random hermite simplex2d simplex3d)
    seed: _ParAttribute  # Seed (Float, Noise page, default 1.0)
    period: _ParAttribute  # Period (Float, Noise page, default 1.0)
    harmon: _ParAttribute  # Harmonics (Int, Noise page, default 2)
    spread: _ParAttribute  # Harmonic Spread (Float, Noise page, default 2.0)
    gain: _ParAttribute  # Harmonic Gain (Float, Noise page, default 0.7)
    rough: _ParAttribute  # Roughness (Float, Noise page, default 0.5)
    exp: _ParAttribute  # Exponent (Float, Noise page, default 1.0)
    amp: _ParAttribute  # Amplitude (Float, Noise page, default 0.5)
    offset: _ParAttribute  # Offset (Float, Noise page, default 0.5)
    mono: _ParAttribute  # Monochrome (Toggle, Noise page, default True)
    tx: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class noiseTOP(TOP):
    """noiseTOP: fractal noise, the same image for the same parameters and seed."""
    @property
    def par(self) -> _noiseTOP_par: ...

@final
class _moviefileinTOP_par(ParCollection):
    file: _ParAttribute  # File (Str, Play page, default '')
    reloadpulse: _ParAttribute  # Reload File (Pulse, Play page, default 0)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class moviefileinTOP(TOP):
    """moviefileinTOP: a still image from file: PNG (8/16-bit), JPEG, TIFF (8/16-bit, 16/32-bit"""
    @property
    def par(self) -> _moviefileinTOP_par: ...

@final
class _glslTOP_par(ParCollection):
    glslversion: _ParAttribute  # GLSL Version (Menu, GLSL page, default 'glsl460'; glsl120 glsl330 glsl40 ...)
    predat: _ParAttribute  # Preprocess Directives (OP, GLSL page, default '')
    pixeldat: _ParAttribute  # Pixel Shader (OP, GLSL page, default '')
    vec0name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec0valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec0valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec0valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec0valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec1valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec2valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec3valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec4valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec5valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec6valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec7valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    const0name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const0value: _ParAttribute  # Value (Int, Constants page, default 0)
    const1name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const1value: _ParAttribute  # Value (Int, Constants page, default 0)
    const2name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const2value: _ParAttribute  # Value (Int, Constants page, default 0)
    const3name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const3value: _ParAttribute  # Value (Int, Constants page, default 0)
    outputresolution: _ParAttribute  # Output Resolution (Menu, Common page, default 'useinput'; useinput ...)
    resolutionw: _ParAttribute  # Resolution (Int, Common page, default 256)
    resolutionh: _ParAttribute  # Resolution (Int, Common page, default 256)
    outputaspect: _ParAttribute  # Output Aspect (Menu, Common page, default 'useinput'; useinput resoluti ...)
    aspect1: _ParAttribute  # Aspect (Float, Common page, default 16.0)
    aspect2: _ParAttribute  # Aspect (Float, Common page, default 9.0)
    inputfiltertype: _ParAttribute  # Input Smoothness (Menu, Common page, default 'linear'; nearest linea ...)
    fillmode: _ParAttribute  # Fill Viewer (Menu, Common page, default 'best'; useinput fill width height ...)
    filtertype: _ParAttribute  # Viewer Smoothness (Menu, Common page, default 'linear'; nearest linear mi ...)
    npasses: _ParAttribute  # Passes (Int, Common page, default 1)
    chanmask: _ParAttribute  # Channel Mask (Int, Common page, default 15)
    format: _ParAttribute  # Pixel Format (Menu, Common page, default 'useinput'; useinput rgba8fixed srgb ...)
@final
class glslTOP(TOP):
    """glslTOP: an image made by a pixel shader over its wired inputs (up to 16)."""
    @property
    def par(self) -> _glslTOP_par: ...

@final
class _boxSOP_par(ParCollection):
    tx: _ParAttribute  # Center (Float, Box page, default 0.0)
    ty: _ParAttribute  # Center (Float, Box page, default 0.0)
    tz: _ParAttribute  # Center (Float, Box page, default 0.0)
    sizex: _ParAttribute  # Size (Float, Box page, default 1.0)
    sizey: _ParAttribute  # Size (Float, Box page, default 1.0)
    sizez: _ParAttribute  # Size (Float, Box page, default 1.0)
    scale: _ParAttribute  # Uniform Scale (Float, Box page, default 1.0)
    texture: _ParAttribute  # Texture Coordinates (Menu, Box page, default 'faceoutside'; off boxinside fa ...)
    normals: _ParAttribute  # Compute Normals (Toggle, Box page, default True)
@final
class boxSOP(SOP):
    """boxSOP: an axis-aligned box centred at t, sized size * scale."""
    @property
    def par(self) -> _boxSOP_par: ...

@final
class _sphereSOP_par(ParCollection):
    type: _ParAttribute  # Primitive Type (Menu, Sphere page, default 'mesh'; prim poly mesh nurbs bezier)
    surftype: _ParAttribute  # Connectivity (Menu, Sphere page, default 'quads'; rows cols rowcol triangle ...)
    radx: _ParAttribute  # Radius (Float, Sphere page, default 1.0)
    rady: _ParAttribute  # Radius (Float, Sphere page, default 1.0)
    radz: _ParAttribute  # Radius (Float, Sphere page, default 1.0)
    tx: _ParAttribute  # Center (Float, Sphere page, default 0.0)
    ty: _ParAttribute  # Center (Float, Sphere page, default 0.0)
    tz: _ParAttribute  # Center (Float, Sphere page, default 0.0)
    orient: _ParAttribute  # Orientation (Menu, Sphere page, default 'y'; x y z)
    freq: _ParAttribute  # Frequency (Int, Sphere page, default 2)
    rows: _ParAttribute  # Rows (Int, Sphere page, default 20)
    cols: _ParAttribute  # Columns (Int, Sphere page, default 40)
    texture: _ParAttribute  # Texture Coordinates (Menu, Sphere page, default 'byprimtype'; off byprimtype ...)
    normals: _ParAttribute  # Compute Normals (Toggle, Sphere page, default True)
@final
class sphereSOP(SOP):
    """sphereSOP: a sphere (or ellipsoid, radius radx, rady, radz) centred at t, its poles on"""
    @property
    def par(self) -> _sphereSOP_par: ...

@final
class _gridSOP_par(ParCollection):
    type: _ParAttribute  # Primitive Type (Menu, Grid page, default 'poly'; poly mesh nurbs bezier)
    surftype: _ParAttribute  # Connectivity (Menu, Grid page, default 'quads'; rows cols rowcol triangles ...)
    orient: _ParAttribute  # Orientation (Menu, Grid page, default 'xy'; xy yz zx)
    sizex: _ParAttribute  # Size (Float, Grid page, default 1.0)
    sizey: _ParAttribute  # Size (Float, Grid page, default 1.0)
    tx: _ParAttribute  # Center (Float, Grid page, default 0.0)
    ty: _ParAttribute  # Center (Float, Grid page, default 0.0)
    tz: _ParAttribute  # Center (Float, Grid page, default 0.0)
    rows: _ParAttribute  # Rows (Int, Grid page, default 10)
    cols: _ParAttribute  # Columns (Int, Grid page, default 10)
    texture: _ParAttribute  # Texture Coordinates (Menu, Grid page, default 'rowcol'; off rowcol)
    normals: _ParAttribute  # Compute Normals (Toggle, Grid page, default True)
@final
class gridSOP(SOP):
    """gridSOP: a planar grid of rows x cols points, size wide and high, centred at t, in the"""
    @property
    def par(self) -> _gridSOP_par: ...

@final
class _rectangleSOP_par(ParCollection):
    orient: _ParAttribute  # Orientation (Menu, Rectangle page, default 'xy'; xy yz zx cam)
    sizex: _ParAttribute  # Size (Float, Rectangle page, default 1.0)
    sizey: _ParAttribute  # Size (Float, Rectangle page, default 1.0)
    tx: _ParAttribute  # Center (Float, Rectangle page, default 0.0)
    ty: _ParAttribute  # Center (Float, Rectangle page, default 0.0)
    tz: _ParAttribute  # Center (Float, Rectangle page, default 0.0)
    texture: _ParAttribute  # Texture Coordinates (Menu, Rectangle page, default 'face'; off face)
    normals: _ParAttribute  # Compute Normals (Toggle, Rectangle page, default True)
@final
class rectangleSOP(SOP):
    """rectangleSOP: one four-sided polygon, size wide and high, centred at t, in the orient"""
    @property
    def par(self) -> _rectangleSOP_par: ...

@final
class _circleSOP_par(ParCollection):
    type: _ParAttribute  # Primitive Type (Menu, Circle page, default 'poly'; prim poly nurbs bezier)
    orient: _ParAttribute  # Orientation (Menu, Circle page, default 'xy'; xy yz zx)
    radx: _ParAttribute  # Radius (Float, Circle page, default 1.0)
    rady: _ParAttribute  # Radius (Float, Circle page, default 1.0)
    tx: _ParAttribute  # Center (Float, Circle page, default 0.0)
    ty: _ParAttribute  # Center (Float, Circle page, default 0.0)
    tz: _ParAttribute  # Center (Float, Circle page, default 0.0)
    divs: _ParAttribute  # Divisions (Int, Circle page, default 12)
    arc: _ParAttribute  # Arc Type (Menu, Circle page, default 'closed'; closed openarc closedarc slicedarc)
    beginangle: _ParAttribute  # Arc Angles (Float, Circle page, default 0.0)
    endangle: _ParAttribute  # Arc Angles (Float, Circle page, default 360.0)
    texture: _ParAttribute  # Texture Coordinates (Menu, Circle page, default 'face'; off face)
    normals: _ParAttribute  # Compute Normals (Toggle, Circle page, default True)
@final
class circleSOP(SOP):
    """circleSOP: a circle, ellipse or arc of radius radx, rady around t in the orient plane"""
    @property
    def par(self) -> _circleSOP_par: ...

@final
class _lineSOP_par(ParCollection):
    pax: _ParAttribute  # Point A (Float, Line page, default 0.0)
    pay: _ParAttribute  # Point A (Float, Line page, default 0.0)
    paz: _ParAttribute  # Point A (Float, Line page, default 0.0)
    pbx: _ParAttribute  # Point B (Float, Line page, default 0.0)
    pby: _ParAttribute  # Point B (Float, Line page, default 1.0)
    pbz: _ParAttribute  # Point B (Float, Line page, default 0.0)
    points: _ParAttribute  # Number of Points (Int, Line page, default 2)
    texture: _ParAttribute  # Texture Coordinates (Menu, Line page, default 'off'; off unit)
@final
class lineSOP(SOP):
    """lineSOP: a straight line of points points (at least 2, as the docs say) evenly spaced"""
    @property
    def par(self) -> _lineSOP_par: ...

@final
class _torusSOP_par(ParCollection):
    type: _ParAttribute  # Primitive Type (Menu, Torus page, default 'poly'; poly mesh nurbs bezier)
    surftype: _ParAttribute  # Connectivity (Menu, Torus page, default 'quads'; rows cols rowcol triangles ...)
    orient: _ParAttribute  # Orientation (Menu, Torus page, default 'y'; x y z)
    radx: _ParAttribute  # Radius (Float, Torus page, default 1.0)
    rady: _ParAttribute  # Radius (Float, Torus page, default 0.5)
    tx: _ParAttribute  # Center (Float, Torus page, default 0.0)
    ty: _ParAttribute  # Center (Float, Torus page, default 0.0)
    tz: _ParAttribute  # Center (Float, Torus page, default 0.0)
    rows: _ParAttribute  # Rows (Int, Torus page, default 24)
    cols: _ParAttribute  # Columns (Int, Torus page, default 12)
    angleoffset: _ParAttribute  # Angle Offset (Float, Detail page, default 0.0)
    beginangleu: _ParAttribute  # U Angle (Float, Detail page, default 0.0)
    endangleu: _ParAttribute  # U Angle (Float, Detail page, default 360.0)
    beginanglev: _ParAttribute  # V Angle (Float, Detail page, default 0.0)
    endanglev: _ParAttribute  # V Angle (Float, Detail page, default 360.0)
    closeu: _ParAttribute  # U Wrap (Toggle, Detail page, default True)
    closev: _ParAttribute  # V Wrap (Toggle, Detail page, default True)
    texture: _ParAttribute  # Texture Coordinates (Menu, Detail page, default 'rowcol'; off rowcol)
    normals: _ParAttribute  # Compute Normals (Toggle, Detail page, default True)
@final
class torusSOP(SOP):
    """torusSOP: a torus around the orient axis, ring radius radx and cross-section radius"""
    @property
    def par(self) -> _torusSOP_par: ...

@final
class _tubeSOP_par(ParCollection):
    type: _ParAttribute  # Primitive Type (Menu, Tube page, default 'poly'; prim poly mesh nurbs bezier)
    surftype: _ParAttribute  # Connectivity (Menu, Tube page, default 'quads'; rows cols rowcol triangles ...)
    orient: _ParAttribute  # Orientation (Menu, Tube page, default 'y'; x y z)
    tx: _ParAttribute  # Center (Float, Tube page, default 0.0)
    ty: _ParAttribute  # Center (Float, Tube page, default 0.0)
    tz: _ParAttribute  # Center (Float, Tube page, default 0.0)
    rad1: _ParAttribute  # Radius (Float, Tube page, default 1.0)
    rad2: _ParAttribute  # Radius (Float, Tube page, default 1.0)
    height: _ParAttribute  # Height (Float, Tube page, default 1.0)
    rows: _ParAttribute  # Rows (Int, Detail page, default 2)
    cols: _ParAttribute  # Columns (Int, Detail page, default 12)
    cap: _ParAttribute  # End Caps (Toggle, Detail page, default False)
    texture: _ParAttribute  # Texture Coordinates (Menu, Detail page, default 'rowcol'; off rowcol)
    normals: _ParAttribute  # Compute Normals (Toggle, Detail page, default True)
@final
class tubeSOP(SOP):
    """tubeSOP: a tube or cone along the orient axis, centred at t, height long, radius rad1"""
    @property
    def par(self) -> _tubeSOP_par: ...

@final
class _fileinSOP_par(ParCollection):
    file: _ParAttribute  # Geometry File (Str, File In page, default '')
    flipfacing: _ParAttribute  # Flip Primitive Faces (Toggle, File In page, default False)
    normals: _ParAttribute  # Compute Normals if None Exist (Toggle, File In page, default True)
    refresh: _ParAttribute  # Refresh (Toggle, File In page, default True)
    refreshpulse: _ParAttribute  # Refresh Pulse (Pulse, File In page, default 0)
@final
class fileinSOP(SOP):
    """fileinSOP: geometry from a Wavefront .obj file (the path relative to the current folder)."""
    @property
    def par(self) -> _fileinSOP_par: ...

@final
class _scriptSOP_par(ParCollection):
    callbacks: _ParAttribute  # Callbacks DAT (OP, Script page, default '')
    setuppars: _ParAttribute  # Setup Parameters (Pulse, Script page, default 0)
@final
class scriptSOP(SOP):
    """scriptSOP: geometry made in Python, point by point (TouchDesigner's scriptSOP API) or"""
    @property
    def par(self) -> _scriptSOP_par: ...
    def appendPoint(self, /) -> Any: ...
    def appendPoly(self, /, numVertices: Any, closed: Any = ..., addPoints: Any = ...) -> Any: ...
    def clear(self, /) -> Any: ...
    def copy(self, /, sop: Any) -> Any: ...
    def setGeometry(self, /, P: Any, N: Any = ..., uv: Any = ..., Cd: Any = ..., triangles: Any = ..., polygons: Any = ..., sizes: Any = ...) -> Any: ...

@final
class _nullSOP_par(ParCollection): ...
@final
class nullSOP(SOP):
    """nullSOP: the geometry wired into it, unchanged (the same mesh: nothing is copied)."""
    @property
    def par(self) -> _nullSOP_par: ...

@final
class _inSOP_par(ParCollection):
    label: _ParAttribute  # Label (Str, In page, default '')
@final
class inSOP(SOP):
    """inSOP: the geometry wired into it, passed on (label is stored). In TouchDesigner an In SOP"""
    @property
    def par(self) -> _inSOP_par: ...

@final
class _outSOP_par(ParCollection):
    label: _ParAttribute  # Label (Str, Out page, default '')
@final
class outSOP(SOP):
    """outSOP: the geometry wired into it, passed on (label is stored): the end of a SOP chain."""
    @property
    def par(self) -> _outSOP_par: ...

@final
class _transformSOP_par(ParCollection):
    group: _ParAttribute  # Group (Str, Transform page, default '')
    xord: _ParAttribute  # Transform Order (Menu, Transform page, default 'srt'; srt str rst rts tsr trs)
    rord: _ParAttribute  # Rotate Order (Menu, Transform page, default 'xyz'; xyz xzy yxz yzx zxy zyx)
    tx: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    rx: _ParAttribute  # Rotate (Float, Transform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Transform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Transform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Transform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Transform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Transform page, default 1.0)
    px: _ParAttribute  # Pivot (Float, Transform page, default 0.0)
    py: _ParAttribute  # Pivot (Float, Transform page, default 0.0)
    pz: _ParAttribute  # Pivot (Float, Transform page, default 0.0)
    scale: _ParAttribute  # Uniform Scale (Float, Transform page, default 1.0)
    vlength: _ParAttribute  # Normals Maintain Length (Toggle, Transform page, default True)
    lookat: _ParAttribute  # Look At (OP, Transform page, default '')
    upvectorx: _ParAttribute  # Up Vector (Float, Transform page, default 0.0)
    upvectory: _ParAttribute  # Up Vector (Float, Transform page, default 1.0)
    upvectorz: _ParAttribute  # Up Vector (Float, Transform page, default 0.0)
    forwarddir: _ParAttribute  # Forward Direction (Menu, Transform page, default 'posz'; posx negx posy n ...)
    postxord: _ParAttribute  # Post Transform Order (Menu, Post page, default 'st'; st ts)
    posttx: _ParAttribute  # Post Translate X (Menu, Post page, default 'off'; off origin reference)
    fromx: _ParAttribute  # From Input (Menu, Post page, default 'center'; min center max)
    tox: _ParAttribute  # To Reference (Menu, Post page, default 'center'; min center max)
    postty: _ParAttribute  # Post Translate Y (Menu, Post page, default 'off'; off origin reference)
    fromy: _ParAttribute  # From Input (Menu, Post page, default 'center'; min center max)
    toy: _ParAttribute  # To Reference (Menu, Post page, default 'center'; min center max)
    posttz: _ParAttribute  # Post Translate Z (Menu, Post page, default 'off'; off origin reference)
    fromz: _ParAttribute  # From Input (Menu, Post page, default 'center'; min center max)
    toz: _ParAttribute  # To Reference (Menu, Post page, default 'center'; min center max)
    postscale: _ParAttribute  # Post Scale (Menu, Post page, default 'peraxis'; peraxis unity reference)
    postscalex: _ParAttribute  # Post Scale X (Menu, Post page, default 'off'; off unity reference unitypr ...)
    postscaley: _ParAttribute  # Post Scale Y (Menu, Post page, default 'off'; off unity reference unitypr ...)
    postscalez: _ParAttribute  # Post Scale Z (Menu, Post page, default 'off'; off unity reference unitypr ...)
@final
class transformSOP(SOP):
    """transformSOP: translates, rotates and scales the geometry wired into it, in the SOP's own"""
    @property
    def par(self) -> _transformSOP_par: ...

@final
class _mergeSOP_par(ParCollection): ...
@final
class mergeSOP(SOP):
    """mergeSOP: the geometry of every SOP wired into it (up to 64), one after another in input order."""
    @property
    def par(self) -> _mergeSOP_par: ...

@final
class _noiseSOP_par(ParCollection):
    group: _ParAttribute  # Group (Str, Noise page, default '')
    attribute: _ParAttribute  # Attribute (Menu, Noise page, default 'pos'; pos n cd alpha uv w)
    type: _ParAttribute  # Type (Menu, Noise page, default 'sparse'; sparse hermite harmonic brownian rand ...)
    seed: _ParAttribute  # Seed (Float, Noise page, default 1.0)
    period: _ParAttribute  # Period (Float, Noise page, default 1.0)
    harmon: _ParAttribute  # Harmonics (Int, Noise page, default 2)
    spread: _ParAttribute  # Harmonic Spread (Float, Noise page, default 2.0)
    gain: _ParAttribute  # Harmonic Gain (Float, Noise page, default 0.7)
    rough: _ParAttribute  # Roughness (Float, Noise page, default 0.5)
    exp: _ParAttribute  # Exponent (Float, Noise page, default 1.0)
    amp: _ParAttribute  # Amplitude (Float, Noise page, default 1.0)
    offset: _ParAttribute  # Offset (Float, Noise page, default 0.0)
    tx: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    rx: _ParAttribute  # Rotate (Float, Transform page, default 0.0)
    ry: _ParAttribute  # Rotate (Float, Transform page, default 0.0)
    rz: _ParAttribute  # Rotate (Float, Transform page, default 0.0)
    sx: _ParAttribute  # Scale (Float, Transform page, default 1.0)
    sy: _ParAttribute  # Scale (Float, Transform page, default 1.0)
    sz: _ParAttribute  # Scale (Float, Transform page, default 1.0)
@final
class noiseSOP(SOP):
    """noiseSOP: its input's geometry with one attribute moved by fractal noise, the same result"""
    @property
    def par(self) -> _noiseSOP_par: ...

@final
class _constantMAT_par(ParCollection):
    colorr: _ParAttribute  # Color (Float, Constant page, default 1.0)
    colorg: _ParAttribute  # Color (Float, Constant page, default 1.0)
    colorb: _ParAttribute  # Color (Float, Constant page, default 1.0)
    alpha: _ParAttribute  # Alpha (Float, Constant page, default 1.0)
    colormap: _ParAttribute  # Color Map (OP, Constant page, default '')
    colormapextendu: _ParAttribute  # Extend U (Menu, Constant page, default 'repeat'; hold zero repeat mi ...)
    colormapextendv: _ParAttribute  # Extend V (Menu, Constant page, default 'repeat'; hold zero repeat mi ...)
    colormapextendw: _ParAttribute  # Extend W (Menu, Constant page, default 'repeat'; hold zero repeat mi ...)
    colormapfilter: _ParAttribute  # Filter (Menu, Constant page, default 'linear'; nearest linear mipmapl ...)
    colormapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, Constant page, default 'off'; off 2x 4x ...)
    blending: _ParAttribute  # Blending (Transparency) (Toggle, Common page, default False)
    blendop: _ParAttribute  # Blend Operation (Menu, Common page, default 'add'; add subtract revsubtract ...)
    srcblend: _ParAttribute  # Source Color (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblend: _ParAttribute  # Destination Color (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    separatealphafunc: _ParAttribute  # Separate Alpha Function (Toggle, Common page, default False)
    blendopa: _ParAttribute  # Blend Operation Alpha (Menu, Common page, default 'add'; add subtract revsu ...)
    srcblenda: _ParAttribute  # Source Alpha (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblenda: _ParAttribute  # Destination Alpha (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    blendconstantr: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantg: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantb: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstanta: _ParAttribute  # Blend Constant Alpha (Float, Common page, default 0.0)
    legacyalphabehavior: _ParAttribute  # Legacy Alpha Behavior (Toggle, Common page, default False)
    postmultalpha: _ParAttribute  # Post-Multiply Color by Alpha (Toggle, Common page, default False)
    pointcolorpremult: _ParAttribute  # Point Color Pre-Multiply (Menu, Common page, default 'alreadypremu ...)
    depthtest: _ParAttribute  # Depth Test (Toggle, Common page, default True)
    depthfunc: _ParAttribute  # Depth Test Function (Menu, Common page, default 'less'; less lessorequal e ...)
    depthwriting: _ParAttribute  # Write Depth Values (Toggle, Common page, default True)
    alphatest: _ParAttribute  # Discard Pixels Based on Alpha (Toggle, Common page, default False)
    alphafunc: _ParAttribute  # Keep Pixels with Alpha (Menu, Common page, default 'greaterorequal'; less ...)
    alphathreshold: _ParAttribute  # Alpha Threshold (Float, Common page, default 0.5)
    wireframe: _ParAttribute  # Wire Frame (Menu, Common page, default 'off'; off tesselated topology)
    wirewidth: _ParAttribute  # Line Width (Float, Common page, default 1.0)
    cullface: _ParAttribute  # Cull Face (Menu, Common page, default 'userender'; userender neither backfa ...)
    polygonoffset: _ParAttribute  # Polygon Depth Offset (Toggle, Common page, default False)
    polygonoffsetfactor: _ParAttribute  # Offset Factor (Float, Common page, default 1.0)
    polygonoffsetunits: _ParAttribute  # Offset Units (Float, Common page, default 1.0)
@final
class constantMAT(MAT):
    """constantMAT: an unlit material; pixels get exactly its colour and alpha."""
    @property
    def par(self) -> _constantMAT_par: ...

@final
class _phongMAT_par(ParCollection):
    ambdiff: _ParAttribute  # Ambient uses Diffuse (Toggle, RGB page, default False)
    diffr: _ParAttribute  # Diffuse (Float, RGB page, default 1.0)
    diffg: _ParAttribute  # Diffuse (Float, RGB page, default 1.0)
    diffb: _ParAttribute  # Diffuse (Float, RGB page, default 1.0)
    ambr: _ParAttribute  # Ambient (Float, RGB page, default 1.0)
    ambg: _ParAttribute  # Ambient (Float, RGB page, default 1.0)
    ambb: _ParAttribute  # Ambient (Float, RGB page, default 1.0)
    specr: _ParAttribute  # Specular (Float, RGB page, default 1.0)
    specg: _ParAttribute  # Specular (Float, RGB page, default 1.0)
    specb: _ParAttribute  # Specular (Float, RGB page, default 1.0)
    emitr: _ParAttribute  # Emit (Float, RGB page, default 0.0)
    emitg: _ParAttribute  # Emit (Float, RGB page, default 0.0)
    emitb: _ParAttribute  # Emit (Float, RGB page, default 0.0)
    constantr: _ParAttribute  # Constant (Float, RGB page, default 0.0)
    constantg: _ParAttribute  # Constant (Float, RGB page, default 0.0)
    constantb: _ParAttribute  # Constant (Float, RGB page, default 0.0)
    shininess: _ParAttribute  # Shininess (Float, RGB page, default 10.0)
    colormap: _ParAttribute  # Color Map (OP, RGB page, default '')
    colormapextendu: _ParAttribute  # Extend U (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    colormapextendv: _ParAttribute  # Extend V (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    colormapextendw: _ParAttribute  # Extend W (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    colormapfilter: _ParAttribute  # Filter (Menu, RGB page, default 'linear'; nearest linear mipmaplinear)
    colormapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, RGB page, default 'off'; off 2x 4x 8x 16x)
    normalmap: _ParAttribute  # Normal Map (Bump) (OP, RGB page, default '')
    normalmapextendu: _ParAttribute  # Extend U (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    normalmapextendv: _ParAttribute  # Extend V (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    normalmapextendw: _ParAttribute  # Extend W (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    normalmapfilter: _ParAttribute  # Filter (Menu, RGB page, default 'linear'; nearest linear mipmaplinear)
    normalmapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, RGB page, default 'off'; off 2x 4x 8x 16x)
    bumpscale: _ParAttribute  # Bump Scale (Float, RGB page, default 1.0)
    diffusemap: _ParAttribute  # Diffuse Map (OP, RGB page, default '')
    diffusemapextendu: _ParAttribute  # Extend U (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    diffusemapextendv: _ParAttribute  # Extend V (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    diffusemapextendw: _ParAttribute  # Extend W (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    diffusemapfilter: _ParAttribute  # Filter (Menu, RGB page, default 'linear'; nearest linear mipmaplinear)
    diffusemapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, RGB page, default 'off'; off 2x 4x 8x ...)
    specmap: _ParAttribute  # Specular Map (OP, RGB page, default '')
    specmapextendu: _ParAttribute  # Extend U (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    specmapextendv: _ParAttribute  # Extend V (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    specmapextendw: _ParAttribute  # Extend W (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    specmapfilter: _ParAttribute  # Filter (Menu, RGB page, default 'linear'; nearest linear mipmaplinear)
    specmapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, RGB page, default 'off'; off 2x 4x 8x 16x)
    emitmap: _ParAttribute  # Emit Map (OP, RGB page, default '')
    emitmapextendu: _ParAttribute  # Extend U (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    emitmapextendv: _ParAttribute  # Extend V (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    emitmapextendw: _ParAttribute  # Extend W (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    emitmapfilter: _ParAttribute  # Filter (Menu, RGB page, default 'linear'; nearest linear mipmaplinear)
    emitmapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, RGB page, default 'off'; off 2x 4x 8x 16x)
    envmap: _ParAttribute  # Environment Map (OP, RGB page, default '')
    envmapextendu: _ParAttribute  # Extend U (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    envmapextendv: _ParAttribute  # Extend V (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    envmapextendw: _ParAttribute  # Extend W (Menu, RGB page, default 'repeat'; hold zero repeat mirror)
    envmapfilter: _ParAttribute  # Filter (Menu, RGB page, default 'linear'; nearest linear mipmaplinear)
    envmapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, RGB page, default 'off'; off 2x 4x 8x 16x)
    envmapcolorr: _ParAttribute  # Environment Map Color (Float, RGB page, default 1.0)
    envmapcolorg: _ParAttribute  # Environment Map Color (Float, RGB page, default 1.0)
    envmapcolorb: _ParAttribute  # Environment Map Color (Float, RGB page, default 1.0)
    envmaprotatex: _ParAttribute  # Environment Map Rotate (Float, RGB page, default 0.0)
    envmaprotatey: _ParAttribute  # Environment Map Rotate (Float, RGB page, default 0.0)
    envmaprotatez: _ParAttribute  # Environment Map Rotate (Float, RGB page, default 0.0)
    envmaptype2d: _ParAttribute  # Environment Map 2D Type (Menu, RGB page, default 'equirect'; spheremap ...)
    alphamap: _ParAttribute  # Alpha Map (OP, Alpha page, default '')
    alphamapextendu: _ParAttribute  # Extend U (Menu, Alpha page, default 'repeat'; hold zero repeat mirror)
    alphamapextendv: _ParAttribute  # Extend V (Menu, Alpha page, default 'repeat'; hold zero repeat mirror)
    alphamapextendw: _ParAttribute  # Extend W (Menu, Alpha page, default 'repeat'; hold zero repeat mirror)
    alphamapfilter: _ParAttribute  # Filter (Menu, Alpha page, default 'linear'; nearest linear mipmaplinear)
    alphamapanisotropy: _ParAttribute  # Anisotropic Filter (Menu, Alpha page, default 'off'; off 2x 4x 8x ...)
    alphamode: _ParAttribute  # Uniform Alpha (Toggle, Alpha page, default True)
    alphafront: _ParAttribute  # Alpha Front (Float, Alpha page, default 1.0)
    alphaside: _ParAttribute  # Alpha Side (Float, Alpha page, default 1.0)
    rolloff: _ParAttribute  # Alpha Rolloff (Float, Alpha page, default 1.0)
    shadowstrength: _ParAttribute  # Shadow Strength (Float, Advanced page, default 1.0)
    shadowcolorr: _ParAttribute  # Shadow Color (Float, Advanced page, default 0.0)
    shadowcolorg: _ParAttribute  # Shadow Color (Float, Advanced page, default 0.0)
    shadowcolorb: _ParAttribute  # Shadow Color (Float, Advanced page, default 0.0)
    spec2r: _ParAttribute  # Secondary Specular (Float, Advanced page, default 0.0)
    spec2g: _ParAttribute  # Secondary Specular (Float, Advanced page, default 0.0)
    spec2b: _ParAttribute  # Secondary Specular (Float, Advanced page, default 0.0)
    shininess2: _ParAttribute  # Secondary Shininess (Float, Advanced page, default 10.0)
    blending: _ParAttribute  # Blending (Transparency) (Toggle, Common page, default False)
    blendop: _ParAttribute  # Blend Operation (Menu, Common page, default 'add'; add subtract revsubtract ...)
    srcblend: _ParAttribute  # Source Color (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblend: _ParAttribute  # Destination Color (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    separatealphafunc: _ParAttribute  # Separate Alpha Function (Toggle, Common page, default False)
    blendopa: _ParAttribute  # Blend Operation Alpha (Menu, Common page, default 'add'; add subtract revsu ...)
    srcblenda: _ParAttribute  # Source Alpha (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblenda: _ParAttribute  # Destination Alpha (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    blendconstantr: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantg: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantb: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstanta: _ParAttribute  # Blend Constant Alpha (Float, Common page, default 0.0)
    legacyalphabehavior: _ParAttribute  # Legacy Alpha Behavior (Toggle, Common page, default False)
    postmultalpha: _ParAttribute  # Post-Multiply Color by Alpha (Toggle, Common page, default False)
    pointcolorpremult: _ParAttribute  # Point Color Pre-Multiply (Menu, Common page, default 'alreadypremu ...)
    depthtest: _ParAttribute  # Depth Test (Toggle, Common page, default True)
    depthfunc: _ParAttribute  # Depth Test Function (Menu, Common page, default 'less'; less lessorequal e ...)
    depthwriting: _ParAttribute  # Write Depth Values (Toggle, Common page, default True)
    alphatest: _ParAttribute  # Discard Pixels Based on Alpha (Toggle, Common page, default False)
    alphafunc: _ParAttribute  # Keep Pixels with Alpha (Menu, Common page, default 'greaterorequal'; less ...)
    alphathreshold: _ParAttribute  # Alpha Threshold (Float, Common page, default 0.5)
    wireframe: _ParAttribute  # Wire Frame (Menu, Common page, default 'off'; off tesselated topology)
    wirewidth: _ParAttribute  # Line Width (Float, Common page, default 1.0)
    cullface: _ParAttribute  # Cull Face (Menu, Common page, default 'userender'; userender neither backfa ...)
    polygonoffset: _ParAttribute  # Polygon Depth Offset (Toggle, Common page, default False)
    polygonoffsetfactor: _ParAttribute  # Offset Factor (Float, Common page, default 1.0)
    polygonoffsetunits: _ParAttribute  # Offset Units (Float, Common page, default 1.0)
@final
class phongMAT(MAT):
    """phongMAT: a lit material, TouchDesigner's Phong Lighting Equation. Per light, with n the"""
    @property
    def par(self) -> _phongMAT_par: ...

@final
class _pbrMAT_par(ParCollection):
    basecolorr: _ParAttribute  # Base Color (Float, RGB page, default 1.0)
    basecolorg: _ParAttribute  # Base Color (Float, RGB page, default 1.0)
    basecolorb: _ParAttribute  # Base Color (Float, RGB page, default 1.0)
    basecolormap: _ParAttribute  # Base Color Map (OP, RGB page, default '')
    basecolormapextendu: _ParAttribute  # Base Color Map Extend U (Menu, RGB page, default 'repeat'; hold ...)
    basecolormapextendv: _ParAttribute  # Base Color Map Extend V (Menu, RGB page, default 'repeat'; hold ...)
    basecolormapfilter: _ParAttribute  # Base Color Map Filter (Menu, RGB page, default 'linear'; nearest ...)
    specularlevel: _ParAttribute  # Specular Level (Float, RGB page, default 0.5)
    metallic: _ParAttribute  # Metallic (Float, RGB page, default 1.0)
    metallicmap: _ParAttribute  # Metallic Map (OP, RGB page, default '')
    metallicmapextendu: _ParAttribute  # Metallic Map Extend U (Menu, RGB page, default 'repeat'; hold zer ...)
    metallicmapextendv: _ParAttribute  # Metallic Map Extend V (Menu, RGB page, default 'repeat'; hold zer ...)
    metallicmapfilter: _ParAttribute  # Metallic Map Filter (Menu, RGB page, default 'linear'; nearest lin ...)
    metallicchannelsource: _ParAttribute  # Metallic Channel Source (Menu, RGB page, default 'b'; r g b a)
    roughness: _ParAttribute  # Roughness (Float, RGB page, default 0.5)
    roughnessmap: _ParAttribute  # Roughness Map (OP, RGB page, default '')
    roughnessmapextendu: _ParAttribute  # Roughness Map Extend U (Menu, RGB page, default 'repeat'; hold z ...)
    roughnessmapextendv: _ParAttribute  # Roughness Map Extend V (Menu, RGB page, default 'repeat'; hold z ...)
    roughnessmapfilter: _ParAttribute  # Roughness Map Filter (Menu, RGB page, default 'linear'; nearest l ...)
    roughnesschannelsource: _ParAttribute  # Roughness Channel Source (Menu, RGB page, default 'g'; r g b a)
    ambientocclusion: _ParAttribute  # Ambient Occlusion (Float, RGB page, default 1.0)
    ambientocclusionmap: _ParAttribute  # Ambient Occlusion Map (OP, RGB page, default '')
    ambientocclusionmapextendu: _ParAttribute  # Ambient Occlusion Map Extend U (Menu, RGB page, default ' ...)
    ambientocclusionmapextendv: _ParAttribute  # Ambient Occlusion Map Extend V (Menu, RGB page, default ' ...)
    ambientocclusionmapfilter: _ParAttribute  # Ambient Occlusion Map Filter (Menu, RGB page, default 'lin ...)
    ambientocclusionchannelsource: _ParAttribute  # Ambient Occlusion Channel Source (Menu, RGB page, defa ...)
    normalmap: _ParAttribute  # Normal Map (OP, RGB page, default '')
    normalmapextendu: _ParAttribute  # Normal Map Extend U (Menu, RGB page, default 'repeat'; hold zero re ...)
    normalmapextendv: _ParAttribute  # Normal Map Extend V (Menu, RGB page, default 'repeat'; hold zero re ...)
    normalmapfilter: _ParAttribute  # Normal Map Filter (Menu, RGB page, default 'linear'; nearest linear ...)
    heightmap: _ParAttribute  # Height Map (OP, RGB page, default '')
    heightmapextendu: _ParAttribute  # Height Map Extend U (Menu, RGB page, default 'repeat'; hold zero re ...)
    heightmapextendv: _ParAttribute  # Height Map Extend V (Menu, RGB page, default 'repeat'; hold zero re ...)
    heightmapfilter: _ParAttribute  # Height Map Filter (Menu, RGB page, default 'linear'; nearest linear ...)
    emitr: _ParAttribute  # Emit (Float, RGB page, default 0.0)
    emitg: _ParAttribute  # Emit (Float, RGB page, default 0.0)
    emitb: _ParAttribute  # Emit (Float, RGB page, default 0.0)
    emitmap: _ParAttribute  # Emit Map (OP, RGB page, default '')
    emitmapextendu: _ParAttribute  # Emit Map Extend U (Menu, RGB page, default 'repeat'; hold zero repeat ...)
    emitmapextendv: _ParAttribute  # Emit Map Extend V (Menu, RGB page, default 'repeat'; hold zero repeat ...)
    emitmapfilter: _ParAttribute  # Emit Map Filter (Menu, RGB page, default 'linear'; nearest linear mipm ...)
    constantr: _ParAttribute  # Constant (Float, RGB page, default 0.0)
    constantg: _ParAttribute  # Constant (Float, RGB page, default 0.0)
    constantb: _ParAttribute  # Constant (Float, RGB page, default 0.0)
    envlightquality: _ParAttribute  # Environment Light Quality (Float, RGB page, default 1.0)
    alphamode: _ParAttribute  # Uniform Alpha (Toggle, Alpha page, default True)
    alphafront: _ParAttribute  # Alpha Front (Float, Alpha page, default 1.0)
    alphaside: _ParAttribute  # Alpha Side (Float, Alpha page, default 1.0)
    rolloff: _ParAttribute  # Alpha Rolloff (Float, Alpha page, default 1.0)
    blending: _ParAttribute  # Blending (Transparency) (Toggle, Common page, default False)
    blendop: _ParAttribute  # Blend Operation (Menu, Common page, default 'add'; add subtract revsubtract ...)
    srcblend: _ParAttribute  # Source Color (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblend: _ParAttribute  # Destination Color (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    separatealphafunc: _ParAttribute  # Separate Alpha Function (Toggle, Common page, default False)
    blendopa: _ParAttribute  # Blend Operation Alpha (Menu, Common page, default 'add'; add subtract revsu ...)
    srcblenda: _ParAttribute  # Source Alpha (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblenda: _ParAttribute  # Destination Alpha (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    blendconstantr: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantg: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantb: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstanta: _ParAttribute  # Blend Constant Alpha (Float, Common page, default 0.0)
    legacyalphabehavior: _ParAttribute  # Legacy Alpha Behavior (Toggle, Common page, default False)
    postmultalpha: _ParAttribute  # Post-Multiply Color by Alpha (Toggle, Common page, default False)
    pointcolorpremult: _ParAttribute  # Point Color Pre-Multiply (Menu, Common page, default 'alreadypremu ...)
    depthtest: _ParAttribute  # Depth Test (Toggle, Common page, default True)
    depthfunc: _ParAttribute  # Depth Test Function (Menu, Common page, default 'less'; less lessorequal e ...)
    depthwriting: _ParAttribute  # Write Depth Values (Toggle, Common page, default True)
    alphatest: _ParAttribute  # Discard Pixels Based on Alpha (Toggle, Common page, default False)
    alphafunc: _ParAttribute  # Keep Pixels with Alpha (Menu, Common page, default 'greaterorequal'; less ...)
    alphathreshold: _ParAttribute  # Alpha Threshold (Float, Common page, default 0.5)
    wireframe: _ParAttribute  # Wire Frame (Menu, Common page, default 'off'; off tesselated topology)
    wirewidth: _ParAttribute  # Line Width (Float, Common page, default 1.0)
    cullface: _ParAttribute  # Cull Face (Menu, Common page, default 'userender'; userender neither backfa ...)
    polygonoffset: _ParAttribute  # Polygon Depth Offset (Toggle, Common page, default False)
    polygonoffsetfactor: _ParAttribute  # Offset Factor (Float, Common page, default 1.0)
    polygonoffsetunits: _ParAttribute  # Offset Units (Float, Common page, default 1.0)
@final
class pbrMAT(MAT):
    """pbrMAT: a physically based material (metallic / roughness). With n the surface normal"""
    @property
    def par(self) -> _pbrMAT_par: ...

@final
class _glslMAT_par(ParCollection):
    glslversion: _ParAttribute  # GLSL Version (Menu, Load page, default 'glsl460'; glsl120 glsl330 glsl40 ...)
    predat: _ParAttribute  # Preprocess Directives (OP, Load page, default '')
    vdat: _ParAttribute  # Vertex Shader (OP, Load page, default '')
    pdat: _ParAttribute  # Pixel Shader (OP, Load page, default '')
    loaduniformnames: _ParAttribute  # Load Uniform Names (Pulse, Load page, default 0)
    clearuniformnames: _ParAttribute  # Clear Uniform Names (Pulse, Load page, default 0)
    gdat: _ParAttribute  # Geometry Shader (OP, Load page, default '')
    inherit: _ParAttribute  # Inherit From (OP, Load page, default '')
    lightingspace: _ParAttribute  # Lighting Space (Menu, Load page, default 'worldspace'; worldspace came ...)
    simplexnoise: _ParAttribute  # Simplex Noise (Menu, Load page, default 'performance'; performance quality)
    inprim: _ParAttribute  # Input Primitive Type (Menu, Load page, default 'triangles'; points lines tria ...)
    outprim: _ParAttribute  # Output Primitive Type (Menu, Load page, default 'tristrip'; points linestrip ...)
    numout: _ParAttribute  # Number of Output Vertices (Int, Load page, default 3)
    twocolor: _ParAttribute  # Two-Sided Color (Toggle, Load page, default False)
    sampler0name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler0top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler0extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler0extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler0extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler0filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler0anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    sampler1name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler1top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler1extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler1extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler1extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler1filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler1anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    sampler2name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler2top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler2extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler2extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler2extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler2filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler2anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    sampler3name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler3top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler3extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler3extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler3extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler3filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler3anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    sampler4name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler4top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler4extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler4extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler4extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler4filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler4anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    sampler5name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler5top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler5extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler5extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler5extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler5filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler5anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    sampler6name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler6top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler6extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler6extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler6extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler6filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler6anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    sampler7name: _ParAttribute  # Sampler Name (Str, Samplers page, default '')
    sampler7top: _ParAttribute  # TOP (OP, Samplers page, default '')
    sampler7extendu: _ParAttribute  # Extend U (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler7extendv: _ParAttribute  # Extend V (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler7extendw: _ParAttribute  # Extend W (Menu, Samplers page, default 'repeat'; hold zero repeat mi ...)
    sampler7filter: _ParAttribute  # Filter (Menu, Samplers page, default 'linear'; nearest linear mipmapl ...)
    sampler7anisotropy: _ParAttribute  # Anisotropic Filter (Menu, Samplers page, default 'off'; off 2x 4x ...)
    vec0name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec0valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec0valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec0valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec0valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec1valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec1valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec2valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec2valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec3valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec3valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec4valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec4valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec5valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec5valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec6valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec6valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7name: _ParAttribute  # Uniform Name (Str, Vectors page, default '')
    vec7valuex: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7valuey: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7valuez: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    vec7valuew: _ParAttribute  # Value (Float, Vectors page, default 0.0)
    array0name: _ParAttribute  # Uniform Name (Str, Arrays page, default '')
    array0type: _ParAttribute  # Type (Menu, Arrays page, default 'vec4'; float vec2 vec3 vec4)
    array0chop: _ParAttribute  # CHOP (OP, Arrays page, default '')
    array0arraytype: _ParAttribute  # Array Type (Menu, Arrays page, default 'uniformarray'; uniformarray ...)
    array1name: _ParAttribute  # Uniform Name (Str, Arrays page, default '')
    array1type: _ParAttribute  # Type (Menu, Arrays page, default 'vec4'; float vec2 vec3 vec4)
    array1chop: _ParAttribute  # CHOP (OP, Arrays page, default '')
    array1arraytype: _ParAttribute  # Array Type (Menu, Arrays page, default 'uniformarray'; uniformarray ...)
    array2name: _ParAttribute  # Uniform Name (Str, Arrays page, default '')
    array2type: _ParAttribute  # Type (Menu, Arrays page, default 'vec4'; float vec2 vec3 vec4)
    array2chop: _ParAttribute  # CHOP (OP, Arrays page, default '')
    array2arraytype: _ParAttribute  # Array Type (Menu, Arrays page, default 'uniformarray'; uniformarray ...)
    array3name: _ParAttribute  # Uniform Name (Str, Arrays page, default '')
    array3type: _ParAttribute  # Type (Menu, Arrays page, default 'vec4'; float vec2 vec3 vec4)
    array3chop: _ParAttribute  # CHOP (OP, Arrays page, default '')
    array3arraytype: _ParAttribute  # Array Type (Menu, Arrays page, default 'uniformarray'; uniformarray ...)
    matrix0name: _ParAttribute  # Uniform Name (Str, Matrices page, default '')
    matrix0value: _ParAttribute  # Value (OP, Matrices page, default '')
    matrix1name: _ParAttribute  # Uniform Name (Str, Matrices page, default '')
    matrix1value: _ParAttribute  # Value (OP, Matrices page, default '')
    const0name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const0value: _ParAttribute  # Value (Int, Constants page, default 0)
    const1name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const1value: _ParAttribute  # Value (Int, Constants page, default 0)
    const2name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const2value: _ParAttribute  # Value (Int, Constants page, default 0)
    const3name: _ParAttribute  # Constant Name (Str, Constants page, default '')
    const3value: _ParAttribute  # Value (Int, Constants page, default 0)
    blending: _ParAttribute  # Blending (Transparency) (Toggle, Common page, default False)
    blendop: _ParAttribute  # Blend Operation (Menu, Common page, default 'add'; add subtract revsubtract ...)
    srcblend: _ParAttribute  # Source Color (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblend: _ParAttribute  # Destination Color (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    separatealphafunc: _ParAttribute  # Separate Alpha Function (Toggle, Common page, default False)
    blendopa: _ParAttribute  # Blend Operation Alpha (Menu, Common page, default 'add'; add subtract revsu ...)
    srcblenda: _ParAttribute  # Source Alpha (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblenda: _ParAttribute  # Destination Alpha (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    blendconstantr: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantg: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantb: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstanta: _ParAttribute  # Blend Constant Alpha (Float, Common page, default 0.0)
    legacyalphabehavior: _ParAttribute  # Legacy Alpha Behavior (Toggle, Common page, default False)
    postmultalpha: _ParAttribute  # Post-Multiply Color by Alpha (Toggle, Common page, default False)
    pointcolorpremult: _ParAttribute  # Point Color Pre-Multiply (Menu, Common page, default 'alreadypremu ...)
    depthtest: _ParAttribute  # Depth Test (Toggle, Common page, default True)
    depthfunc: _ParAttribute  # Depth Test Function (Menu, Common page, default 'less'; less lessorequal e ...)
    depthwriting: _ParAttribute  # Write Depth Values (Toggle, Common page, default True)
    alphatest: _ParAttribute  # Discard Pixels Based on Alpha (Toggle, Common page, default False)
    alphafunc: _ParAttribute  # Keep Pixels with Alpha (Menu, Common page, default 'greaterorequal'; less ...)
    alphathreshold: _ParAttribute  # Alpha Threshold (Float, Common page, default 0.5)
    wireframe: _ParAttribute  # Wire Frame (Menu, Common page, default 'off'; off tesselated topology)
    wirewidth: _ParAttribute  # Line Width (Float, Common page, default 1.0)
    cullface: _ParAttribute  # Cull Face (Menu, Common page, default 'userender'; userender neither backfa ...)
    polygonoffset: _ParAttribute  # Polygon Depth Offset (Toggle, Common page, default False)
    polygonoffsetfactor: _ParAttribute  # Offset Factor (Float, Common page, default 1.0)
    polygonoffsetunits: _ParAttribute  # Offset Units (Float, Common page, default 1.0)
@final
class glslMAT(MAT):
    """glslMAT: a material of the user's GLSL shaders."""
    @property
    def par(self) -> _glslMAT_par: ...

@final
class _wireframeMAT_par(ParCollection):
    colorr: _ParAttribute  # Color (Float, Wireframe page, default 1.0)
    colorg: _ParAttribute  # Color (Float, Wireframe page, default 1.0)
    colorb: _ParAttribute  # Color (Float, Wireframe page, default 1.0)
    alpha: _ParAttribute  # Alpha (Float, Wireframe page, default 1.0)
    wireframemode: _ParAttribute  # Wireframe Mode (Menu, Wireframe page, default 'tesselatedwireframe'; t ...)
    linewidth: _ParAttribute  # Line Width (Float, Wireframe page, default 1.0)
    blending: _ParAttribute  # Blending (Transparency) (Toggle, Common page, default False)
    blendop: _ParAttribute  # Blend Operation (Menu, Common page, default 'add'; add subtract revsubtract ...)
    srcblend: _ParAttribute  # Source Color (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblend: _ParAttribute  # Destination Color (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    separatealphafunc: _ParAttribute  # Separate Alpha Function (Toggle, Common page, default False)
    blendopa: _ParAttribute  # Blend Operation Alpha (Menu, Common page, default 'add'; add subtract revsu ...)
    srcblenda: _ParAttribute  # Source Alpha (Menu, Common page, default 'sa'; zero dcol omdcol sa omsa da ...)
    destblenda: _ParAttribute  # Destination Alpha (Menu, Common page, default 'omsa'; zero scol omscol sa ...)
    blendconstantr: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantg: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstantb: _ParAttribute  # Blend Constant Color (Float, Common page, default 0.0)
    blendconstanta: _ParAttribute  # Blend Constant Alpha (Float, Common page, default 0.0)
    legacyalphabehavior: _ParAttribute  # Legacy Alpha Behavior (Toggle, Common page, default False)
    postmultalpha: _ParAttribute  # Post-Multiply Color by Alpha (Toggle, Common page, default False)
    pointcolorpremult: _ParAttribute  # Point Color Pre-Multiply (Menu, Common page, default 'alreadypremu ...)
    depthtest: _ParAttribute  # Depth Test (Toggle, Common page, default True)
    depthfunc: _ParAttribute  # Depth Test Function (Menu, Common page, default 'less'; less lessorequal e ...)
    depthwriting: _ParAttribute  # Write Depth Values (Toggle, Common page, default True)
    alphatest: _ParAttribute  # Discard Pixels Based on Alpha (Toggle, Common page, default False)
    alphafunc: _ParAttribute  # Keep Pixels with Alpha (Menu, Common page, default 'greaterorequal'; less ...)
    alphathreshold: _ParAttribute  # Alpha Threshold (Float, Common page, default 0.5)
    wireframe: _ParAttribute  # Wire Frame (Menu, Common page, default 'off'; off tesselated topology)
    wirewidth: _ParAttribute  # Line Width (Float, Common page, default 1.0)
    cullface: _ParAttribute  # Cull Face (Menu, Common page, default 'userender'; userender neither backfa ...)
    polygonoffset: _ParAttribute  # Polygon Depth Offset (Toggle, Common page, default False)
    polygonoffsetfactor: _ParAttribute  # Offset Factor (Float, Common page, default 1.0)
    polygonoffsetunits: _ParAttribute  # Offset Units (Float, Common page, default 1.0)
@final
class wireframeMAT(MAT):
    """wireframeMAT: draws the edges of the geometry's triangles as lines of colorr/g/b and alpha,"""
    @property
    def par(self) -> _wireframeMAT_par: ...

@final
class _constantCHOP_par(ParCollection):
    const0name: _ParAttribute  # Name (Str, Constant page, default 'chan1')
    const0value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const1name: _ParAttribute  # Name (Str, Constant page, default '')
    const1value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const2name: _ParAttribute  # Name (Str, Constant page, default '')
    const2value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const3name: _ParAttribute  # Name (Str, Constant page, default '')
    const3value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const4name: _ParAttribute  # Name (Str, Constant page, default '')
    const4value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const5name: _ParAttribute  # Name (Str, Constant page, default '')
    const5value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const6name: _ParAttribute  # Name (Str, Constant page, default '')
    const6value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const7name: _ParAttribute  # Name (Str, Constant page, default '')
    const7value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const8name: _ParAttribute  # Name (Str, Constant page, default '')
    const8value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const9name: _ParAttribute  # Name (Str, Constant page, default '')
    const9value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const10name: _ParAttribute  # Name (Str, Constant page, default '')
    const10value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const11name: _ParAttribute  # Name (Str, Constant page, default '')
    const11value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const12name: _ParAttribute  # Name (Str, Constant page, default '')
    const12value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const13name: _ParAttribute  # Name (Str, Constant page, default '')
    const13value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const14name: _ParAttribute  # Name (Str, Constant page, default '')
    const14value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const15name: _ParAttribute  # Name (Str, Constant page, default '')
    const15value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const16name: _ParAttribute  # Name (Str, Constant page, default '')
    const16value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const17name: _ParAttribute  # Name (Str, Constant page, default '')
    const17value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const18name: _ParAttribute  # Name (Str, Constant page, default '')
    const18value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const19name: _ParAttribute  # Name (Str, Constant page, default '')
    const19value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const20name: _ParAttribute  # Name (Str, Constant page, default '')
    const20value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const21name: _ParAttribute  # Name (Str, Constant page, default '')
    const21value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const22name: _ParAttribute  # Name (Str, Constant page, default '')
    const22value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const23name: _ParAttribute  # Name (Str, Constant page, default '')
    const23value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const24name: _ParAttribute  # Name (Str, Constant page, default '')
    const24value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const25name: _ParAttribute  # Name (Str, Constant page, default '')
    const25value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const26name: _ParAttribute  # Name (Str, Constant page, default '')
    const26value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const27name: _ParAttribute  # Name (Str, Constant page, default '')
    const27value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const28name: _ParAttribute  # Name (Str, Constant page, default '')
    const28value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const29name: _ParAttribute  # Name (Str, Constant page, default '')
    const29value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const30name: _ParAttribute  # Name (Str, Constant page, default '')
    const30value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const31name: _ParAttribute  # Name (Str, Constant page, default '')
    const31value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const32name: _ParAttribute  # Name (Str, Constant page, default '')
    const32value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const33name: _ParAttribute  # Name (Str, Constant page, default '')
    const33value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const34name: _ParAttribute  # Name (Str, Constant page, default '')
    const34value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const35name: _ParAttribute  # Name (Str, Constant page, default '')
    const35value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const36name: _ParAttribute  # Name (Str, Constant page, default '')
    const36value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const37name: _ParAttribute  # Name (Str, Constant page, default '')
    const37value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const38name: _ParAttribute  # Name (Str, Constant page, default '')
    const38value: _ParAttribute  # Value (Float, Constant page, default 0.0)
    const39name: _ParAttribute  # Name (Str, Constant page, default '')
    const39value: _ParAttribute  # Value (Float, Constant page, default 0.0)
@final
class constantCHOP(CHOP):
    """constantCHOP: channels of constant values, one sample each (start 0, rate 60)."""
    @property
    def par(self) -> _constantCHOP_par: ...

@final
class _noiseCHOP_par(ParCollection):
    type: _ParAttribute  # Type (Menu, Noise page, default 'sparse'; sparse hermite harmonic brownian rand ...)
    seed: _ParAttribute  # Seed (Float, Noise page, default 1.0)
    period: _ParAttribute  # Period (Float, Noise page, default 1.0)
    harmon: _ParAttribute  # Harmonics (Int, Noise page, default 2)
    spread: _ParAttribute  # Harmonic Spread (Float, Noise page, default 2.0)
    gain: _ParAttribute  # Harmonic Gain (Float, Noise page, default 0.7)
    rough: _ParAttribute  # Roughness (Float, Noise page, default 0.5)
    exp: _ParAttribute  # Exponent (Float, Noise page, default 1.0)
    amp: _ParAttribute  # Amplitude (Float, Noise page, default 1.0)
    offset: _ParAttribute  # Offset (Float, Noise page, default 0.0)
    tx: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    ty: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    tz: _ParAttribute  # Translate (Float, Transform page, default 0.0)
    channelname: _ParAttribute  # Channel Name (Str, Channel page, default 'chan1')
    start: _ParAttribute  # Start (Float, Channel page, default 0.0)
    startunit: _ParAttribute  # Start Unit (Menu, Channel page, default 'frames'; samples frames seconds)
    end: _ParAttribute  # End (Float, Channel page, default 599.0)
    endunit: _ParAttribute  # End Unit (Menu, Channel page, default 'frames'; samples frames seconds)
    rate: _ParAttribute  # Sample Rate (Float, Channel page, default 60.0)
@final
class noiseCHOP(CHOP):
    """noiseCHOP: channels of fractal noise, the same values for the same parameters and seed."""
    @property
    def par(self) -> _noiseCHOP_par: ...

@final
class _scriptCHOP_par(ParCollection):
    callbacks: _ParAttribute  # Callbacks DAT (OP, Script page, default '')
@final
class scriptCHOP(CHOP):
    """scriptCHOP: channels made in Python by its callbacks DAT's onCook(scriptOp)."""
    @property
    def par(self) -> _scriptCHOP_par: ...
    def appendChan(self, /, name: Any = ...) -> Any: ...
    def clear(self, /) -> Any: ...
    def copy(self, chop: Any, /) -> Any: ...
    def copyNumpyArray(self, numpyArray: Any, /, *, baseName: Any = ...) -> Any: ...

@final
class _soptoCHOP_par(ParCollection):
    sop: _ParAttribute  # SOP (OP, SOP to CHOP page, default '')
    group: _ParAttribute  # Group (Str, SOP to CHOP page, default '')
    position: _ParAttribute  # Position (Toggle, SOP to CHOP page, default True)
    colorrgb: _ParAttribute  # Color RGB (Toggle, SOP to CHOP page, default False)
    coloralpha: _ParAttribute  # Color Alpha (Toggle, SOP to CHOP page, default False)
    normal: _ParAttribute  # Normal (Toggle, SOP to CHOP page, default False)
    textureuv: _ParAttribute  # Texture UV (Toggle, SOP to CHOP page, default False)
    texturew: _ParAttribute  # Texture W (Toggle, SOP to CHOP page, default False)
    pointindex: _ParAttribute  # Point Index (Toggle, SOP to CHOP page, default False)
@final
class soptoCHOP(CHOP):
    """soptoCHOP: the point attributes of the SOP named by sop as channels, one sample per point"""
    @property
    def par(self) -> _soptoCHOP_par: ...

@final
class _textDAT_par(ParCollection):
    edit: _ParAttribute  # Edit.. (Pulse, File page, default 0)
    file: _ParAttribute  # File (Str, File page, default '')
    syncfile: _ParAttribute  # Sync to File (Toggle, File page, default False)
    loadonstart: _ParAttribute  # Load on Start (Toggle, File page, default False)
    loadonstartpulse: _ParAttribute  # Load File (Pulse, File page, default 0)
    write: _ParAttribute  # Write on Toe Save (Toggle, File page, default False)
    writepulse: _ParAttribute  # Write File (Pulse, File page, default 0)
    language: _ParAttribute  # Language (Menu, Common page, default 'input'; input node)
    extension: _ParAttribute  # Edit/View Extension (Menu, Common page, default 'dat'; dat language custom)
    customext: _ParAttribute  # Custom Extension (Str, Common page, default '')
    wordwrap: _ParAttribute  # Word Wrap (Menu, Common page, default 'input'; input on off)
@final
class textDAT(DAT):
    """textDAT: free-form, multi-line text (scripts, GLSL shaders, notes)."""
    @property
    def par(self) -> _textDAT_par: ...

@final
class _tableDAT_par(ParCollection):
    edit: _ParAttribute  # Edit.. (Pulse, Table page, default 0)
    file: _ParAttribute  # File (Str, Table page, default '')
    syncfile: _ParAttribute  # Sync to File (Toggle, Table page, default False)
    defaultreadencoding: _ParAttribute  # Default Read Encoding (Menu, Table page, default 'manual'; manua ...)
    loadonstart: _ParAttribute  # Load on Start (Toggle, Table page, default False)
    write: _ParAttribute  # Write on Toe Save (Toggle, Table page, default False)
    removeblank: _ParAttribute  # Remove Blank Lines (Toggle, Table page, default False)
    language: _ParAttribute  # Language (Menu, Common page, default 'input'; input node)
    extension: _ParAttribute  # Edit/View Extension (Menu, Common page, default 'dat'; dat language custom)
    customext: _ParAttribute  # Custom Extension (Str, Common page, default '')
    wordwrap: _ParAttribute  # Word Wrap (Menu, Common page, default 'input'; input on off)
@final
class tableDAT(DAT):
    """tableDAT: a table of rows and columns of cells, each a string."""
    @property
    def par(self) -> _tableDAT_par: ...

@final
class _renderpickDAT_par(ParCollection):
    strategy: _ParAttribute  # Strategy (Menu, Render Pick page, default 'select'; select holdfirst holdla ...)
    clearprev: _ParAttribute  # Clear Previous Pick on New Pick (Toggle, Render Pick page, default False)
    responsetime: _ParAttribute  # Response Time (Menu, Render Pick page, default 'nextcook'; nextcook thi ...)
    rendertop: _ParAttribute  # Render TOP (OP, Render Pick page, default '')
    usepickableflags: _ParAttribute  # Use Pickable Flags (Toggle, Render Pick page, default False)
    pickradius: _ParAttribute  # Pick Radius (Float, Render Pick page, default 0.0)
    position: _ParAttribute  # Position (Menu, Render Pick page, default 'worldspace'; sopspace worldspace ...)
    normal: _ParAttribute  # Normal (Menu, Render Pick page, default 'worldspace'; sopspace worldspace cam ...)
    depth: _ParAttribute  # Depth (Toggle, Render Pick page, default False)
    uv: _ParAttribute  # Texture Coordinate (Toggle, Render Pick page, default False)
    color: _ParAttribute  # Color (Toggle, Render Pick page, default False)
    instanceid: _ParAttribute  # Instance ID (Toggle, Render Pick page, default False)
    language: _ParAttribute  # Language (Menu, Common page, default 'input'; input node)
    extension: _ParAttribute  # Edit/View Extension (Menu, Common page, default 'dat'; dat language custom)
    customext: _ParAttribute  # Custom Extension (Str, Common page, default '')
    wordwrap: _ParAttribute  # Word Wrap (Menu, Common page, default 'input'; input on off)
@final
class renderpickDAT(DAT):
    """renderpickDAT: what lies under points of a render, as a table."""
    @property
    def par(self) -> _renderpickDAT_par: ...

# END GENERATED


root: baseCOMP
absTime: AbsTime
project: Project
families: dict[str, list[type[OP]]]

def advance(frames: int = 1) -> None: ...
def glInfo() -> dict[str, Any]: ...
def _wait_saves() -> list[str]: ...
def _set_file_save_status(cls: type, /) -> None: ...

# Private: the encoders under TOP.save() / saveByteArray(), for tests and benchmarks. array: C-contiguous
# (height, width, 1..4) uint8 / uint16 / float16 / float32, row 0 the bottom row; returns the file.
def _encode(array: npt.NDArray[Any], filetype: Union[str, bytes, PathLike[str]] = ".tiff", quality: float = 1.0,
            metadata: Any = (), *, _alternative: bool = False) -> bytearray: ...
# Private: the decoders under moviefileinTOP, for tests. data: a file's bytes or a path; returns the
# pixels (height, width, 1..4) in the file's dtype, row 0 the bottom row, and what the file said.
def _decode_image(data: Union[bytes, bytearray, memoryview, str, PathLike[str]], *, max_side: Optional[int] = None,
                  max_bytes: Optional[int] = None, max_file_bytes: Optional[int] = None
                  ) -> tuple[npt.NDArray[Any], dict[str, Any]]: ...
def _op_from_state(state: dict[str, Any], parent: Optional[str] = None, /) -> OP: ...
