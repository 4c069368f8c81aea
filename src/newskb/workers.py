"""Worker processes die with their parent, whatever signal killed it.

``die_with_parent`` runs in a freshly started worker (the process pool's initializer, the
local Dask cluster's worker plugin). On Linux it asks the kernel for SIGKILL when the parent
goes (``prctl(PR_SET_PDEATHSIG)``); everywhere a daemon thread also watches the parent's pid
four times a second and ends the process when it changes (the fallback where ``prctl`` is
missing, and for a parent that is not the thread-owner ``prctl`` watches).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from typing import Any

PR_SET_PDEATHSIG = 1
POLL_S = 0.25
_WATCHING: list[int] = []  # the pid of a process already watching its parent


def die_with_parent(parent: int | None = None) -> None:
    """End this process (at once, no cleanup) when ``parent`` (default: our parent) dies."""
    parent = os.getppid() if parent is None else parent
    if _WATCHING and _WATCHING[0] == os.getpid():
        return
    _WATCHING[:] = [os.getpid()]
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if os.getppid() != parent:  # it died before we asked
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="newskb-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(POLL_S)
        if os.getppid() != parent:
            os._exit(1)


def dask_plugin(parent: int) -> Any:
    """A Dask worker plugin: the local cluster's workers die with ``parent`` (the process that
    made them). A worker whose parent is some other process (a remote cluster) is left alone.
    Built here, not at import, so newskb imports without ``distributed``."""
    from distributed import WorkerPlugin

    class DieWithParent(WorkerPlugin):
        name = "newskb-die-with-parent"
        idempotent = True

        def setup(self, worker: Any) -> None:
            if os.getppid() == parent:
                die_with_parent(parent)

    return DieWithParent()
