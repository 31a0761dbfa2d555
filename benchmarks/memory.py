"""The peak memory of a command and every process it starts, as the kernel shares it out.

RSS counts a page shared after ``fork`` in every process that maps it, so the languages'
processes of one build would be counted several times over: the proportional set size
(PSS, ``/proc/<pid>/smaps_rollup``) divides each shared page between its sharers, and the
PSS of all the processes of a build adds up to what the build holds. Linux only.
"""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

INTERVAL = 0.5
"""Seconds between two samples: a peak shorter than this can be missed."""


@dataclass
class Peak:
    seconds: float = 0.0
    """The command's wall-clock time."""
    total: int = 0
    """The highest sum of PSS over the command's processes, in bytes."""
    at: float = 0.0
    """When it was reached, in seconds from the start."""
    processes: list[tuple[int, str]] = field(default_factory=list)
    """The processes at the peak, their PSS in bytes and their command, largest first."""
    returncode: int = 0


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        name = entry.name
        if not name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        found.setdefault(parent, []).append(int(name))
    return found


def _tree(root: int) -> list[int]:
    children = _children()
    pids = [root]
    for pid in pids:
        pids.extend(children.get(pid, []))
    return pids


def _pss(pid: int) -> int:
    try:
        with Path(f"/proc/{pid}/smaps_rollup").open(encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:100]
    except OSError:
        return "?"


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, sample: bool = True) -> Peak:
    """Run ``cmd`` to its end, sampling its processes' PSS every ``INTERVAL`` (``sample``
    off: its time alone). A sample takes about 25 ms of a core (the kernel walks each
    process's memory for its PSS), 5% of one: it slows a build that keeps every core busy,
    and not one that keeps one busy."""
    peak = Peak()
    start = time.perf_counter()
    process = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()))  # type: ignore[union-attr]
    reader.start()
    while sample and process.poll() is None:
        sizes = {pid: _pss(pid) for pid in _tree(process.pid)}
        total = sum(sizes.values())
        if total > peak.total:
            peak.total, peak.at = total, time.perf_counter() - start
            peak.processes = sorted(((s, _command(p)) for p, s in sizes.items()), reverse=True)
        time.sleep(INTERVAL)
    process.wait()
    reader.join()
    peak.seconds = time.perf_counter() - start
    peak.returncode = process.returncode
    if process.returncode != 0:
        raise RuntimeError(f"failed: {' '.join(cmd)}\n{''.join(errors)[-3000:]}")
    return peak
