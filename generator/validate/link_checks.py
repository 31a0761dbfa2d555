"""Links in a case body: to another case as ``<id>.md[#anchor]``, and nothing else relative.

The page of case ``x`` is ``cases/x.md`` in every language's tree, so ``y.md`` resolves
on every language's page. Any other relative link is one MkDocs cannot resolve, and in
strict mode it would stop the build of every language: it is reported here instead, on
its line. A line scan gives each link's column; the body is also read as the site's
Markdown reads it (``body_links``), so that no link the scan misses can stop the build;
an anchor must be an id on the target's page in every language that shows the link
(``page_ids``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import unquote, urlsplit

from generator.i18n import names
from generator.problems import Problem
from generator.validate import body_links
from generator.validate.page_ids import Pages

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_DEST = re.compile(r"\]\([ \t]*(?:<([^>]*)>|([^\s)]*))")
_REFERENCE_DEST = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*<?([^\s>]+)")
"""A reference definition ``[label]: dest``; ``[^label]:`` is a footnote, not a link."""
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._~/%#?=+-]+")
"""What a contributor's relative link is made of. Anything else (an entity, a colon,
a space) is judged as Markdown reads it (``_unseen_link_problems``)."""
_SIBLING_PAGE = re.compile(r"\.\./[^/.][^/]*/?")
"""``../y/``: from the page ``cases/x/``, the page of case ``y``."""


def check_links(
    body: str,
    body_line: int,
    rel: str,
    case_ids: frozenset[str],
    pages: Pages | None = None,
    shown: Sequence[str] = (),
) -> list[Problem]:
    """Relative links in a body: to another case as ``<id>.md[#anchor]``, and nothing else.

    The page of case ``x`` is ``cases/x.md`` in every language's tree (a case without
    a translation shows its original), so ``y.md`` resolves on every language's page,
    and MkDocs checks it. Any other relative link (``../y/``, ``/en/cases/y/``, an
    image beside the file) is one that MkDocs cannot resolve, and in strict mode it
    would stop the build of every language: it is reported here instead, on its line.

    With ``pages``, the anchor of ``<id>.md#anchor`` must be an id on the page of case
    ``<id>`` in every language in ``shown`` (those whose page shows this body).
    """
    if "]" not in body:
        return []  # most bodies: no link at all
    out: list[Problem] = []
    reported: set[str] = set()
    seen: dict[str, list[tuple[int, int]]] = {}
    fence = ""
    for n, line in enumerate(body.split("\n")):
        if m := _FENCE.match(line):
            marker = m.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            continue
        if fence or ("](" not in line and "]:" not in line):
            continue
        text = _CODE_SPAN.sub(lambda s: " " * len(s.group()), line)
        found = [
            (d.start(1), d.group(1)) if d.group(1) is not None else (d.start(2), d.group(2))
            for d in _INLINE_DEST.finditer(text)
        ]
        if ref := _REFERENCE_DEST.match(text):
            found.append((ref.start(1), ref.group(1)))
        for start, dest in found:
            problem = _link_problem(dest, case_ids)
            if problem:
                reported.add(dest)
                code, message, hint = problem
                out.append(Problem(rel, body_line + n, start + 1, code, message, "body", hint))
            else:
                seen.setdefault(dest, []).append((n, start))
    urls = body_links.urls(body)
    out += _unseen_link_problems(urls, body, body_line, rel, case_ids, reported)
    if pages is not None and "#" in body:  # only a link with an anchor pays for the pages
        out += _anchor_problems(urls, body, body_line, rel, case_ids, seen, pages, shown)
    return out


def _unseen_link_problems(
    urls: list[str],
    body: str,
    body_line: int,
    rel: str,
    case_ids: frozenset[str],
    reported: set[str],
) -> list[Problem]:
    """Links the line scan did not report, as Markdown reads them (``body_links``), that
    MkDocs would take for a page of the site and not find."""
    out = []
    for url in urls:
        if url in reported or _engine_resolves(url, case_ids):
            continue
        reported.add(url)
        code, message, hint = _link_problem(url, case_ids) or (
            "relative-link",
            f"expected a link to another case ('<id>.md') or a full https:// address, "
            f"found '{url}'",
            "write the address as it is, with no entity, backslash, space or line break in it",
        )
        line, column = _locate(body, url)
        out.append(Problem(rel, body_line + line, column + 1, code, message, "body", hint))
    return out


def _anchor_problems(
    urls: list[str],
    body: str,
    body_line: int,
    rel: str,
    case_ids: frozenset[str],
    seen: Mapping[str, list[tuple[int, int]]],
    pages: Pages,
    shown: Sequence[str],
) -> list[Problem]:
    """Links ``<id>.md#anchor`` (as Markdown reads them) whose anchor is not an id on the
    page of case ``<id>`` in every language of ``shown``: on the others the link would
    land at the top of the page. A translation's headings have ids of their own."""
    out = []
    checked = set()
    for url in urls:
        link = _case_anchor(url, case_ids)
        if link is None or url in checked:
            continue
        checked.add(url)
        target, anchor = link
        on = {lang: have for lang in shown if (have := pages.ids(target, lang)) is not None}
        missing = [lang for lang, have in on.items() if anchor not in have]
        if not missing:
            continue
        message = (
            f"'#{anchor}' in the link '{url}' is not an id on the page of case '{target}' "
            f"in {', '.join(missing)}"
        )
        everywhere = [i for i in next(iter(on.values())) if all(i in h for h in on.values())]
        if near := names.closest(anchor, everywhere, n=1):
            hint = f"did you mean '{target}.md#{near[0]}'?"
        elif everywhere:
            hint = (
                f"ids on its page in {', '.join(on)}: {names.quoted_list(everywhere)}; "
                f"or link to '{target}.md', with no anchor"
            )
        else:
            by_ids: dict[tuple[str, ...], list[str]] = {}
            for lang in missing:
                by_ids.setdefault(on[lang], []).append(lang)
            hint = "; ".join(
                f"its ids in {', '.join(langs)}: {names.quoted_list(have)}"
                for have, langs in by_ids.items()
            )
            hint += (
                f"; none is on its page in {', '.join(on)}: link to '{target}.md', with no anchor"
            )
        for line, column in seen.get(url) or [_locate(body, url)]:
            out.append(
                Problem(rel, body_line + line, column + 1, "unknown-anchor", message, "body", hint)
            )
    return out


