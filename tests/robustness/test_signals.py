"""Workers die with the main process; Ctrl-C and SIGTERM stop a run promptly, and it resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from newsquotes.io.parquet import read_rows

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="reads worker processes from /proc (Linux)"
)
COUNT = 240
TEXT = (
    '"We will open new schools this year," Anna Smith said on Monday.\n'
    "Smith told reporters that the plan would cost four million pounds.\n"
) * 6


def _corpus(root: Path) -> Path:
    root.mkdir()
    for n in range(COUNT):
        (root / f"{n:03d}.txt").write_text(f"Story {n}\n\n{TEXT}", encoding="utf-8")
    return root


def _command(corpus: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "newsquotes.cli_corpus", "run", str(corpus), "--out", str(out),
        "--workers", "2", "--chunk-size", "2", "--no-model", "--quiet",
    ]  # fmt: skip


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def _start(corpus: Path, out: Path) -> tuple[subprocess.Popen[str], list[int]]:
    process = subprocess.Popen(
        _command(corpus, out), stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "_done").glob("*.json"))) < 2:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.05)
    workers = [pid for pid in _children(process.pid) if _alive(pid)]
    assert len(list((out / "_done").glob("*.json"))) < COUNT // 2, "the run ended before the signal"
    return process, workers


def _gone(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def _check_resume(corpus: Path, out: Path) -> None:
    rerun = subprocess.run(_command(corpus, out), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    ids = Counter(row["id"] for row in read_rows(out, "articles"))
    ids.update(row["article_id"] for row in read_rows(out, "errors"))
    assert len(ids) == COUNT and set(ids.values()) == {1}


def _reap(process: subprocess.Popen[str], workers: list[int]) -> None:
    """Whatever a failed test left running is killed, so it cannot disturb the next one."""
    if process.poll() is None:
        process.kill()
        process.wait()
    for pid in workers:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    if process.stderr:
        process.stderr.close()


def test_workers_die_when_the_main_process_is_killed(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    process, workers = _start(corpus, out)
    assert len(workers) >= 2, "no worker processes found"
    try:
        process.kill()  # SIGKILL to the main process alone: no handler runs in it
        process.wait(timeout=30)
        assert _gone(workers, 10), "worker processes outlived the killed main process"
    finally:
        _reap(process, workers)
    _check_resume(corpus, out)


@pytest.mark.parametrize(
    ("signum", "to_group"), [(signal.SIGINT, True), (signal.SIGTERM, False)], ids=["ctrl_c", "sigterm"]
)
def test_interrupted_run_stops_promptly_with_one_line_and_resumes(
    tmp_path: Path, signum: int, to_group: bool
) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    process, workers = _start(corpus, out)
    try:
        started = time.monotonic()
        if to_group:  # a terminal's Ctrl-C reaches every process of the foreground group
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        assert process.wait(timeout=20) == 130
        assert time.monotonic() - started < 15
        err = process.stderr.read() if process.stderr else ""
        assert "Traceback" not in err, err
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and "interrupted: run the same command again to resume" in lines[0], err
        assert _gone(workers, 10), "worker processes outlived the interrupted run"
    finally:
        _reap(process, workers)
    _check_resume(corpus, out)
