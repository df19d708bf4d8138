"""Server-side SVG bar charts (no JavaScript, no external library).

Figures by year: one group of bars per year, one colour per series
(direction and budget phase), a y axis with rounded ticks and a legend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

PALETTE = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#718096", "#d69e2e", "#319795")


@dataclass(frozen=True)
class Bar:
    group: str  # x-axis group, e.g. the year
    series: str  # legend entry
    value: float


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def bar_chart_svg(bars: list[Bar], unit: str = "", width: int = 720, height: int = 300) -> str:
    """An inline SVG; empty string when there is nothing to draw."""
    if not bars:
        return ""
    groups = sorted({b.group for b in bars})
    series = sorted({b.series for b in bars})
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(series)}
    top = nice_ceiling(max(b.value for b in bars))
    left, right, upper, legend_h = 80, 16, 16, 22 * len(series) + 8
    lower = 28
    plot_w, plot_h = width - left - right, height - upper - lower
    total_h = height + legend_h
    group_w = plot_w / len(groups)
    bar_w = max(4.0, min(40.0, (group_w * 0.8) / len(series)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {total_h}" width="100%" '
        f'aria-label="figures by year in {escape(unit)}">'
    ]
    for i in range(5):
        tick = top * i / 4
        y = upper + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e2e8f0"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick:,.0f}</text>')
    parts.append(f'<text x="4" y="{upper + 4}" font-size="11">{escape(unit)}</text>')
    lookup = {(b.group, b.series): b.value for b in bars}
    for gi, group in enumerate(groups):
        x0 = left + gi * group_w + (group_w - bar_w * len(series)) / 2
        for si, name in enumerate(series):
            value = lookup.get((group, name))
            if value is None:
                continue
            h = plot_h * value / top
            x = x0 + si * bar_w
            y = upper + plot_h - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{colours[name]}">'
                f"<title>{escape(group)} {escape(name)}: {value:,.2f} {escape(unit)}</title></rect>"
            )
        parts.append(f'<text x="{left + gi * group_w + group_w / 2:.1f}" y="{height - 8}" text-anchor="middle" font-size="12">{escape(group)}</text>')
    for si, name in enumerate(series):
        y = height + 8 + si * 22
        parts.append(f'<rect x="{left}" y="{y}" width="14" height="14" fill="{colours[name]}"/>')
        parts.append(f'<text x="{left + 20}" y="{y + 12}" font-size="12">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
