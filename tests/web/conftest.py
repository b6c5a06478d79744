"""Fixtures for the web view: a small corpus run by `newsquotes run`, and apps serving it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web tests need newsquotes[web] (part of [dev])")

from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsquotes import Extractor
from newsquotes.run.local import RunSettings, run_local
from newsquotes.web import ServeSettings, create_app

_HERE = Path(__file__).resolve().parent
for folder in (_HERE, _HERE.parent / "run"):  # webdata.py here, corpora.py of the run tests
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from webdata import make_corpus_input  # noqa: E402


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    """A corpus output folder written by the local runner (Parquet)."""
    root = tmp_path_factory.mktemp("web-corpus")
    source = make_corpus_input(root / "in")
    out = root / "out"
    run_local([str(source)], RunSettings(out=out, workers=1), extractor=extractor)
    return out


@pytest.fixture(scope="session")
def app(corpus_dir: Path, extractor: Extractor) -> FastAPI:
    return create_app(ServeSettings(corpus=corpus_dir, max_body=64 * 1024), extractor=extractor)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def bare_client(extractor: Extractor) -> Iterator[TestClient]:
    """An app serving no corpus: one-article extraction only."""
    with TestClient(create_app(ServeSettings(), extractor=extractor)) as test_client:
        yield test_client
