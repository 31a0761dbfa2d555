"""``sikb serve``'s background work (the explorer's data, search) waits for the edit being
built, so that an edit saved right after another is not built beside it."""

from __future__ import annotations

import threading
from pathlib import Path

from generator.build.preview_search import SearchQueue
from generator.paths import Layout


def test_the_background_waits_while_an_edit_is_built(tmp_path: Path) -> None:
    ran = threading.Event()
    queue = SearchQueue(Layout.at(tmp_path), threading.RLock(), lambda: 0, print)
    with queue.foreground():
        queue.add([], {"en": ran.set})
        assert not ran.wait(1.5)  # held until the edit is built
    assert ran.wait(30)  # then it goes on
