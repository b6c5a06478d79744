"""Render an :class:`EvalReport` as a table or JSON, and write the error report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsquotes.evaluate.score import ERROR_KINDS, GROUPS, Counts, EvalReport

FORMATS = ("table", "json")
_ROWS = (("content", "content"), ("source", "source"), ("cue", "cue"))


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def _prf(counts: Counts) -> str:
    if not counts.gold and not counts.predicted:
        return f"{'-':>5} {'-':>5} {'-':>5}"
    return f"{_pct(counts.precision)} {_pct(counts.recall)} {_pct(counts.f1)}"


def _span_table(rows: dict[str, dict[str, Counts]], label: str) -> list[str]:
    lines = [
        f"{label:<32} {'exact':^17}  {'overlap':^17}  {'gold':>6} {'pred':>6}",
        f"{'':<32} {'P':>5} {'R':>5} {'F1':>5}  {'P':>5} {'R':>5} {'F1':>5}",
    ]
    for name, prefix in _ROWS:
        for group, metrics in rows.items():
            exact, overlap = metrics[f"{prefix}_exact"], metrics[f"{prefix}_overlap"]
            title = f"{name} {group}"
            lines.append(f"{title:<32} {_prf(exact)}  {_prf(overlap)}  {exact.gold:>6} {exact.predicted:>6}")
    for group, metrics in rows.items():
        both = metrics["attribution"]
        title = f"attribution {group}"
        lines.append(f"{title:<32} {_prf(both)}  {'':17}  {both.gold:>6} {both.predicted:>6}")
    return lines


def render_table(report: EvalReport) -> str:
    """A plain-text table of every score, as percentages."""
    lines = [
        f"gold: {report.gold}",
        f"predictions: {report.predictions or '(extractor run)'}",
        f"{report.articles} articles, {report.gold_attributions} gold attributions, "
        f"{report.predicted_quotes} predicted quotes",
        "",
    ]
    lines += _span_table({group: report.scores[group] for group in GROUPS}, "")
    direct = report.direct
    if direct.get("gold"):
        shares = {k: f"{direct[k]} ({_pct(direct[k] / direct['gold']).strip()}%)" for k in direct}
        lines += [
            "",
            f"direct quotes: {direct['gold']} gold, complete {shares['complete']}, "
            f"partial {shares['partial']}, missed {shares['missed']}",
        ]
    agreement = report.type_agreement
    if agreement.total:
        lines.append(f"type agreement on matched quotes: {_pct(agreement.accuracy)}% of {agreement.total}")
    if report.canonical:
        lines += ["", f"{'canonical speaker':<32} {'matched':>16}  {'end to end':>16}"]
        for key, (matched, end_to_end) in report.canonical.items():
            lines.append(
                f"{key:<32} {_pct(matched.accuracy)} {matched.correct:>4}/{matched.total:<5}"
                f" {_pct(end_to_end.accuracy)} {end_to_end.correct:>4}/{end_to_end.total:<5}"
            )
    if report.by and report.breakdown:
        lines += ["", *_span_table(report.breakdown, f"by {report.by}")]
    counts = {kind: sum(error.kind == kind for error in report.errors) for kind in ERROR_KINDS}
    lines += ["", "errors: " + ", ".join(f"{kind} {n}" for kind, n in counts.items())]
    if report.speed:
        speed = report.speed
        lines.append(
            f"speed: {speed.articles} articles in {speed.seconds:.2f} s, "
            f"{speed.articles_per_second:.2f} articles/s, peak memory {speed.peak_memory_mib:.0f} MiB"
        )
    lines += [f"note: {note}" for note in report.notes]
    return "\n".join(lines) + "\n"


def render_report(report: EvalReport, fmt: str) -> str:
    """Render ``report`` as "table" (plain text, percentages) or "json" (fractions)."""
    if fmt == "table":
        return render_table(report)
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}")


def error_report(report: EvalReport) -> dict[str, Any]:
    """Errors grouped by kind (boundary, missed, spurious, wrong_source, wrong_canonical)."""
    grouped: dict[str, Any] = {"gold": report.gold, "predictions": report.predictions, "counts": {}}
    for kind in ERROR_KINDS:
        items = [error.to_dict() for error in report.errors if error.kind == kind]
        grouped["counts"][kind] = len(items)
        grouped[kind] = items
    return grouped


def write_error_report(report: EvalReport, path: Path) -> None:
    """Write the errors grouped by kind as JSON, each with article id, gold and predicted
    spans and texts, and a short context window (``[...]`` marks the spans in it)."""
    path.write_text(json.dumps(error_report(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
