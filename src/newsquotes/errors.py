"""Every error message newsquotes raises, each with a stable code.

E1xx: input (files, records, gold data); E2xx: pipeline (models, components);
E3xx: storage (output). Errors carry the input (``source``) and, where known, the article id
and line, so a corpus run can record them next to its results.
"""

from __future__ import annotations


class Errors:
    E101 = "File not found: {path}"
    E102 = "Is a directory, not an article file: {path} (use `newsquotes run` for folders)"
    E103 = "Binary data, not text: {path} (NUL byte at offset {offset})"
    E104 = "Not valid UTF-8: {path}, line {line}, byte offset {offset}: {reason}"
    E105 = "Line {line} of {path} is not valid JSON: {reason}"
    E106 = "Line {line} of {path} is not a JSON object (found {found})"
    E107 = "Line {line} of {path} has no string field 'text'"
    E108 = "Line {line} of {path}: field '{field}' must be a string or null, found {found}"
    E109 = "Cannot read {path}: {reason}"
    E110 = "Empty input: {path} holds no article text"
    E111 = "No main text found in HTML {path}: {reason}"
    E112 = "Too large: {path} holds {size:,} {unit}, over the limit of {limit:,}"
    E113 = "Not a valid WARC file: {path}, record at byte offset {offset}: {reason}"
    E114 = "Corrupt or truncated gzip data in {path} after {position}: {reason}"
    E115 = "Duplicate article id {article_id!r} in {path}: first seen in {first}"
    E116 = "Unsupported input {path}: expected a folder or .txt, .html, .htm, .jsonl, .jsonl.gz, .warc or .warc.gz"
    E120 = "Gold file {path}, line {line}: {reason}"
    E121 = "Gold file {path}, line {line}: span {start}-{end} of {tid} does not match its text: expected {expected!r}, found {found!r}"
    E122 = "Gold file {path}, line {line}: span {start}-{end} lies outside the text ({length} characters)"
    E123 = "Gold file {path}: record {index} is missing field '{field}'"
    E124 = "Predictions {path}, line {line}: {reason}"
    E201 = "spaCy pipeline '{name}' is not installed: {reason}. Install it with pip (see the README) or choose another with --model"
    E202 = "spaCy pipeline '{name}' has no {what}: newsquotes needs a tagger, a dependency parser and NER"
    E203 = "Extraction failed on article {article_id} ({path}): {reason}"
    E206 = "The attribution model needs onnxruntime and tokenizers, which did not import: {reason}. Reinstall newsquotes"
    E207 = "The attribution model file {path} is missing: reinstall newsquotes, or pass --no-model to use the rule engine alone"
    E208 = (
        "The attribution model in {path} has labels {labels}, which this version of newsquotes does not read"
    )
    E209 = (
        "The tokenizer {path} of the attribution model lacks the special token {token}: reinstall newsquotes"
    )
    E210 = "The speaker-resolution ranker {path} cannot be read ({reason}): reinstall newsquotes"
    E205 = "Extraction of article {article_id} ({path}) took over {seconds:g} s and was stopped"
    E301 = "Cannot write {path}: {reason}"
    E302 = "Output folder {path} holds another run ({reason}): rerun the same command to resume, or choose a new --out"
    E303 = "Not a newsquotes corpus folder: {path} ({reason})"
    E304 = "Query failed on {path}: {reason}"
    E305 = "Cannot merge {path}: {reason}; `newsquotes merge` reads the output folder of `newsquotes run` or `newsquotes spark`"
    E306 = "No quotations in {path}: run `newsquotes merge {path}` first"
    E307 = "Merge of {path} failed: {reason}"


class NewsQuotesError(Exception):
    """Base of every newsquotes error; ``code`` is the E### it was raised with."""

    def __init__(
        self,
        code: str,
        *,
        source: str | None = None,
        article_id: str | None = None,
        line: int | None = None,
        **fields: object,
    ) -> None:
        template: str = getattr(Errors, code)
        self.code = code
        self.source = source
        self.article_id = article_id
        self.line = line
        fields.setdefault("path", source)
        fields.setdefault("line", line)
        fields.setdefault("article_id", article_id)
        self.message = template.format(**fields)
        super().__init__(f"[{code}] {self.message}")


class InputError(NewsQuotesError, ValueError):
    """An article, record or gold file that cannot be read as given."""


class PipelineError(NewsQuotesError):
    """The NLP pipeline cannot be loaded or failed on an article."""


class StorageError(NewsQuotesError):
    """Output cannot be written."""
