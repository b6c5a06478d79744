"""Metrics: content, source and cue spans (exact and proportional), attributions, canonical
speakers, direct-quote completeness; and the error list. Definitions: README, "Evaluation".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from newsquotes.evaluate.gold import NAMED_KINDS, GoldArticle, GoldAttribution
from newsquotes.evaluate.match import (
    Item,
    TokenIndex,
    context,
    distinct_items,
    kept_chars,
    make_item,
    match_items,
    normalise_name,
)
from newsquotes.model import QUOTE_TYPES, Article, Quote, Spans

METRICS = (
    "content_exact",
    "content_overlap",
    "source_exact",
    "source_overlap",
    "cue_exact",
    "cue_overlap",
    "attribution",
)
GROUPS = ("all", *QUOTE_TYPES)
BREAKDOWNS = ("publisher", "mention_kind")
ERROR_KINDS = ("boundary", "missed", "spurious", "wrong_source", "wrong_canonical")
UNMATCHED = "(unmatched)"


@dataclass(frozen=True, slots=True)
class Counts:
    """Precision, recall and F1 from credits: each gold item earns up to 1 recall credit, each
    counted prediction up to 1 precision credit (1 or 0 for exact match, a share for overlap).
    With nothing to find and nothing predicted every score is 1."""

    gold: int
    predicted: int
    recall_credit: float
    precision_credit: float

    @property
    def precision(self) -> float:
        if not self.predicted:
            return 1.0 if not self.gold else 0.0
        return self.precision_credit / self.predicted

    @property
    def recall(self) -> float:
        if not self.gold:
            return 1.0 if not self.predicted else 0.0
        return self.recall_credit / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "gold": self.gold,
            "predicted": self.predicted,
            "recall_credit": self.recall_credit,
            "precision_credit": self.precision_credit,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """``correct`` out of ``total`` (accuracy 0 when there is nothing to count)."""

    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.accuracy, "correct": self.correct, "total": self.total}


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One error for the error report; spans and texts are the gold's and the prediction's."""

    kind: str
    article: str
    gold_id: str | None
    gold_spans: Spans
    gold_text: str
    predicted_id: str | None
    predicted_spans: Spans
    predicted_text: str
    context: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["gold_spans"] = [list(span) for span in self.gold_spans]
        data["predicted_spans"] = [list(span) for span in self.predicted_spans]
        return data


@dataclass(frozen=True, slots=True)
class Speed:
    """Extraction speed over the gold texts and the process's peak resident memory."""

    articles: int
    seconds: float
    peak_memory_mib: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "seconds": self.seconds,
            "articles_per_second": self.articles_per_second,
            "peak_memory_mib": self.peak_memory_mib,
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Everything one evaluation measured.

    ``scores[group][metric]`` for group "all", "direct", "mixed", "indirect";
    ``breakdown[value][metric]`` for each publisher or mention kind when ``by`` is set;
    ``canonical[key]`` is (matched, end-to-end) accuracy for key "all" and each mention kind
    (empty without canonical data); ``direct`` counts gold direct quotes found complete,
    partially or not at all.
    """

    gold: str
    predictions: str | None
    articles: int
    gold_attributions: int
    predicted_quotes: int
    scores: dict[str, dict[str, Counts]]
    by: str | None = None
    breakdown: dict[str, dict[str, Counts]] = field(default_factory=dict)
    canonical: dict[str, tuple[Accuracy, Accuracy]] = field(default_factory=dict)
    direct: dict[str, int] = field(default_factory=dict)
    type_agreement: Accuracy = Accuracy(0, 0)
    errors: tuple[ErrorItem, ...] = ()
    speed: Speed | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (errors left out: see ``write_error_report``)."""
        return {
            "gold": self.gold,
            "predictions": self.predictions,
            "articles": self.articles,
            "gold_attributions": self.gold_attributions,
            "predicted_quotes": self.predicted_quotes,
            "scores": {g: {m: c.to_dict() for m, c in row.items()} for g, row in self.scores.items()},
            "by": self.by,
            "breakdown": {k: {m: c.to_dict() for m, c in row.items()} for k, row in self.breakdown.items()},
            "canonical": {
                k: {"matched": m.to_dict(), "end_to_end": e.to_dict()} for k, (m, e) in self.canonical.items()
            },
            "direct": dict(self.direct),
            "type_agreement": self.type_agreement.to_dict(),
            "errors": {kind: sum(e.kind == kind for e in self.errors) for kind in ERROR_KINDS},
            "speed": self.speed.to_dict() if self.speed else None,
            "notes": list(self.notes),
        }


