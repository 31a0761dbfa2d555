"""``sikb stats``: counts of cases by country, sector, theme and status."""

from __future__ import annotations

from collections import Counter

from generator import names
from generator.collection import Collection
from generator.taxonomy import Taxonomy

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

    def label(key: str, term: str) -> str:
        if key == "countries":
            return names.country_name(term, lang)
        if key == "languages":
            return names.language_name(term, lang)
        vocab = {
            "sectors": taxonomy.sectors,
            "themes": taxonomy.themes,
            "statuses": taxonomy.statuses,
        }[key]
        return vocab[term].label[lang]

    for key in ("countries", "sectors", "themes", "statuses", "languages"):
        lines.append("")
        heading = {"countries": "country", "statuses": "status"}.get(key, key[:-1])
        lines.append(f"By {heading}:")
        width = max((len(t) for t in counts[key]), default=0)
        for term, n in counts[key].items():
            lines.append(f"  {n:>5}  {term:<{width}}  {label(key, term)}")
    return "\n".join(lines)
