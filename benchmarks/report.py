"""The table the benchmark prints: one row per figure, with its goal."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass


@dataclass
class Row:
    section: str
    figure: str
    value: str
    goal: str = ""
    met: bool | None = None  # None: no goal, or not measured

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("met" if self.met else "MISSED")


def machine() -> str:
    """Cores, RAM, Python and store versions: printed above every table."""
    import pyoxigraph

    ram_gb = 0.0
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    ram_gb = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return (
        f"machine: {os.cpu_count()} cores, {ram_gb:.1f} GB RAM, {platform.machine()} {platform.system()}; "
        f"Python {sys.version.split()[0]}; pyoxigraph {pyoxigraph.__version__}"
    )


def render(rows: list[Row], header: str) -> str:
    cols = ("section", "figure", "value", "goal", "")
    table = [cols] + [(r.section, r.figure, r.value, r.goal, r.verdict) for r in rows]
    widths = [max(_width(row[i]) for row in table) for i in range(len(cols))]
    lines = [header, ""]
    for n, row in enumerate(table):
        lines.append("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]
