"""The room's kernel template: a process that imports what kernels and the room's notebooks need, computes
what their pages share, then forks one kernel per page when the server asks (see `kit.serve.forked_kernels`).

Run by the server as `python -m kit.serve.kernel_template CHANNEL_FD ROOT PADDING`: CHANNEL_FD is its end of
a socket pair with the server (one JSON request per line, one answer per line), ROOT the served folder,
PADDING spaces that leave room on its command line for a kernel's own.
"""

from __future__ import annotations

import ast
import ctypes
import gc
import importlib
import json
import os
import signal
import socket
import sys
from pathlib import Path

__all__ = ["notebook_imports"]

#: The system kills processes with the highest score first when memory runs out (0 by default, up to 1000).
_KERNEL_OOM_SCORE = 500
_PR_SET_PDEATHSIG = 1


def notebook_imports(root: Path) -> set[str]:
    """The modules the code cells of the served notebooks import (what their pages will need at once)."""
    modules = set()
    for notebook in root.glob("*.ipynb"):
        try:
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            try:
                tree = ast.parse("".join(cell.get("source", "")))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module)
    return modules


def _serve_forks(channel: socket.socket, root: Path) -> None:
    _prepare(root)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system: no zombies
    answers = channel.makefile("w", encoding="utf-8")
    requests = channel.makefile("r", encoding="utf-8")
    answers.write("ready\n")
    answers.flush()
    for line in requests:  # ends when the server closes the channel, or dies
        request = json.loads(line)
        try:
            pid = os.fork()
        except OSError as error:
            answers.write(json.dumps({"error": str(error)}) + "\n")
            answers.flush()
            continue
        if pid == 0:
            channel.close()
            _become_kernel(request["argv"], request["env"], request["cwd"])
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()


def _prepare(root: Path) -> None:
    """Imports what a kernel and the room's notebooks import, and computes what their pages share; then
    freezes it all for the collector, so that kernels keep sharing those pages of memory."""
    importlib.import_module("ipykernel.kernelapp")
    for module in sorted(notebook_imports(root)):
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 — a page that cannot import shows its own error; others still fork
            continue
    workshop = sys.modules.get("kit.workshops.page")
    if workshop is not None:
        try:
            workshop.prepare()
        except Exception:  # noqa: BLE001 — pages then compute what they share themselves, and show any error
            pass
    gc.collect()
    gc.freeze()


def _become_kernel(argv: list[str], env: dict[str, str], cwd: str) -> None:
    """The forked child: a kernel of its own (session, signals, environment, folder), then ipykernel."""
    try:
        os.setsid()  # its own process group, as Jupyter starts kernels: an interrupt reaches it alone
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # its own subprocesses are its to wait for
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        _oom_first()
        _show_command(argv)
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        sys.argv = [argv[0], *argv[3:]]
        if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd():
            del sys.path[0]  # as ipykernel_launcher does; IPython puts the notebook's folder back
        _run_kernel(argv[3:])
    finally:
        os._exit(0)


def _run_kernel(arguments: list[str]) -> None:
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    # Read from the environment when ipykernel was imported, in the template: the kernel's own, here.
    app.parent_handle = int(os.environ.get("JPY_PARENT_PID") or 0)
    app.initialize(arguments)
    # ipywidgets registers its comm targets when imported inside a kernel; here it was imported before.
    if "ipywidgets" in sys.modules:
        sys.modules["ipywidgets"].register_comm_target()
    app.start()


def _oom_first() -> None:
    try:
        Path("/proc/self/oom_score_adj").write_text(str(_KERNEL_OOM_SCORE))
    except OSError:
        pass


def _show_command(argv: list[str]) -> None:
    """Writes the kernel's command line over the template's (which left room for it), as `ps` shows it."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start, end = int(fields[45]), int(fields[46])  # arg_start and arg_end (proc(5), fields 48 and 49)
    except (OSError, IndexError, ValueError):
        return
    shown = "\0".join(argv).encode()[:end - start - 1]
    ctypes.memmove(start, shown.ljust(end - start, b"\0"), end - start)


if __name__ == "__main__":
    try:
        _serve_forks(socket.socket(fileno=int(sys.argv[1])), Path(sys.argv[2]))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server is gone (it could not open its port, or it stopped): so is the room
