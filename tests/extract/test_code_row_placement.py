"""resolve_code_rows: the search gives what the exhaustive product gave, with bounded work.

``exhaustive_resolve`` is the algorithm resolve_code_rows replaced (every
combination of the children's placements, capped at 200,000): the search
must choose exactly what it chose wherever it ran, and also solve the large
tables it gave up on.
"""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

import pytest

from unionkg.extract import final_accounts as fa
from unionkg.extract.final_accounts import CodeRow, close, column_vector, placements, resolve_code_rows
from unionkg.extract.tables import Token, TokenKind

EXPENDITURE = ["合计", "基本支出", "项目支出"]
SIX_COLUMNS = ["合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]


def token(text: str) -> Token:
    kind = TokenKind.EMPTY if text in ("—", "-") else TokenKind.NUMBER
    return Token(text, 0, len(text), kind)


def row(code: str | None, *values: str) -> CodeRow:
    label = Token(code or "合计", 0, 1, TokenKind.INTEGER if code else TokenKind.TEXT)
    return CodeRow(code=code, label_tokens=[label], values=[None if v == "—" else token(v) for v in values])


def exhaustive_resolve(rows: list[CodeRow], columns: list[str]) -> None:
    """The former resolve_code_rows (no ``known``/``stated``): every combination, 200,000 at most."""
    for r in rows:
        r.options = placements(r.values, columns) if r.values else []
        r.fixed = len(r.options) <= 1
    width = len(columns)
    for parent in sorted((r for r in rows if r.values), key=lambda r: len(r.code or "")):
        children = fa._children(parent, rows)  # noqa: SLF001 - the reference uses the same tree
        if not children:
            continue
        parent_options = [parent.choice] if parent.fixed else list(range(len(parent.options)))
        ranges = [[c.choice] if c.fixed else list(range(len(c.options))) for c in children]
        size = len(parent_options)
        for r in ranges:
            size *= len(r)
        if size > 200000:
            continue
        vectors = [{c: column_vector(ch.values, ch.options[c], width) for c in r} for ch, r in zip(children, ranges)]
        best = None
        for p in parent_options:
            target = column_vector(parent.values, parent.options[p], width)
            for combo in itertools.product(*ranges):
                total = [Decimal(0)] * width
                for vs, c in zip(vectors, combo):
                    for i, x in enumerate(vs[c]):
                        total[i] += x
                if close(total, target, len(children)):
                    rank = p + sum(combo)
                    if best is None or rank < best[0] + sum(best[2]):
                        best = (p, rank, combo)
        if best is not None:
            parent.choice, parent.fixed = best[0], True
            for ch, c in zip(children, best[2]):
                ch.choice, ch.fixed = c, True


def choices(rows: list[CodeRow]) -> list[tuple[int, bool]]:
    return [(r.choice, r.fixed) for r in rows]


def random_table(rng: random.Random, columns: list[str]) -> list[CodeRow]:
    """合计, 类 and 款 rows; each prints its total and its non-zero parts (a few with a one-cent error)."""
    k = len(columns)
    fmt = (lambda c: f"{Decimal(c) / 100:.2f}") if rng.random() < 0.7 else str

    def printed(vector: list[int]) -> list[str]:
        total = sum(vector) + (rng.choice([1, -1]) if rng.random() < 0.05 else 0)
        return [fmt(total), *(fmt(x) for x in vector if x != 0 or rng.random() < 0.1)]

    rows: list[CodeRow] = []
    grand = [0] * (k - 1)
    for top in range(rng.randint(1, 4)):
        code = f"2{top:02d}"
        children: list[CodeRow] = []
        sums = [0] * (k - 1)
        for sub in range(rng.randint(1, 5 if k <= 4 else 3)):
            vector = [0] * (k - 1)
            for col in rng.sample(range(k - 1), rng.randint(1, min(2, k - 1))):
                vector[col] = rng.choice([rng.randint(1, 400), rng.randint(1, 90000), 5000])
                if rng.random() < 0.1:
                    vector[col] = -vector[col]  # negative adjustments exist in final accounts
            sums = [a + b for a, b in zip(sums, vector)]
            children.append(row(f"{code}{sub:02d}", *printed(vector)))
        grand = [a + b for a, b in zip(grand, sums)]
        rows.append(row(code, *printed(sums)))
        rows.extend(children)
    rows.insert(0, row(None, *printed(grand)))
    return rows


@pytest.mark.parametrize("columns", [EXPENDITURE, SIX_COLUMNS, ["合计", "基本支出", "项目支出", "上缴上级支出"]])
def test_search_chooses_what_the_exhaustive_product_chose(columns: list[str]) -> None:
    rng = random.Random(len(columns))
    for _ in range(150 if len(columns) < 6 else 60):
        table = random_table(rng, columns)
        reference = [CodeRow(r.code, r.label_tokens, list(r.values)) for r in table]
        exhaustive_resolve(reference, columns)
        resolve_code_rows(table, columns)
        assert choices(table) == choices(reference), [(r.code, [v.text if v else None for v in r.values]) for r in table]


def test_ties_go_to_the_left_most_columns_first() -> None:
    # 10.00 could be 基本 or 项目 for both children: the least index sum, then the first child left-most.
    rows = [row("201", "20.00", "10.00", "10.00"), row("20101", "10.00", "10.00"), row("20102", "10.00", "10.00")]
    resolve_code_rows(rows, EXPENDITURE)
    assert [(r.options[r.choice], r.fixed) for r in rows[1:]] == [((0, 1), True), ((0, 2), True)]


def test_children_that_never_add_up_keep_their_first_placement() -> None:
    rows = [row("201", "50.00", "20.00", "30.00"), row("20101", "10.00", "10.00"), row("20102", "11.00", "11.00")]
    resolve_code_rows(rows, EXPENDITURE)
    assert [(r.choice, r.fixed) for r in rows[1:]] == [(0, False), (0, False)]


def hierarchical_table(seed: int) -> list[CodeRow]:
    """205 rows: 合计, 12 类 and 款 printing both parts, 15 项 each printing its total and one part.

    Each 项 could be 基本 or 项目: the exhaustive product tried 2**15 combinations per 款.
    """
    rng = random.Random(seed)
    rows: list[CodeRow] = []
    grand = [0, 0, 0]
    cents = lambda c: f"{Decimal(c) / 100:.2f}"  # noqa: E731
    for top in range(12):
        sums = [0, 0, 0]
        items = []
        for i in range(15):
            value = rng.randint(1000, 999999)
            col = rng.randint(1, 2)
            sums[0] += value
            sums[col] += value
            items.append(row(f"2{top:02d}01{i:02d}", cents(value), cents(value)))
        rows += [row(f"2{top:02d}", *map(cents, sums)), row(f"2{top:02d}01", *map(cents, sums)), *items]
        grand = [a + b for a, b in zip(grand, sums)]
    return [row(None, *map(cents, grand)), *rows]


def test_a_200_row_table_is_placed_with_less_work_than_the_product() -> None:
    rows = hierarchical_table(3)
    assert len(rows) == 205
    states = resolve_code_rows(rows, EXPENDITURE)
    exhaustive_work = 12 * 2**15
    assert 0 < states < exhaustive_work
    assert all(r.fixed for r in rows)
    for parent in (r for r in rows if r.code and len(r.code) == 5):
        children = fa._children(parent, rows)  # noqa: SLF001
        total = [sum(column_vector(c.values, c.options[c.choice], 3)[i] for c in children) for i in range(3)]
        assert close(total, column_vector(parent.values, parent.options[parent.choice], 3), len(children))


def test_beyond_the_product_the_search_has_a_state_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # 40 项 of one value that could sit in any of five columns: 5**40 combinations.
    rows = [row("201")]
    sums = [0] * 6
    for i in range(40):
        value = 100_003 * (i + 1) + i * i
        sums[1 + i % 5] += value
        sums[0] += value
        rows.append(row(f"201{i:04d}", f"{Decimal(value) / 100:.2f}", f"{Decimal(value) / 100:.2f}"))
    rows[0].values = [token(f"{Decimal(c) / 100:.2f}") for c in sums]
    warnings: list[str] = []
    monkeypatch.setattr(fa, "warn", warnings.append)
    monkeypatch.setattr(fa, "MAX_PLACEMENT_STATES", 5000)
    states = resolve_code_rows(rows, SIX_COLUMNS)
    assert states == 5001  # stopped at the budget
    assert not any(r.fixed for r in rows[1:])
    assert warnings == ["code 201: too many ways to place its children's values; left-most columns used"]
