"""A category word of the indicator framework that is also the indicator's name.

"服务对象满意度" is a second-level category word (LEVEL_WORDS); printed in the 三级指标 column,
right before the row's values, it is the indicator's name, not one more level.
"""

from __future__ import annotations

import pytest

from unionkg.extract.indicators import strip_levels

CASES = [
    # (chunk, name left, level1, level2)
    ("满意度指标 服务对象满意度指标 服务对象满意度 20 ≥95% 93% 16.1", "服务对象满意度", "满意度指标", "服务对象满意度指标"),
    ("满意度指标 服务对象满意度指标 职工满意度 20 ≥95% 93% 16.1", "职工满意度", "满意度指标", "服务对象满意度指标"),
    ("效益指标 社会效益指标 社会效益 10 显著 显著 10", "社会效益", "效益指标", "社会效益指标"),
    # negatives: category words followed by a name are levels, as before
    ("产出指标 数量指标 培训人数 15 ≥1200人 1260人 15", "培训人数", "产出指标", "数量指标"),
    # a name that only reads as a qualitative value ("完成…") is no figure: the level stays a level
    ("产出指标 时效指标 完成时间 2021年11月底前/2021年11月 10 10", "完成时间", "产出指标", "时效指标"),
    ("满意度指标 服务对象满意度 参训职工满意度 10 ≥90% 95% 10", "参训职工满意度", "满意度指标", "服务对象满意度"),
]


@pytest.mark.parametrize(("chunk", "name", "level1", "level2"), CASES)
def test_level_word_before_values_is_the_name(chunk: str, name: str, level1: str | None, level2: str | None) -> None:
    _lead, rest, got1, got2 = strip_levels(chunk, None, None)
    assert rest[: len(name)] == name
    assert (got1, got2) == (level1, level2)
