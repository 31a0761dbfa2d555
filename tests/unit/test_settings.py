"""The run's settings (generator/settings.py): flags, then the environment, then defaults."""

from __future__ import annotations

from datetime import date

import pytest

from generator.settings import DEFAULT_SEARCH_TOO_COMMON, SettingError, Settings, read


def test_nothing_set_gives_the_defaults() -> None:
    """No flag and no variable: the local address, no edit link, the default word limit."""
    assert read({}, {}) == Settings("http://127.0.0.1:8000/", None, DEFAULT_SEARCH_TOO_COMMON)


def test_the_environment_is_read_and_the_site_url_gets_its_slash() -> None:
    """Each SIKB_* variable sets its field; the site URL ends with a slash, as before."""
    env = {
        "SIKB_SITE_URL": "https://example.org/kb",
        "SIKB_EDIT_URL": "https://github.com/o/r/edit/main/",
        "SIKB_SEARCH_TOO_COMMON": "5",
        "SIKB_TODAY": "2026-11-23",
        "SIKB_SEARCH_PART_PAGES": "300",
    }
    assert read({}, env) == Settings(
        "https://example.org/kb/", "https://github.com/o/r/edit/main/", 5, date(2026, 11, 23), 300
    )


def test_a_flag_wins_over_the_environment_and_empty_counts_as_unset() -> None:
    """--site-url over SIKB_SITE_URL; an empty variable or a flag not given falls through."""
    env = {"SIKB_SITE_URL": "https://env.example/", "SIKB_TODAY": "", "SIKB_EDIT_URL": ""}
    got = read({"site_url": "https://flag.example/", "today": None}, env)
    assert (got.site_url, got.today, got.edit_url) == ("https://flag.example/", None, None)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"SIKB_SEARCH_TOO_COMMON": "abc"},
            "SIKB_SEARCH_TOO_COMMON='abc': expected a whole number above 0 (default 100000)",
        ),
        (
            {"SIKB_SEARCH_TOO_COMMON": "0"},
            "SIKB_SEARCH_TOO_COMMON='0': expected a whole number above 0 (default 100000)",
        ),
        (
            {"SIKB_SEARCH_PART_PAGES": "-5"},
            "SIKB_SEARCH_PART_PAGES='-5': expected a whole number above 0 (default 2000)",
        ),
        (
            {"SIKB_TODAY": "2026-13-01"},
            "SIKB_TODAY='2026-13-01': expected a date YYYY-MM-DD, such as 2026-11-23",
        ),
        (
            {"SIKB_SITE_URL": "ftp://x"},
            "SIKB_SITE_URL='ftp://x': expected an absolute http:// or https:// URL, "
            "such as https://example.org/sikb/",
        ),
        (
            {"SIKB_SITE_URL": "example.org/kb/"},
            "SIKB_SITE_URL='example.org/kb/': expected an absolute http:// or https:// URL, "
            "such as https://example.org/sikb/",
        ),
        (
            {"SIKB_EDIT_URL": "edit/main/"},
            "SIKB_EDIT_URL='edit/main/': expected an absolute http:// or https:// URL, "
            "such as https://github.com/owner/repo/edit/main/",
        ),
    ],
)
def test_a_bad_value_is_one_line_naming_the_variable(env: dict[str, str], message: str) -> None:
    """The error names the variable, its value and what was expected."""
    with pytest.raises(SettingError) as caught:
        read({}, env)
    assert str(caught.value) == message


def test_a_bad_flag_is_named_as_the_flag() -> None:
    """A value given as a flag is reported as the flag, not as the variable."""
    with pytest.raises(SettingError) as caught:
        read({"today": "23.11.2026"}, {"SIKB_TODAY": "2026-11-23"})
    assert str(caught.value) == (
        "--today='23.11.2026': expected a date YYYY-MM-DD, such as 2026-11-23"
    )


def test_settings_are_frozen() -> None:
    """Read once, never changed on the way down the pipeline."""
    settings = read({}, {})
    with pytest.raises(AttributeError):
        settings.site_url = "https://x.example/"  # type: ignore[misc]
