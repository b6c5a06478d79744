"""`newsquotes serve`: a real server process, its URL and /healthz; the errors it starts with."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newsquotes.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_cli_serve_prints_its_url_and_answers(corpus_dir: Path) -> None:
    command = [sys.executable, "-m", "newsquotes.cli", "serve", str(corpus_dir), "--port", "0", "--no-model"]
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        cwd=ROOT,
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()  # printed once the pipeline is loaded and the port bound
            assert line.startswith(f"newsquotes: serving corpus {corpus_dir} on http://127.0.0.1:"), line
            url = line.split(" on ", 1)[1].split()[0]
            deadline = time.monotonic() + 30
            while True:
                try:
                    health = httpx.get(url + "healthz", timeout=5)
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and process.poll() is None
                    time.sleep(0.1)
            assert health.status_code == 200 and health.json()["corpus"] == str(corpus_dir)
            assert httpx.get(url + "api/articles", timeout=10).json()["total"] >= 4
        finally:
            process.terminate()
            out, log = process.communicate(timeout=30)
    # uvicorn shuts down cleanly on SIGTERM, then lets the signal end the process
    assert process.returncode in (0, -signal.SIGTERM) and "Application shutdown complete" in log, log
    assert "GET /healthz HTTP/1.1" in out  # uvicorn's access log


def test_cli_serve_without_the_web_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "newsquotes.web", None)  # what a missing fastapi looks like
    assert main(["serve", "--port", "0"]) == 2
    error = capsys.readouterr().err
    assert "[E401]" in error and "pip install 'newsquotes[web]'" in error


def test_cli_serve_port_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert f"[E402] Cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_cli_serve_not_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path), "--port", "0"]) == 2
    assert "[E303] Not a newsquotes corpus folder" in capsys.readouterr().err


def test_cli_serve_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    for option in ("--host", "--port", "--model", "--no-model", "--max-body", "--max-chars", "127.0.0.1"):
        assert option in out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in ("--host", "--port", "--no-model", "--model", "--max-body", "--max-chars"):
        assert f"`{option}" in readme.split("## Serve", 1)[-1]
