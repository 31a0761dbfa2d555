"""``sikb stats``: counts of cases by country, sector, theme and status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.i18n import catalogs
from generator.i18n.labels import Labels
from generator.model.collection import Collection
from generator.model.taxonomy import TERM_LISTS, Taxonomy

Counts = dict[str, dict[str, int]]


def count(collection: Collection) -> Counts:
    """Cases per term, most first, then by id; a case counts once per term it names."""
    tallies: dict[str, Counter[str]] = {
        k: Counter() for k in ("countries", "sectors", "themes", "statuses", "languages")
    }
    for case in collection.cases.values():
        m = case.meta
        tallies["countries"].update(set(m.countries))
        tallies["sectors"].update(set(m.sectors))
        tallies["themes"].update(set(m.themes))
        tallies["statuses"][m.status] += 1
        tallies["languages"][m.language] += 1
    out: Counts = {
        "total": {
            "cases": len(collection.cases),
            "translations": sum(map(len, collection.translations.values())),
        }
    }
    for key, tally in tallies.items():
        out[key] = dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def render_stats(counts: Counts, taxonomy: Taxonomy) -> str:
    lang = taxonomy.default_language
    total = counts["total"]
    lines = [
        f"{total['cases']} cases, {total['translations']} translations, "
        f"in {len(counts['countries'])} countries"
    ]

    label = Labels(taxonomy, lang).label

    for key in ("countries", "sectors", "themes", "statuses", "languages"):
        lines.append("")
        heading = {"countries": "country", "statuses": "status"}.get(key, key[:-1])
        lines.append(f"By {heading}:")
        width = max((len(t) for t in counts[key]), default=0)
        for term, n in counts[key].items():
            lines.append(f"  {n:>5}  {term:<{width}}  {label(key, term)}")
    return "\n".join(lines)


@dataclass(frozen=True)
class LanguageCoverage:
    language: str
    original: int
    """Cases written in this language."""
    translated: int
    missing_cases: tuple[str, ...]
    stale_cases: tuple[str, ...]
    missing_labels: tuple[str, ...]
    """Taxonomy entries without a label (or description, question) in this language."""

    @property
    def stale(self) -> int:
        return len(self.stale_cases)

    @property
    def missing(self) -> int:
        return len(self.missing_cases)


def translation_coverage(collection: Collection) -> list[LanguageCoverage]:
    """Per site language: how many cases a reader gets in their language."""
    tax = collection.taxonomy
    rows = []
    for lang in tax.languages:
        original = translated = 0
        stale: list[str] = []
        missing: list[str] = []
        for cid, case in sorted(collection.cases.items()):
            if case.meta.language == lang:
                original += 1
                continue
            tr = collection.translations.get(cid, {}).get(lang)
            if tr is None:
                missing.append(cid)
            elif tr.stale:
                stale.append(cid)
            else:
                translated += 1
        rows.append(
            LanguageCoverage(
                lang,
                original,
                translated,
                tuple(missing),
                tuple(stale),
                tuple(_missing_labels(tax, lang)),
            )
        )
    return rows


def render_coverage(rows: list[LanguageCoverage]) -> tuple[str, bool]:
    """The ``sikb i18n`` table, then what is missing; and whether an interface string is."""
    lines = [
        f"{'language':<10}{'original':>9}{'translated':>11}{'stale':>7}{'missing':>9}"
        f"{'interface':>12}"
    ]
    missing_any = False
    details = []
    for row in rows:
        cov = catalogs.coverage(row.language)
        done = cov.total - len(cov.missing)
        missing_any |= bool(cov.missing)
        lines.append(
            f"{row.language:<10}{row.original:>9}{row.translated:>11}{row.stale:>7}"
            f"{row.missing:>9}{f'{done}/{cov.total}':>12}"
        )
        if row.missing_cases:
            details.append(f"{row.language}: not translated: {', '.join(row.missing_cases)}")
        if row.stale_cases:
            details.append(f"{row.language}: stale: {', '.join(row.stale_cases)}")
        for label in row.missing_labels:
            details.append(f"{row.language}: taxonomy label missing: {label}")
        for msgid in cov.missing:
            details.append(f"{row.language}: interface string missing: {msgid!r}")
    if details:
        lines += ["", *details]
    return "\n".join(lines), missing_any


def _missing_labels(tax: Taxonomy, lang: str) -> list[str]:
    out = []
    for key in (k for k in TERM_LISTS if k != "actors"):
        for term_id, term in getattr(tax, key).items():
            for field in ("label", "description", "question"):
                labels = getattr(term, field, None)
                if labels is not None and not labels.get(lang):
                    out.append(f"{key}.{term_id}.{field}")
    for actor_id, actor in tax.actors.items():
        if isinstance(actor.name, dict) and not actor.name.get(lang):
            out.append(f"actors.{actor_id}.name")
    return out
