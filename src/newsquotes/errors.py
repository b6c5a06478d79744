"""Every error message newsquotes raises, each with a stable code.

E1xx: input (files, records, gold data, web requests); E2xx: pipeline (models, components);
E3xx: storage (output); E4xx: the web view (``newsquotes serve``). Errors carry the input (``source``) and, where known, the article id
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
    E117 = "The body of {path} cannot be read: {reason}"
    E118 = "Field '{field}' of {path}: {reason}"
    E119 = "Unsupported upload {path}: expected a .txt, .html or .htm file"
    E120 = "Gold file {path}, line {line}: {reason}"
    E121 = "Gold file {path}, line {line}: span {start}-{end} of {tid} does not match its text: expected {expected!r}, found {found!r}"
    E122 = "Gold file {path}, line {line}: span {start}-{end} lies outside the text ({length} characters)"
    E123 = "Gold file {path}: record {index} is missing field '{field}'"
    E124 = "Predictions {path}, line {line}: {reason}"
    E125 = "Parameter '{field}' of {path}: {reason}"
    E126 = "No article with id {article_id!r} in {path}"
    E127 = "No corpus is being served: start `newsquotes serve DIR` with a `newsquotes run` output folder to use {path}"
    E128 = "No speaker named {name!r} in {path}"
    E129 = "Line {line} of {path}: field '{field}' holds a lone surrogate {codepoint} at character {offset}, which is not Unicode text"
    E130 = "Cannot read {path} here: {reason}"
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
    E305 = "Output folder {path} is in use by another run (pid {pid}): wait for it to finish, or choose another --out"
    E306 = (
        "Output {path} already holds a {table} table: pass --overwrite to replace it, or choose another --out"
    )
    E308 = "Cannot merge {path}: {reason}; `newsquotes merge` reads the output folder of `newsquotes run` or `newsquotes spark`"
    E309 = "No quotations in {path}: run `newsquotes merge {path}` first"
    E310 = "Merge of {path} failed: {reason}"
    E401 = "`newsquotes serve` needs the web extra, which did not import ({reason}): pip install 'newsquotes[web]'"
    E402 = "Cannot listen on {host}:{port}: {reason}"


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

    def __reduce__(self) -> tuple[object, ...]:
        # Exception pickles as cls(*args), and args holds only the formatted message, which is
        # not a code: a worker's error would then fail to unpickle in the parent and be
        # reported as a dead worker. Rebuild from the fields instead.
        state = {"code": self.code, "source": self.source, "article_id": self.article_id, "line": self.line}
        return (_restore, (type(self), self.message, state))


def _restore(cls: type[NewsQuotesError], message: str, state: dict[str, object]) -> NewsQuotesError:
    error = cls.__new__(cls)
    Exception.__init__(error, f"[{state['code']}] {message}")
    error.__dict__.update(state, message=message)
    return error


class InputError(NewsQuotesError, ValueError):
    """An article, record or gold file that cannot be read as given."""


class PipelineError(NewsQuotesError):
    """The NLP pipeline cannot be loaded or failed on an article."""


class StorageError(NewsQuotesError):
    """Output cannot be written."""


class ServeError(NewsQuotesError):
    """The web view cannot start: a missing extra, an address in use."""
