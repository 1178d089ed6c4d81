"""Teens' kernels forked from the room's template (`kit.serve.forked_kernels`): what the laptop and its
facilitator see of them, and what happens when the template is gone."""

from __future__ import annotations

import os
import signal
import sys
import urllib.request
from pathlib import Path

import psutil
from waiting import wait_for

from kit.serve import PROVISIONER, forking_supported, voila_command
from kit.serve.kernel_template import notebook_imports
from kit.workshops import workshops_root

WORKSHOP = "04_anonymat.ipynb"


def _open(room, notebook: str = WORKSHOP) -> int:
    """Renders a page as a phone asks for it; returns the pid of its kernel."""
    page = urllib.request.urlopen(room.url.replace("accueil.ipynb", notebook), timeout=120).read().decode()
    return room.kernels()[room.kernel_of(page)]


def _memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise AssertionError(f"no {field} for {pid}")


def test_the_room_forks_its_kernels_on_linux() -> None:
    assert forking_supported()
    command = voila_command(workshops_root(), host="127.0.0.1", port=8866, code="abc234")
    assert f"--KernelProvisionerFactory.default_provisioner_name={PROVISIONER}" in command


def test_a_teens_kernel_is_forked_from_the_template_and_shares_its_memory(room) -> None:
    """The page works, its kernel shows its own command line (ps, py-spy, these tests find it as any
    kernel), is the first the system kills when memory runs out, and most of what it holds in memory is
    shared with the template (pandas, plotly, the kit, the scenario's shared data)."""
    pid = _open(room)
    kernel = psutil.Process(pid)
    template = kernel.parent()
    assert "kit.serve.kernel_template" in " ".join(template.cmdline())
    assert template.parent().pid == room.pid
    assert kernel.cmdline()[1:3] == ["-m", "ipykernel_launcher"]
    assert Path(f"/proc/{pid}/oom_score_adj").read_text().strip() == "500"
    assert os.getsid(pid) == pid, "a kernel is a session of its own, as Jupyter starts kernels"
    assert _memory_kb(pid, "Pss") < 0.6 * _memory_kb(pid, "Rss"), "the kernel shares little with the template"


def test_without_its_template_the_room_still_opens_pages(serve_folder) -> None:
    """The template killed (for memory, say): its kernels go with it, and the next page gets a new one."""
    with serve_folder(workshops_root(), preheat=False) as room:
        first = _open(room)
        template = psutil.Process(first).parent()
        template.send_signal(signal.SIGKILL)
        psutil.wait_procs([template], timeout=10)
        wait_for(lambda: not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE, 10,
                 "the template's kernel to end with it")
        second = _open(room)
        assert psutil.Process(second).parent().pid != template.pid


def test_the_template_imports_what_the_rooms_notebooks_import() -> None:
    imports = notebook_imports(workshops_root())
    assert {"kit.workshops.ma_journee", "kit.workshops.anonymat", "kit.widgets.launcher"} <= imports


def test_only_this_pythons_own_kernel_is_forked() -> None:
    from kit.serve.forked_kernels import _forkable

    assert _forkable([sys.executable, "-m", "ipykernel_launcher", "-f", "kernel.json"])
    assert not _forkable(["/usr/bin/python3-other", "-m", "ipykernel_launcher", "-f", "kernel.json"])
    assert not _forkable(["R", "--slave", "-e", "IRkernel::main()", "--args", "kernel.json"])
