"""An indicator table whose header is printed again after a page break (Word's 标题行重复) goes on
under the same project; a second table of the same header under another project does not."""

from __future__ import annotations

from pathlib import Path

from unionkg.model import Indicator
from unionkg.pipeline import extract_file
from unionkg.settings import Settings

HEADER = "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施"

CONTINUED = f"""某县妇女联合会2024年度项目支出绩效自评表
项目名称：巾帼家政培训项目
{HEADER}
产出指标 | 数量指标 | 培训妇女人次 | ≥200人次 | 236人次 | 20 | 20 |
产出指标 | 质量指标 | 培训合格率 | ≥90% | 93% | 20 | 20 |
{HEADER}
产出指标 | 时效指标 | 培训按期完成率 | 100% | 88% | 10 | 8 | 部分班次因场地调整延后
效益指标 | 社会效益指标 | 参训妇女就业率 | ≥60% | 65% | 20 | 20 |
总分 | | | | | 100 | 98 |
"""

TWO_PROJECTS = f"""某县妇女联合会2024年度项目支出绩效自评表
项目名称：巾帼家政培训项目
{HEADER}
产出指标 | 数量指标 | 培训妇女人次 | ≥200人次 | 236人次 | 20 | 20 |
项目名称：留守儿童关爱项目
{HEADER}
产出指标 | 数量指标 | 关爱儿童人数 | ≥500人 | 512人 | 20 | 20 |
总分 | | | | | 100 | 100 |
"""


def _projects(tmp_path: Path, text: str) -> dict[str, str | None]:
    path = tmp_path / "某县妇联2024年项目支出绩效自评.txt"
    path.write_text(text, encoding="utf-8")
    return {f.name: f.project for f in extract_file(path, Settings(store="unused")).facts if isinstance(f, Indicator)}


def test_a_header_printed_again_continues_the_table_and_its_project(tmp_path: Path) -> None:
    projects = _projects(tmp_path, CONTINUED)
    assert set(projects) == {"培训妇女人次", "培训合格率", "培训按期完成率", "参训妇女就业率"}
    assert set(projects.values()) == {"巾帼家政培训项目"}


def test_the_same_header_under_another_project_is_that_projects_table(tmp_path: Path) -> None:
    projects = _projects(tmp_path, TWO_PROJECTS)
    assert projects == {"培训妇女人次": "巾帼家政培训项目", "关爱儿童人数": "留守儿童关爱项目"}
