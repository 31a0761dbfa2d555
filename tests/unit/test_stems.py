"""Search's word normaliser: the rules on inflected words, and the Python and JavaScript
engines (``search/stems.py``, ``render/assets/sikb-stem.js``) agreeing on every word."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from generator.search import stems
from generator.search.search_index import too_common
from tests.conftest import FIXTURES, REPO

ASSET = REPO / "generator" / "render" / "assets" / "sikb-stem.js"
FORMS = FIXTURES / "search"
"""Every form of common words (``forms-uk.txt``, ``forms-ru.txt``), one word's forms a line."""

SAME_STEM = {
    "uk": [
        "лабораторія лабораторії лабораторій лабораторію лабораторією лабораторіях",
        "громада громади громаді громаду громадою громад громадах громадам громадами",
        "опитування опитуванні опитуванням опитувань опитуваннями опитуваннях",
        "соціальний соціальна соціального соціальних соціальній соціальної соціальні",
        "проєкт проєкту проєкти проєктів проєктам проєктом проєкті",
        "місцевий місцева місцевої місцевих місцевому місцевим",
    ],
    "ru": [
        "социальный социальной социальная социальных социальные социального социальную",
        "местный местной местная местных местного",
        "поддержка поддержкой поддержки поддержку поддержке",
        "новый новой новая новые новых новым",
        "лаборатория лаборатории лабораторий лабораторией лабораториях",
        "возможность возможности возможностью возможностей",
    ],
}


@pytest.mark.parametrize(
    ("lang", "forms"), [(lang, line) for lang, lines in SAME_STEM.items() for line in lines]
)
def test_the_forms_of_a_word_have_one_stem(lang: str, forms: str) -> None:
    stem = stems.stemmer(lang)
    assert len({stem(w) for w in forms.split()}) == 1, {w: stem(w) for w in forms.split()}


def test_stems_keep_the_word_and_lose_the_ending() -> None:
    uk, ru = stems.stemmer("uk"), stems.stemmer("ru")
    assert [uk(w) for w in ("Лабораторією", "громадою", "опитувань")] == [
        "лаборатор",
        "громад",
        "опитуванн",
    ]
    assert [ru(w) for w in ("Социальной", "поддержкой", "Кишинёва")] == [
        "социальн",
        "поддержк",
        "кишинев",
    ]
    # Short words keep enough letters: no ending leaves fewer than three.
    assert [uk(w) for w in ("мрія", "мрії", "та", "які")] == ["мрі", "мрі", "та", "які"]


def test_only_cyrillic_words_change() -> None:
    text = "UNICEF, COVID-19 та 2022: лабораторії в Chișinău (опитуванні)"
    assert (
        stems.normaliser("uk")(text) == "UNICEF, COVID-19 та 2022: лаборатор в Chișinău (опитуванн)"
    )
    assert stems.normaliser("en")(text) == text


def test_too_common_counts_stems_where_search_looks_them_up() -> None:
    texts = ["громада громади", "громаді громадою"]
    assert too_common(texts, limit=3, lang="uk") == ("громад",)
    assert too_common(texts, limit=3, lang="en") == ()


def test_too_common_counts_each_word_as_normalising_each_whole_text_would() -> None:
    # too_common normalises each distinct run of letters once; the words it counts are
    # those of each whole text normalised, apostrophes, digits and scripts side by side.
    texts = [
        "інтерв'ю ІНТЕРВ'Ю громадам2022 COVID-19громади 'громади' громади'x n'громади",
        "соціальні-інновації; соціальної — «соціальній» соціальні_інновації",
        *(path.read_text(encoding="utf-8") for path in sorted((REPO / "cases").glob("*.md"))),
    ]
    for lang in ("uk", "ru", "en"):
        normalise = stems.normaliser(lang)
        counts = Counter(w for t in texts for w in re.findall(r"\w+", normalise(t).lower()))
        for limit in (1, 5, 50):
            expected = tuple(sorted(w for w, n in counts.items() if n > limit))
            assert too_common(texts, limit, lang) == expected