def _case_anchor(url: str, case_ids: frozenset[str]) -> tuple[str, str] | None:
    """(case id, anchor) of a link ``<id>.md#anchor`` to a case's page, else None."""
    if url.startswith(("/", "\\")):
        return None
    try:
        scheme, netloc, path, _, fragment = urlsplit(url)
    except ValueError:
        return None
    case = _sibling_case(path, case_ids)
    if scheme or netloc or not fragment or case is None:
        return None
    return case, unquote(fragment)


def _engine_resolves(url: str, case_ids: frozenset[str]) -> bool:
    """Whether MkDocs leaves ``url`` alone or finds it, as ``mkdocs.structure.pages``
    reads a link: an address with a scheme or a host, a link within the page, or
    ``<id>.md`` beside the case's own page."""
    if url.startswith(("/", "\\")):
        return False
    scheme, netloc, path, _, _ = urlsplit(url)
    if scheme or netloc or not path:
        return True  # the sanitiser decides which schemes stay
    return _sibling_case(path, case_ids) is not None


def _sibling_case(path: str, case_ids: frozenset[str]) -> str | None:
    """The case whose page a link's path ``<id>.md`` (or ``./<id>.md``, quoted or not)
    is, as MkDocs finds it beside the case's own page, else None."""
    own = unquote(path).removeprefix("./")
    return own[:-3] if own.endswith(".md") and own[:-3] in case_ids else None


def _locate(body: str, url: str) -> tuple[int, int]:
    """The line (from 0) and column (from 0) of ``url`` in ``body``, else of the first
    line that has a link on it."""
    lines = body.split("\n")
    for needle in (url, url.rstrip("/").rsplit("/", 1)[-1]):
        for n, line in enumerate(lines):
            if needle and (col := line.find(needle)) >= 0:
                return n, col
    for n, line in enumerate(lines):
        if "](" in line or "]:" in line or "][" in line:
            return n, 0
    return 0, 0


def _link_problem(dest: str, case_ids: frozenset[str]) -> tuple[str, str, str] | None:
    """(code, message, hint) for a link destination a case body may not have, else None."""
    if dest.startswith(("#", "//")) or not _PLAIN_PATH.fullmatch(dest):
        return None  # same page, an address (the sanitiser decides which schemes stay)
    path, hash_, anchor = dest.partition("#")
    path = path.split("?", 1)[0]
    fragment = f"#{anchor}" if hash_ else ""
    own = path.removeprefix("./")
    if own.endswith(".md") and "/" not in own and own[:-3] in case_ids:
        return None  # 'y.md': a case beside this one, as MkDocs resolves it
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    last = parts[-1] if parts else ""
    name = last[:-3].partition(".")[0] if last.endswith(".md") else last
    if name in case_ids:
        return (
            "case-link",
            f"link to case '{name}' with '{name}.md{fragment}', found '{dest}'",
            "a link to another case is its file name: it then works on the page in every language",
        )
    looks_like_case = (
        last.endswith(".md") or "cases" in parts[:-1] or bool(_SIBLING_PAGE.fullmatch(path))
    )
    if looks_like_case and name:
        near = names.closest(name, case_ids, n=1)
        return (
            "unknown-case",
            f"'{name}' in the link '{dest}' is not a case in cases/",
            f"did you mean '{near[0]}.md{fragment}'?"
            if near
            else "link to a file in cases/ as '<id>.md'",
        )
    return (
        "relative-link",
        f"expected a link to another case ('<id>.md') or a full https:// address, found '{dest}'",
        "link to other pages, images and files by their full https:// address",
    )
