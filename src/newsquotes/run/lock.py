"""A lock on an output folder, so that two runs never write one folder at once.

The lock is the operating system's own on an open file (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows): it is released when the process ends, however it ends, so a
run killed with ``kill -9`` never leaves a stale lock behind. The file ``_lock`` stays in the
folder and holds the pid of the run that took it last, for the error message.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from ..errors import StorageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

LOCK_FILE = "_lock"


class FolderLock:
    """Hold the lock of ``folder`` for the life of a ``with`` block.

    Raises ``StorageError`` E305 when another process holds it, E301 when the folder cannot be
    written at all (a read-only file system is found here, before any work is done).
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StorageError("E301", source=str(self.path), reason=exc.strerror or str(exc)) from exc
        try:
            _lock(fd)
        except OSError as exc:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StorageError("E305", source=str(self.path.parent), pid=holder) from exc
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError as exc:
            os.close(fd)
            raise StorageError("E301", source=str(self.path), reason=exc.strerror or str(exc)) from exc
        self._fd = fd
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock
            self._fd = None


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:  # pragma: no cover - Windows: lock the first byte, without waiting
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