@dataclass(slots=True)
class _Tally:
    """Running sums per (group, metric): gold, predicted, recall credit, precision credit."""

    sums: dict[tuple[str, str], list[float]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0, 0.0, 0.0])
    )

    def gold(self, groups: Iterable[str], metric: str, credit: float) -> None:
        for group in groups:
            row = self.sums[group, metric]
            row[0] += 1
            row[2] += credit

    def predicted(self, groups: Iterable[str], metric: str, credit: float) -> None:
        for group in groups:
            row = self.sums[group, metric]
            row[1] += 1
            row[3] += credit

    def table(self, groups: Iterable[str]) -> dict[str, dict[str, Counts]]:
        return {
            group: {
                metric: Counts(int(row[0]), int(row[1]), row[2], row[3])
                for metric in METRICS
                for row in [self.sums.get((group, metric), [0, 0, 0.0, 0.0])]
            }
            for group in groups
        }


def _text(text: str, spans: Spans) -> str:
    return " ".join(text[s:e] for s, e in spans)


@dataclass(slots=True)
class Scorer:
    """Accumulates scores article by article; ``report()`` returns the :class:`EvalReport`."""

    by: str | None = None
    tally: _Tally = field(default_factory=_Tally)
    breakdown: _Tally = field(default_factory=_Tally)
    canonical: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    direct: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("gold", "complete", "partial", "missed"), 0)
    )
    types: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[ErrorItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0
    gold_count: int = 0
    predicted_count: int = 0
    has_canonical: bool = False

    def _key(self, gold: GoldArticle, attribution: GoldAttribution | None) -> str:
        if self.by == "publisher":
            return gold.publisher or "(unknown)"
        if attribution is None:
            return UNMATCHED
        return attribution.mention_kind or "(none)"

    def add(self, gold: GoldArticle, article: Article) -> None:
        """Score one article's predictions against its gold."""
        self.articles += 1
        self.has_canonical = self.has_canonical or gold.has_canonical
        text = gold.text
        index = TokenIndex.build(text)
        scorable = [a for a in gold.attributions if a.type != "partial"]
        counted = [a for a in scorable if kept_chars(text, a.content)]
        if len(counted) < len(scorable):
            kept = {a.id for a in counted}
            skipped = ", ".join(a.id for a in scorable if a.id not in kept)
            self.notes.append(f"{gold.id}: gold attributions without content, not scored: {skipped}")
        partial = [
            make_item(text, index, a.content, content=True) for a in gold.attributions if a.type == "partial"
        ]
        ignored = make_item(text, index, gold.not_counted).chars
        self.gold_count += len(counted)
        self.predicted_count += len(article.quotes)

        gold_items = [make_item(text, index, a.content, i, content=True) for i, a in enumerate(counted)]
        pred_items = [make_item(text, index, q.spans, i, content=True) for i, q in enumerate(article.quotes)]
        pairs = match_items(gold_items, pred_items)
        matched_pred = {p: g for g, p in pairs.items()}
        neutral = {
            p
            for p, item in enumerate(pred_items)
            if p not in matched_pred
            and (item.chars & ignored or any(item.chars == part.chars for part in partial) or not item.chars)
        }
        self._score_content(gold, counted, article.quotes, gold_items, pred_items, pairs, neutral)
        self._score_spans(gold, index, counted, article.quotes, matched_pred, neutral, role="source")
        self._score_spans(gold, index, counted, article.quotes, matched_pred, neutral, role="cue")

    def _score_content(
        self,
        gold: GoldArticle,
        counted: Sequence[GoldAttribution],
        quotes: Sequence[Quote],
        gold_items: Sequence[Item],
        pred_items: Sequence[Item],
        pairs: dict[int, int],
        neutral: set[int],
    ) -> None:
        text = gold.text
        attribution_ok: dict[int, bool] = {}
        for g, attribution in enumerate(counted):
            groups = ("all", attribution.type)
            key = self._key(gold, attribution)
            p = pairs.get(g)
            quote = quotes[p] if p is not None else None
            exact = p is not None and gold_items[g].exact(pred_items[p])
            overlap = gold_items[g].coverage(pred_items[p]) if p is not None else 0.0
            source_ok = quote is not None and self._same_source(text, attribution, quote)
            attribution_ok[g] = exact and source_ok
            for tally, tally_groups in ((self.tally, groups), (self.breakdown, (key,))):
                tally.gold(tally_groups, "content_exact", float(exact))
                tally.gold(tally_groups, "content_overlap", overlap)
                tally.gold(tally_groups, "attribution", float(exact and source_ok))
            if attribution.type == "direct":
                self.direct["gold"] += 1
                self.direct["complete" if exact else "partial" if quote else "missed"] += 1
            self._score_canonical(attribution, quote)
            if quote is None:
                self._error("missed", gold, attribution.id, attribution.content, None, ())
                continue
            self.types[0] += attribution.type == quote.type
            self.types[1] += 1
            if not exact:
                self._error("boundary", gold, attribution.id, attribution.content, quote.id, quote.spans)
            if not source_ok:
                self._error(
                    "wrong_source",
                    gold,
                    attribution.id,
                    attribution.source,
                    quote.id,
                    quote.speaker.mention.spans if quote.speaker.mention else (),
                )
            if (
                gold.has_canonical
                and attribution.kind in NAMED_KINDS
                and normalise_name(attribution.canonical) != normalise_name(quote.speaker.name)
            ):
                self._error(
                    "wrong_canonical",
                    gold,
                    attribution.id,
                    attribution.source,
                    quote.id,
                    quote.speaker.mention.spans if quote.speaker.mention else (),
                    gold_text=attribution.canonical or "",
                    predicted_text=quote.speaker.name or "",
                )
        matched_gold = {p: g for g, p in pairs.items()}
        for p, quote in enumerate(quotes):
            if p in neutral:
                continue
            g_index = matched_gold.get(p)
            matched_attribution = counted[g_index] if g_index is not None else None
            groups = ("all", quote.type)
            key = self._key(gold, matched_attribution)
            exact = g_index is not None and gold_items[g_index].exact(pred_items[p])
            overlap = pred_items[p].coverage(gold_items[g_index]) if g_index is not None else 0.0
            ok = g_index is not None and attribution_ok[g_index]
            for tally, tally_groups in ((self.tally, groups), (self.breakdown, (key,))):
                tally.predicted(tally_groups, "content_exact", float(exact))
                tally.predicted(tally_groups, "content_overlap", overlap)
                tally.predicted(tally_groups, "attribution", float(ok))
            if g_index is None:
                self._error("spurious", gold, None, (), quote.id, quote.spans)

    @staticmethod
    def _same_source(text: str, attribution: GoldAttribution, quote: Quote) -> bool:
        predicted = quote.speaker.mention.spans if quote.speaker.mention else ()
        return kept_chars(text, attribution.source) == kept_chars(text, predicted)

    def _score_canonical(self, attribution: GoldAttribution, quote: Quote | None) -> None:
        if attribution.kind not in NAMED_KINDS:
            return
        correct = quote is not None and normalise_name(attribution.canonical) == normalise_name(
            quote.speaker.name
        )
        for key in ("all", attribution.mention_kind or "(none)"):
            row = self.canonical[key]
            row[0] += correct  # matched: correct
            row[1] += quote is not None  # matched: total
            row[2] += correct  # end to end: correct
            row[3] += 1  # end to end: total

    def _score_spans(
        self,
        gold: GoldArticle,
        index: TokenIndex,
        counted: Sequence[GoldAttribution],
        quotes: Sequence[Quote],
        matched_pred: dict[int, int],
        neutral: set[int],
        role: str,
    ) -> None:
        """Sources or cues as span extraction: each distinct span once, matched one to one."""
        text = gold.text
        metric = role
        gold_groups: dict[frozenset[int], set[str]] = defaultdict(set)
        gold_keys: dict[frozenset[int], str] = {}
        gold_raw = []
        for attribution in gold.attributions:
            spans = attribution.source if role == "source" else attribution.cue
            if attribution.type == "partial" or not spans:
                continue
            item = make_item(text, index, spans)
            gold_raw.append(item)
            gold_groups[item.chars].update(("all", attribution.type) if attribution.content else ("all",))
            gold_keys.setdefault(item.chars, self._key(gold, attribution))
        pred_groups: dict[frozenset[int], set[str]] = defaultdict(set)
        pred_counted: set[frozenset[int]] = set()
        pred_raw = []
        for p, quote in enumerate(quotes):
            mention = quote.speaker.mention if role == "source" else quote.cue
            if mention is None:
                continue
            item = make_item(text, index, mention.spans)
            pred_raw.append(item)
            pred_groups[item.chars].update(("all", quote.type))
            if p not in neutral:
                pred_counted.add(item.chars)
        gold_items = distinct_items(gold_raw)
        pred_items = distinct_items(pred_raw)
        pairs = match_items(gold_items, pred_items)
        for g, item in enumerate(gold_items):
            paired = pairs.get(g)
            exact = paired is not None and item.exact(pred_items[paired])
            overlap = item.coverage(pred_items[paired]) if paired is not None else 0.0
            for tally, groups in (
                (self.tally, gold_groups[item.chars]),
                (self.breakdown, (gold_keys[item.chars],)),
            ):
                tally.gold(groups, f"{metric}_exact", float(exact))
                tally.gold(groups, f"{metric}_overlap", overlap)
        matched = {p: g for g, p in pairs.items()}
        for p, item in enumerate(pred_items):
            g_index = matched.get(p)
            if g_index is None and item.chars not in pred_counted:
                continue  # belongs only to not-counted predictions
            exact = g_index is not None and item.exact(gold_items[g_index])
            overlap = item.coverage(gold_items[g_index]) if g_index is not None else 0.0
            key = gold_keys[gold_items[g_index].chars] if g_index is not None else self._key(gold, None)
            for tally, groups in ((self.tally, pred_groups[item.chars]), (self.breakdown, (key,))):
                tally.predicted(groups, f"{metric}_exact", float(exact))
                tally.predicted(groups, f"{metric}_overlap", overlap)

    def _error(
        self,
        kind: str,
        gold: GoldArticle,
        gold_id: str | None,
        gold_spans: Spans,
        predicted_id: str | None,
        predicted_spans: Spans,
        *,
        gold_text: str | None = None,
        predicted_text: str | None = None,
    ) -> None:
        text = gold.text
        self.errors.append(
            ErrorItem(
                kind=kind,
                article=gold.id,
                gold_id=gold_id,
                gold_spans=gold_spans,
                gold_text=_text(text, gold_spans) if gold_text is None else gold_text,
                predicted_id=predicted_id,
                predicted_spans=predicted_spans,
                predicted_text=_text(text, predicted_spans) if predicted_text is None else predicted_text,
                context=context(text, tuple(gold_spans) + tuple(predicted_spans)),
            )
        )

    def report(
        self, gold: str, predictions: str | None, speed: Speed | None = None, notes: Sequence[str] = ()
    ) -> EvalReport:
        """The :class:`EvalReport` of everything added so far."""
        keys = sorted({group for group, _ in self.breakdown.sums})
        canonical = {
            key: (Accuracy(row[0], row[1]), Accuracy(row[2], row[3]))
            for key, row in sorted(self.canonical.items(), key=lambda kv: (kv[0] != "all", kv[0]))
        }
        return EvalReport(
            gold=gold,
            predictions=predictions,
            articles=self.articles,
            gold_attributions=self.gold_count,
            predicted_quotes=self.predicted_count,
            scores=self.tally.table(GROUPS),
            by=self.by,
            breakdown=self.breakdown.table(keys) if self.by else {},
            canonical=canonical if self.has_canonical else {},
            direct=dict(self.direct),
            type_agreement=Accuracy(*self.types),
            errors=tuple(self.errors),
            speed=speed,
            notes=(*notes, *self.notes),
        )
