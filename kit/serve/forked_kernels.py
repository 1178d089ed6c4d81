"""Teens' kernels forked from one template process that has already imported and computed what pages share.

A new Python kernel per page costs a laptop ~1.3 s of CPU for its imports (pandas, plotly, ipywidgets, the
kit) and ~150 MB, and on 2 cores thirty of them queue. Here the room's server starts one *template* process
that imports everything the room's notebooks import and computes what their pages read and nobody changes
(the scenario, the class's trails, the Guess-Who crowd: `kit.workshops.page.prepare`); each kernel is then a
`fork()` of it, ready in milliseconds, sharing those pages of memory copy-on-write (`gc.freeze()` keeps
Python's collector from touching them, BLAS runs one thread so that no thread is lost by the fork).

It plugs in where Jupyter lets one change how kernels start, a kernel provisioner (`jupyter_client`'s
provisioner API, registered under `kit.serve.PROVISIONER` in the package's entry points and chosen with
`--KernelProvisionerFactory.default_provisioner_name`). The provisioner writes the connection file as usual,
then asks the template to fork; the child becomes `ipykernel` with the command line a kernel would have had
(so `ps`, py-spy and the tests see a kernel as usual). Anything but the kit's own Python kernel, and any
system without `fork` and `pidfd` (Windows, macOS), starts kernels as before.

Kernels are the template's children: it reaps them, and they die with it (`PR_SET_PDEATHSIG`), as it dies
with the server (the end of its channel). The server watches each kernel through a pidfd. Kernels ask the
system to kill them first when memory runs out (`oom_score_adj`): a teen's page is lost, not the room.
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

__all__ = ["ForkedKernelProvisioner", "KernelTemplate"]

#: How a kernel is started without forking; the provisioner forks only this kernel.
_KERNEL_MODULE = "ipykernel_launcher"
#: Room on the template's command line for a kernel's (`ps` shows each kernel's own, written over it).
_COMMAND_ROOM = 320


class KernelTemplate:
    """The server's side of the template process: started once, asked to fork one kernel at a time."""

    _instance: KernelTemplate | None = None

    def __init__(self, root: Path) -> None:
        self._root = root
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._channel: socket.socket | None = None
        self._answers: Any = None
        self._ready = False

    @classmethod
    def start(cls, root: Path) -> KernelTemplate:
        """Starts the room's template (once per server); its imports and data get ready in the background,
        and the first kernel waits for them."""
        if cls._instance is None:
            cls._instance = cls(root)
            cls._instance._spawn()
        return cls._instance

    @classmethod
    def current(cls) -> KernelTemplate | None:
        return cls._instance

    def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        """A new kernel running `argv` (a kernel command line) in `env` and `cwd`; returns its pid.
        Blocks until the template is ready (its imports take a few seconds, once); raises OSError if it
        cannot fork, so that the caller starts the kernel the usual way."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._spawn()  # it died (killed for memory?): a new one, rather than no kernels at all
            if not self._ready:
                self._ready = self._answers.readline() == "ready\n"
                if not self._ready:
                    raise OSError("the kernel template did not start")
            request = json.dumps({"argv": argv, "env": env, "cwd": cwd}) + "\n"
            try:
                self._channel.sendall(request.encode())
                answer = self._answers.readline()
            except OSError:
                answer = ""
            if not answer:
                raise OSError("the kernel template stopped")
            reply = json.loads(answer)
            if "pid" not in reply:
                raise OSError(reply.get("error", "the kernel template could not fork"))
            return reply["pid"]

    def stop(self) -> None:
        """Ends the template (its kernels end with it)."""
        if self._channel is not None:
            self._channel.close()
            self._answers.close()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        KernelTemplate._instance = None

    def _spawn(self) -> None:
        ours, theirs = socket.socketpair()
        environment = {**os.environ, **{name: "1" for name in _ONE_THREAD}}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "kit.serve.kernel_template", str(theirs.fileno()), str(self._root),
             " " * _COMMAND_ROOM],
            pass_fds=[theirs.fileno()], env=environment,
            start_new_session=True)  # the terminal's Ctrl-C is the server's to handle; the template ends with it
        theirs.close()
        self._channel = ours
        self._answers = ours.makefile("r", encoding="utf-8")
        self._ready = False  # until it says so, once its imports and data are ready


#: Thread pools of numerical libraries: one thread, so that the fork loses none of them.
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


class ForkedKernelProvisioner(LocalProvisioner):
    """Jupyter's local provisioner (connection file, ports, signals), with kernels forked from the room's
    template instead of started as new programs."""

    _pidfd: int | None = None

    @property
    def has_process(self) -> bool:
        return self._pidfd is not None or super().has_process

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        template = KernelTemplate.current()
        if template is None or not _forkable(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        # As jupyter_client's launcher does: the kernel knows its server (and then stays quiet in its log).
        environment = {**(kwargs.get("env") or os.environ), "JPY_PARENT_PID": str(os.getpid())}
        cwd = str(kwargs.get("cwd") or Path.cwd())
        try:
            pid = await asyncio.to_thread(template.fork, cmd, environment, cwd)
        except OSError as error:
            self.log.warning("Kernel started without the template (%s)", error)
            return await super().launch_kernel(cmd, **kwargs)
        self.pid = self.pgid = pid
        self._pidfd = os.pidfd_open(pid)
        self.cwd = cwd
        return self.connection_info

    async def poll(self) -> int | None:
        if self._pidfd is None:
            return await super().poll()
        ended, _, _ = select.select([self._pidfd], [], [], 0)
        # The template reaps its children, so the exit status is not known here: 1 says "it ended".
        return 1 if ended else None

    async def wait(self) -> int | None:
        if self._pidfd is None:
            return await super().wait()
        while await self.poll() is None:
            await asyncio.sleep(0.1)
        self._close()
        return 1

    async def send_signal(self, signum: int) -> None:
        if self._pidfd is None:
            await super().send_signal(signum)
            return
        try:
            signal.pidfd_send_signal(self._pidfd, signum)
        except ProcessLookupError:
            pass  # already ended (Jupyter interrupts a kernel before shutting it down, dead or not)

    async def kill(self, restart: bool = False) -> None:
        if self._pidfd is None:
            await super().kill(restart)
            return
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        if self._pidfd is None:
            await super().terminate(restart)
            return
        await self.send_signal(signal.SIGTERM)

    async def cleanup(self, restart: bool = False) -> None:
        self._close()
        await super().cleanup(restart)

    def _close(self) -> None:
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None


def _forkable(cmd: list[str]) -> bool:
    """This Python's own ipykernel: the template can become it."""
    return (len(cmd) >= 3 and cmd[1:3] == ["-m", _KERNEL_MODULE]
            and Path(cmd[0]).resolve() == Path(sys.executable).resolve())
