"""Server-side SVG Sankey diagrams of money flows (no JavaScript, no external library).

Input is the Sankey-ready dict of ``unionkg.analytics.flows.flow_sankey``
(``nodes: [{id, label, kind}]``, ``links: [{source, target, value, year,
purpose}]``, values in yuan).  One diagram per year: columns by node kind
(funding source -> body -> unit or project -> recipient, a node moved right
when a flow would otherwise run backwards), node heights and band widths
proportional to the amount, labels with the amount in 万元.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

KIND_COLUMN = {"source": 0, "federation": 1, "unit": 2, "project": 2, "recipient": 3}
KIND_NAMES = {
    "source": "资金来源 source",
    "federation": "工会 body",
    "unit": "下属单位 unit",
    "project": "项目 project",
    "recipient": "收款方 recipient",
}
KIND_COLOURS = {"source": "#2f855a", "federation": "#2b6cb0", "unit": "#6b46c1", "project": "#c05621", "recipient": "#b83280"}
COLUMN_TITLES = ("资金来源 Sources", "本级 Body", "单位与项目 Units & projects", "收款方 Recipients")
NO_YEAR = "—"

WIDTH = 1100
NODE_W = 14
GAP = 10
MIN_SLOT = 30  # px reserved per node so that its two label lines never overlap the next
LABEL_SPACE = 250  # px right of the last column for its labels
MAX_SPAN = 300  # px between columns at most (two-column diagrams stay compact)
BASE_HEIGHT = 360  # px for the largest column's money
TOP = 30  # column titles
LABEL_CHARS = 18


@dataclass
class _Node:
    id: str
    label: str
    kind: str
    column: int = 0
    value: float = 0.0
    x: float = 0.0
    y: float = 0.0
    h: float = 0.0
    out_offset: float = 0.0
    in_offset: float = 0.0
    incoming: list[dict[str, object]] = field(default_factory=list)
    outgoing: list[dict[str, object]] = field(default_factory=list)


def wan(value: float) -> str:
    """Yuan as 万元 with two decimals and thousands separators."""
    return f"{value / 10000:,.2f} 万元"


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_by_year(sankey: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    """One Sankey dict per year (latest first); flows without a year under '—'."""
    nodes = {str(n["id"]): n for n in sankey.get("nodes", [])}  # type: ignore[union-attr]
    by_year: dict[str, list[dict[str, object]]] = defaultdict(list)
    for link in sankey.get("links", []):  # type: ignore[union-attr]
        year = link.get("year")
        by_year[str(year) if year is not None else NO_YEAR].append(link)
    out = []
    for year in sorted(by_year, key=lambda y: (y == NO_YEAR, -int(y) if y.isdigit() else 0, y)):
        links = by_year[year]
        used = {str(link["source"]) for link in links} | {str(link["target"]) for link in links}
        out.append((year, {"nodes": [nodes[n] for n in nodes if n in used], "links": links}))
    return out


def _layout(sankey: dict[str, object], peak: float | None = None) -> tuple[list[_Node], list[dict[str, object]], dict[str, _Node], int, float, float]:
    nodes = {str(n["id"]): _Node(str(n["id"]), str(n.get("label") or n["id"]), str(n.get("kind") or "recipient")) for n in sankey["nodes"]}  # type: ignore[union-attr]
    links = [dict(link) for link in sankey["links"] if float(link["value"]) > 0 and str(link["source"]) in nodes and str(link["target"]) in nodes]  # type: ignore[union-attr]
    for n in nodes.values():
        n.column = KIND_COLUMN.get(n.kind, 3)
    # A flow never runs backwards: move targets right (bounded, so cycles end).
    for _ in range(len(nodes)):
        moved = False
        for link in links:
            s, t = nodes[str(link["source"])], nodes[str(link["target"])]
            if t.column <= s.column and s.column < 8:
                t.column = s.column + 1
                moved = True
        if not moved:
            break
    for link in links:
        nodes[str(link["source"])].outgoing.append(link)
        nodes[str(link["target"])].incoming.append(link)
    for n in nodes.values():
        n.value = max(sum(float(link["value"]) for link in n.incoming), sum(float(link["value"]) for link in n.outgoing))
    used_columns = sorted({n.column for n in nodes.values()})
    index = {c: i for i, c in enumerate(used_columns)}
    columns: list[list[_Node]] = [[] for _ in used_columns]
    for n in nodes.values():
        columns[index[n.column]].append(n)
    biggest = max((sum(n.value for n in col) for col in columns), default=0.0) or 1.0
    scale = BASE_HEIGHT / max(biggest, peak or 0.0)
    span = min(MAX_SPAN, (WIDTH - LABEL_SPACE - NODE_W) / max(1, len(columns) - 1))
    height = 0.0
    for ci, col in enumerate(columns):
        if ci == 0:
            col.sort(key=lambda n: -n.value)
        else:  # barycentre of the sources keeps bands from crossing
            def centre(n: _Node) -> float:
                weight = sum(float(link["value"]) for link in n.incoming)
                if not weight:
                    return 1e9
                return sum(float(link["value"]) * (nodes[str(link["source"])].y + nodes[str(link["source"])].h / 2) for link in n.incoming) / weight

            col.sort(key=lambda n: (centre(n), -n.value))
        y = float(TOP)
        for n in col:
            n.h = max(2.0, n.value * scale)
            n.x = ci * span
            n.y = y
            y += max(n.h, MIN_SLOT) + GAP
        height = max(height, y)
    return list(nodes.values()), links, nodes, len(columns), height + 10, biggest


def peak(sankey: dict[str, object]) -> float:
    """The money of the fullest column: diagrams drawn with a common peak share one scale."""
    if not sankey.get("links"):
        return 0.0
    return _layout(sankey)[5]


def sankey_svg(sankey: dict[str, object], title: str = "", common_peak: float | None = None) -> str:
    """An inline SVG Sankey of one year's flows; empty string when there are none.

    ``common_peak`` (yuan): draw at the scale where that much money fills the
    full height, so that the diagrams of several years compare by size.
    """
    if not sankey.get("links"):
        return ""
    node_list, links, nodes, n_columns, height, _ = _layout(sankey, common_peak)
    if not links:
        return ""
    scale_of = {n.id: (n.h / n.value if n.value else 0.0) for n in node_list}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sankey" role="img" viewBox="-4 0 {WIDTH + 8} {height:.0f}" width="100%" '
        f'aria-label="{escape(title or "money flows", {chr(34): "&quot;"})}">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    # Column titles, by the kinds actually drawn in each column.
    columns: dict[float, set[str]] = defaultdict(set)
    for n in node_list:
        columns[n.x].add(n.kind)
    for x, kinds in sorted(columns.items()):
        first = min(KIND_COLUMN.get(k, 3) for k in kinds)
        text = COLUMN_TITLES[first] if len({KIND_COLUMN.get(k, 3) for k in kinds}) == 1 else " / ".join(KIND_NAMES[k] for k in sorted(kinds) if k in KIND_NAMES)
        parts.append(f'<text class="col" x="{x:.1f}" y="14" font-size="12" fill="#4a5568">{escape(text)}</text>')
    # Bands: stacked on the source by target position, on the target by source position.
    for n in node_list:
        n.outgoing.sort(key=lambda link: nodes[str(link["target"])].y)
        n.incoming.sort(key=lambda link: nodes[str(link["source"])].y)
    band_top: dict[int, tuple[float, float, float]] = {}
    for n in node_list:
        for link in n.outgoing:
            w = float(link["value"]) * scale_of[n.id]
            band_top[id(link)] = (n.y + n.out_offset, w, 0.0)
            n.out_offset += w
    for n in node_list:
        for link in n.incoming:
            y0, w, _ = band_top[id(link)]
            band_top[id(link)] = (y0, w, n.y + n.in_offset)
            n.in_offset += float(link["value"]) * scale_of[n.id]
    for link in links:
        s, t = nodes[str(link["source"])], nodes[str(link["target"])]
        y0, w0, y1 = band_top[id(link)]
        w1 = float(link["value"]) * scale_of[t.id]
        x0, x1 = s.x + NODE_W, t.x
        mx = (x0 + x1) / 2
        d = (
            f"M{x0:.1f},{y0:.1f} C{mx:.1f},{y0:.1f} {mx:.1f},{y1:.1f} {x1:.1f},{y1:.1f} "
            f"L{x1:.1f},{y1 + w1:.1f} C{mx:.1f},{y1 + w1:.1f} {mx:.1f},{y0 + w0:.1f} {x0:.1f},{y0 + w0:.1f} Z"
        )
        purpose = f" ({link['purpose']})" if link.get("purpose") else ""
        tip = f"{s.label} → {t.label}: {wan(float(link['value']))}{purpose}"
        parts.append(f'<path class="band" d="{d}" fill="{KIND_COLOURS.get(s.kind, "#718096")}" fill-opacity="0.28"><title>{escape(tip)}</title></path>')
    for n in node_list:
        colour = KIND_COLOURS.get(n.kind, "#718096")
        parts.append(
            f'<rect class="node {escape(n.kind)}" x="{n.x:.1f}" y="{n.y:.1f}" width="{NODE_W}" height="{n.h:.1f}" fill="{colour}">'
            f"<title>{escape(n.label)} · {escape(KIND_NAMES.get(n.kind, n.kind))} · {wan(n.value)}</title></rect>"
        )
        # Labels right of the node, name over amount; a column's labels fit in the gap to the next column.
        tx = n.x + NODE_W + 5
        ty = n.y + max(n.h, MIN_SLOT - 4) / 2
        parts.append(
            f'<text class="label" x="{tx:.1f}" y="{ty - 2:.1f}" font-size="12" paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round">'
            f'{escape(_short(n.label))}<tspan class="amount" x="{tx:.1f}" dy="13" font-size="11" fill="#4a5568">{wan(n.value)}</tspan></text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def legend_items(sankey: dict[str, object]) -> list[tuple[str, str]]:
    """(colour, name) for the kinds present, in column order."""
    kinds = {str(n.get("kind")) for n in sankey.get("nodes", [])}  # type: ignore[union-attr]
    return [(KIND_COLOURS[k], KIND_NAMES[k]) for k in KIND_NAMES if k in kinds]
