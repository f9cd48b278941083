"""OP.cook() and the cook statistics: counts are exact, frames follow absTime, times are measured,
children sums add up, allowCooking stops cooking below a COMP. (TOP statistics that need the TOP's
cook routed through the OP API are in test_op_flags_render.py.)"""
import pytest

import td_render as td


def test_total_cooks_counts_exactly_the_cooks_that_happened(net):
    geo = net.create(td.geometryCOMP)
    assert geo.totalCooks == 0 and not geo.cookedThisFrame
    geo.cook()
    assert geo.totalCooks == 1
    geo.cook()
    geo.cook()
    assert geo.totalCooks == 1  # nothing changed: not required
    geo.par.tx = 1
    geo.cook()
    assert geo.totalCooks == 2
    geo.cook(force=True)
    assert geo.totalCooks == 3
    net.create(td.geometryCOMP)  # any change to the network makes a cook required again
    geo.cook()
    assert geo.totalCooks == 4


def test_cook_frames_follow_absolute_time(net):
    geo = net.create(td.geometryCOMP)
    geo.cook()
    assert geo.cookAbsFrame == geo.cookFrame == td.absTime.frame
    assert geo.cookedThisFrame and not geo.cookedPreviousFrame
    td.advance()
    assert not geo.cookedThisFrame and geo.cookedPreviousFrame
    geo.cook()
    assert geo.cookedThisFrame and geo.cookedPreviousFrame and geo.cookAbsFrame == td.absTime.frame
    td.advance()
    td.advance()
    assert not geo.cookedThisFrame and not geo.cookedPreviousFrame


def test_cook_times_are_measured(net):
    cheap = net.create(td.geometryCOMP)
    cheap.par.tx.expr = "1"
    costly = net.create(td.geometryCOMP)
    costly.par.tx.expr = "sum(range(400000)) * 0"
    cheap.cook(force=True)
    costly.cook(force=True)
    assert 0 < cheap.cpuCookTime < costly.cpuCookTime and costly.cpuCookTime > 1.0
    assert costly.cookTime == costly.cpuCookTime and costly.gpuCookTime == 0.0
    assert 0 <= costly.cookStartTime <= costly.cookEndTime
    assert costly.cookEndTime - costly.cookStartTime == pytest.approx(costly.cpuCookTime)


def test_children_sums(net):
    comp = net.create(td.baseCOMP)
    a = comp.create(td.geometryCOMP)
    b = comp.create(td.geometryCOMP)
    inner = a.create(td.boxSOP)
    assert comp.childrenCPUCookTime == 0.0 and comp.childrenCPUCookAbsFrame == -1.0
    td.advance()
    a.cook(force=True)
    b.cook(force=True)
    inner.cook(force=True)
    total = a.cpuCookTime + b.cpuCookTime + inner.cpuCookTime
    assert comp.childrenCPUCookTime == pytest.approx(total) and comp.childrenCookTime == comp.childrenCPUCookTime
    assert comp.childrenCPUCookAbsFrame == comp.childrenCookAbsFrame == td.absTime.frame
    assert comp.childrenGPUCookTime == 0.0 and comp.childrenGPUCookAbsFrame == td.absTime.frame
    td.advance()
    b.cook(force=True)  # only the latest frame counts
    assert comp.childrenCPUCookTime == pytest.approx(b.cpuCookTime)
    assert comp.childrenCPUMemory() == a.cpuMemory + b.cpuMemory + inner.cpuMemory
    assert comp.childrenGPUMemory() == 0 and inner.childrenCPUMemory() == 0


def test_recurse_and_allow_cooking(net):
    comp = net.create(td.baseCOMP)
    geo = comp.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    comp.cook()
    assert (comp.totalCooks, geo.totalCooks, box.totalCooks) == (1, 0, 0)
    comp.cook(force=True, recurse=True)
    assert (comp.totalCooks, geo.totalCooks, box.totalCooks) == (2, 1, 1)
    geo.allowCooking = False
    comp.cook(force=True, recurse=True)
    assert (comp.totalCooks, geo.totalCooks, box.totalCooks) == (3, 2, 1)  # geo cooks, its children do not
    box.cook(force=True)
    assert box.totalCooks == 1
    geo.allowCooking = True
    box.cook(force=True)
    assert box.totalCooks == 2
    with pytest.raises(td.tdError, match="only COMPs"):
        box.allowCooking = False


def test_sop_cooks_are_the_mesh_builds_of_renders(box_scene):
    render, box, mat = box_scene["render"], box_scene["box"], box_scene["mat"]
    render.numpyArray()
    assert box.totalCooks == 1 and box.cookedThisFrame and box.cpuCookTime > 0
    mesh_bytes = box.cpuMemory
    mat.par.colorr = 0.5  # re-renders; the box's mesh is unchanged
    render.numpyArray()
    assert box.totalCooks == 1
    box.par.sizex = 2
    render.numpyArray()
    assert box.totalCooks == 2 and box.cpuMemory == mesh_bytes


def test_cpu_memory_grows_with_the_mesh(sphere_scene):
    render, sphere = sphere_scene["render"], sphere_scene["sphere"]
    render.numpyArray()
    small = sphere.cpuMemory
    sphere.par.rows, sphere.par.cols = 256, 512
    render.numpyArray()
    # 257 * 513 vertices of 36 bytes (P, N and uv: 9 floats), 6 * 256 * 512 indices of 4 bytes and
    # 256 * 512 quad primitives (4 vertex indices, an offset and a closed flag: 21 bytes), more or less
    quads = 256 * 512 - 64 * 128
    grown = (257 * 513 - 65 * 129) * 36 + quads * 6 * 4 + quads * 21
    assert sphere.cpuMemory - small == pytest.approx(grown, rel=0.01)


def test_storage_counts_in_cpu_memory(net):
    geo = net.create(td.geometryCOMP)
    before = geo.cpuMemory
    geo.store("big", "x")
    geo.storage.update({str(i): i for i in range(1000)})
    assert geo.cpuMemory > before + 10000


def test_heavy_render_has_larger_gpu_cook_time(sphere_scene):
    render, sphere = sphere_scene["render"], sphere_scene["sphere"]
    render.par.resolutionw = render.par.resolutionh = 8
    sphere.par.rows, sphere.par.cols = 4, 8
    times = []
    for rows in (4, 5, 6, 7):  # the least of a few: the first compiles its program, any may be preempted
        sphere.par.rows = rows
        render.numpyArray()
        times.append(render.gpuCookTime)
    tiny = min(times)
    render.par.resolutionw = render.par.resolutionh = 1024
    sphere.par.rows, sphere.par.cols = 512, 1024
    render.numpyArray()
    heavy = render.gpuCookTime
    assert heavy > tiny * 5 and heavy > 0


def test_cook_arguments(net):
    geo = net.create(td.geometryCOMP)
    with pytest.raises(TypeError):
        geo.cook(nosuch=True)
    with pytest.raises(TypeError):
        geo.cook(1, 2, 3, 4)
    geo.cook(includeUtility=True)
    assert geo.totalCooks == 1
    geo.destroy()
    with pytest.raises(td.tdError):
        geo.cook()
    with pytest.raises(td.tdError):
        geo.totalCooks
