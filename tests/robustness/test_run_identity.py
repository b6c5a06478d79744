"""A run's identity holds every setting that changes its output; a resume that differs is refused."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from newsquotes import Extractor
from newsquotes.errors import StorageError
from newsquotes.run.local import RunSettings, fingerprint, run_local
from newsquotes.run.sources import list_inputs
from newsquotes.settings import ExtractionSettings

TEXT = '"We will win," Jane Smith said.\n'


class _MustNotRun:
    def extract(self, text: str, **metadata: Any) -> Any:
        raise AssertionError("extraction started before the run's identity was checked")

    def pipe(self, items: Any, batch_size: int = 8) -> Any:
        raise AssertionError("extraction started before the run's identity was checked")


def test_resume_with_model_of_a_no_model_folder_is_refused(tmp_path: Path, rules: Extractor) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    run_local([str(corpus)], RunSettings(out=out, workers=1, use_model=False), extractor=rules)
    with pytest.raises(StorageError) as error:
        run_local([str(corpus)], RunSettings(out=out, workers=1, use_model=True), extractor=_MustNotRun())  # type: ignore[arg-type]
    assert error.value.code == "E302"
    assert "use_model was false, now true" in error.value.message
    assert "model_files" in error.value.message  # the attribution model's files now count too
    with pytest.raises(StorageError) as timeout:
        settings = RunSettings(out=out, workers=1, use_model=False, timeout=5)
        run_local([str(corpus)], settings, extractor=_MustNotRun())  # type: ignore[arg-type]
    assert "timeout was 60.0, now 5" in timeout.value.message
    # what changes speed, not output, may change between resumes
    settings = RunSettings(out=out, workers=1, use_model=False, batch_size=2, strict=True)
    assert run_local([str(corpus)], settings, extractor=rules).resumed_articles == 1


def test_fingerprint_holds_model_version_and_model_files(tmp_path: Path) -> None:
    with_model = ExtractionSettings().fingerprint()
    rules_only = ExtractionSettings(use_model=False).fingerprint()
    assert with_model["model_version"] == "3.8.0" and with_model["newsquotes"]
    assert with_model["model_files"] != rules_only["model_files"]
    assert {k for k in with_model if with_model[k] != rules_only[k]} == {"use_model", "model_files"}


def test_local_and_spark_settings_share_one_extraction_settings_object() -> None:
    pytest.importorskip("pyspark")
    from newsquotes.run.spark import SparkSettings

    shared = {f.name for f in dataclasses.fields(ExtractionSettings)}
    assert issubclass(RunSettings, ExtractionSettings) and issubclass(SparkSettings, ExtractionSettings)
    local = RunSettings(out=Path("o"), use_model=False, max_chars=10)
    spark = SparkSettings(out="o", use_model=False, max_chars=10)
    assert local.fingerprint() == spark.fingerprint()
    assert shared <= {f.name for f in dataclasses.fields(SparkSettings)}


def test_run_fingerprint_is_the_shared_one_plus_files_and_chunks(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    settings = RunSettings(out=tmp_path / "out", use_model=False)
    identity = fingerprint(list_inputs([str(tmp_path / "a.txt")]), settings)
    assert identity.items() >= settings.fingerprint().items()
    assert {"files", "files_sha1", "chunk_size", "layout"} <= set(identity)