def words(paths: list[Path]) -> list[str]:
    found: set[str] = set()
    for path in paths:
        found.update(stems.WORD.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


def collection_words() -> list[str]:
    """Every Cyrillic word of the repository's cases (originals and translations) and of
    ``taxonomy.yaml``'s labels."""
    return words([*sorted((REPO / "cases").glob("*.md")), REPO / "taxonomy.yaml"])


def fixture_words() -> list[str]:
    return words(sorted(FORMS.glob("forms-*.txt")))


def javascript(tmp_path: Path, call: str, given: list[object]) -> list[str]:
    """``call`` (JavaScript of ``x``, with ``sikb-stem.js``'s functions, as the site serves
    it with the rules written in, in scope) for each ``x`` of ``given``, run by node."""
    node = shutil.which("node")
    assert node, "node is needed to run the site's JavaScript"
    module = tmp_path / "sikb-stem.mjs"
    module.write_text(stems.embed(ASSET.read_text(encoding="utf-8")), encoding="utf-8")
    (tmp_path / "given.json").write_text(json.dumps(given), encoding="utf-8")
    script = (
        f"import * as m from {json.dumps(module.as_uri())};"
        "import { readFileSync } from 'node:fs';"
        f"const given = JSON.parse(readFileSync({json.dumps(str(tmp_path / 'given.json'))}));"
        f"process.stdout.write(JSON.stringify(given.map((x) => {call})));"
    )
    done = subprocess.run(
        [node, "--input-type=module", "-e", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    result: list[str] = json.loads(done.stdout)
    return result


def javascript_stems(tmp_path: Path, lang: str, given: list[str]) -> list[str]:
    """The stems ``sikb-stem.js`` gives."""
    return javascript(tmp_path, f"m.stem({json.dumps(lang)}, x)", list(given))


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
@pytest.mark.parametrize("source", [collection_words, fixture_words])
def test_python_and_javascript_give_the_same_stem_for_every_word(
    tmp_path: Path, lang: str, source: object
) -> None:
    given = source()  # type: ignore[operator]
    assert len(given) > 500, "too few words to tell"
    stem = stems.stemmer(lang)
    python = [stem(w) for w in given]
    javascript = javascript_stems(tmp_path, lang, given)
    differ = [(w, p, j) for w, p, j in zip(given, python, javascript, strict=True) if p != j]
    assert differ == []
    if lang != "en":  # the rules do something: most words of a text change
        assert sum(p != w for w, p in zip(given, python, strict=True)) > len(given) / 2


def test_the_site_gets_the_rules_written_in() -> None:
    script = stems.embed(ASSET.read_text(encoding="utf-8"))
    assert stems.SCRIPT_MARK not in script
    rules = re.search(r"const RULES = (\{.*?\});\n", script)
    assert rules is not None
    assert json.loads(rules.group(1)) == stems.rules()


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_the_browser_gives_every_word_back_as_written_from_its_stem(
    tmp_path: Path, lang: str
) -> None:
    """What a stem lost (``stems.tail``, in the index's metadata) and the stem give the word
    back in the browser (``restore``): excerpts show the words as written."""
    given = collection_words() + fixture_words()
    stem = stems.stemmer(lang)
    tails = [stems.tail(w, stem(w)) for w in given]
    pairs: list[object] = [[stem(w), t] for w, t in zip(given, tails, strict=True)]
    back = javascript(tmp_path, "m.restore(x[0], x[1])", pairs)
    assert [(w, b) for w, b in zip(given, back, strict=True) if w != b] == []
    assert sum(t.startswith("=") for t in tails) < len(tails) / 10  # mostly the ending alone


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_the_browser_reads_the_tails_packed_as_they_were(tmp_path: Path, lang: str) -> None:
    """The tails go into Pagefind's metadata packed (``stems.packer``: a character for each
    ending of the rules, any other tail hidden; no letter or digit, so not words that a
    query finds); ``sikb-stem.js`` unpacks them as they were, on every word of the
    collection, in pages of 50 words."""
    given = collection_words() + fixture_words()
    stem = stems.stemmer(lang)
    tails = [stems.tail(w, stem(w)) for w in given]
    pack = stems.packer(lang)
    pages = [tails[i : i + 50] for i in range(0, len(tails), 50)] + [[]]
    packed = [pack(p) for p in pages]
    assert not any(c.isalnum() for p in packed for c in p)
    assert sum(map(len, packed)) < 1.2 * len(tails)  # about a character a tail
    assert any(t.startswith("=") for t in tails)  # some not in the table, hidden whole
    unpacked = javascript(tmp_path, f"m.unpack({json.dumps(lang)}, x)", packed)  # type: ignore[arg-type]
    assert unpacked == pages
    # Cut inside a hidden tail, they do not pair up: the browser shows Pagefind's excerpt.
    cut = pack(["=Молодёжная"])[:-1]
    assert javascript(tmp_path, f"m.unpack({json.dumps(lang)}, x)", [cut]) == [None]


def test_the_browser_gives_a_page_its_words_back_as_written(tmp_path: Path) -> None:
    """``written``: Pagefind's text of stems and the packed tails give the text as written."""
    text = "Громади Молдови: опитування UNICEF у 2022 році, Молодёжная"
    stem = stems.stemmer("uk")
    words = stems.WORD.findall(text)
    content = stems.normaliser("uk")(text)
    packed = stems.packer("uk")([stems.tail(w, stem(w)) for w in words])
    call = 'm.written("uk", x[0], x[1])'
    assert javascript(tmp_path, call, [[content, packed]]) == [text]
    assert javascript(tmp_path, call, [[content, packed[:-1]]]) == [None]  # one tail short
