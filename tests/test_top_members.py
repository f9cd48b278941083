"""TOP members and the Common page: values, defaults, read-only-ness."""
import pytest

import td_render as td

MEMBERS = ["width", "height", "aspect", "aspectWidth", "aspectHeight", "depth", "gpuMemory", "curPass", "isTOP",
           "newestSliceWOffset", "pixelFormat", "pixelFormatName"]


def test_members_have_documented_types_and_defaults(net):
    r = net.create(td.renderTOP)
    assert (r.width, r.height) == (1280, 720)
    assert r.aspect == pytest.approx(1280 / 720) and (r.aspectWidth, r.aspectHeight) == (1280.0, 720.0)
    assert r.depth == 1 and r.curPass == 0 and r.isTOP is True and r.newestSliceWOffset == 0
    assert r.pixelFormatName == "rgba8fixed" and r.pixelFormat == "8-bit fixed (RGBA)"
    assert r.gpuMemory == 0  # nothing allocated before the first cook
    for name in MEMBERS:
        assert getattr(td.TOP, name).__doc__


@pytest.mark.parametrize("name", MEMBERS)
def test_members_are_read_only(net, name):
    r = net.create(td.renderTOP)
    with pytest.raises(AttributeError):
        setattr(r, name, 1)


def test_gpu_memory_counts_what_was_allocated(box_scene):
    r = box_scene["render"]  # 320 x 240 rgba8fixed
    r.numpyArray()
    texels = 320 * 240
    # colour texture 4 B + depth buffer 4 B + the synchronous readback buffer 4 B a texel
    assert r.gpuMemory == texels * 12
    for _ in range(3):  # gpuMemory is measured by each call's GL work; the ring fills over two calls
        r.numpyArray(delayed=True)
    assert r.gpuMemory == texels * 20  # the two delayed-read ring buffers, 4 B a texel each
    r.par.resolutionw = 160
    r.numpyArray()
    # the ring buffers keep their size until reused
    assert r.gpuMemory == 160 * 240 * 12 + texels * 8


@pytest.mark.parametrize("token,size", [("custom", (320, 240)), ("useinput", (320, 240)), ("half", (160, 120)),
                                        ("quarter", (80, 60)), ("eighth", (40, 30)), ("2x", (640, 480)),
                                        ("4x", (1280, 960)), ("fit", (320, 240)), ("limit", (320, 240))])
def test_output_resolution_tokens(box_scene, token, size):
    r = box_scene["render"]
    r.par.outputresolution = token
    assert (r.width, r.height) == size
    assert r.numpyArray().shape[:2] == (size[1], size[0])


def test_custom_aspect_changes_projection(box_scene):
    r = box_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 200, 200
    r.par.outputaspect = "custom"
    r.par.aspect1, r.par.aspect2 = 2, 1
    assert r.aspect == 2.0 and (r.aspectWidth, r.aspectHeight) == (2.0, 1.0)
    a = r.numpyArray()
    box = (a[..., 0] > 0.5)
    cols = box.any(axis=0).sum()
    rows = box.any(axis=1).sum()
    assert rows > 1.8 * cols  # a 2:1 projection squeezed into a square image stretches vertically


def test_common_page_parameters_exist_with_tokens(net):
    r = net.create(td.renderTOP)
    assert r.par.outputresolution == "custom"
    assert r.par.outputresolution.menuNames == ["useinput", "eighth", "quarter", "half", "2x", "4x", "8x", "fit",
                                                "limit", "custom"]
    assert r.par.outputaspect.menuNames == ["useinput", "resolution", "custom"]
    assert r.par.inputfiltertype.menuNames == ["nearest", "linear", "mipmap"]
    assert r.par.fillmode.menuNames == ["useinput", "fill", "width", "height", "best", "outside", "nativeres"]
    assert r.par.npasses == 1 and r.par.chanmask == 15
    for par, bad in [("npasses", 0), ("chanmask", 16), ("chanmask", -1), ("aspect1", -1)]:
        with pytest.raises(ValueError):
            r.par[par] = bad
    with pytest.raises(ValueError, match="custom"):
        r.par.outputresolution = "16x"
