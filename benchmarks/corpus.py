"""A deterministic generator of synthetic disclosures of the genre.

Three kinds, in the text layout of PDF/DOCX extractions like
``data/samples``: 部门预算 (budget: 概况, narrative with 同比 changes, a
project with its performance targets), 部门决算 (final accounts: 公开01-08
tables flattened into whitespace-separated rows, 项目支出绩效自评表 per
project), 整体支出绩效自评 (self-evaluation: numbered indicators with
targets, actual values and scores).  Bodies come from a list of places,
years vary, amounts are printed in 万元 or 元, and about one document in
ten is in traditional characters, so the extractors see realistic variety.

Same ``seed`` and ``index`` -> the same document, byte for byte.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

# Province-level and prefecture-level places (GB/T 2260 names).
PLACES = (
    "河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省", "安徽省", "福建省", "山东省", "河南省",
    "湖北省", "湖南省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省",
    "石家庄市", "太原市", "沈阳市", "大连市", "长春市", "南京市", "苏州市", "无锡市", "杭州市", "宁波市",
    "温州市", "合肥市", "芜湖市", "福州市", "厦门市", "泉州市", "济南市", "青岛市", "烟台市", "郑州市",
    "洛阳市", "武汉市", "宜昌市", "襄阳市", "长沙市", "株洲市", "岳阳市", "海口市", "三亚市", "成都市",
    "绵阳市", "贵阳市", "遵义市", "昆明市", "曲靖市", "西安市", "宝鸡市", "兰州市", "天水市", "西宁市",
    "赣州市", "九江市", "上饶市", "宜春市", "吉安市", "抚州市", "萍乡市", "鹰潭市", "景德镇市", "新余市",
    "韶关市", "汕头市", "佛山市", "湛江市", "肇庆市", "惠州市", "梅州市", "桂林市", "梧州市", "北海市",
)  # fmt: skip

# (code, name) of the functional classification a union federation uses.
FUNCTIONAL = (
    ("201", "一般公共服务支出", (("20129", "群众团体事务", (("2012901", "行政运行"), ("2012902", "一般行政管理事务"), ("2012999", "其他群众团体事务支出"))),)),
    ("208", "社会保障和就业支出", (("20805", "行政事业单位养老支出", (("2080501", "行政单位离退休"), ("2080505", "机关事业单位基本养老保险缴费支出"))),)),
    ("210", "卫生健康支出", (("21011", "行政事业单位医疗", (("2101101", "行政单位医疗"), ("2101102", "事业单位医疗"))),)),
    ("221", "住房保障支出", (("22102", "住房改革支出", (("2210201", "住房公积金"), ("2210203", "购房补贴"))),)),
)  # fmt: skip

ECONOMIC = (
    ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30107", "绩效工资"),
    ("30108", "机关事业单位基本养老保险缴费"), ("30110", "职工基本医疗保险缴费"), ("30113", "住房公积金"),
    ("30201", "办公费"), ("30211", "差旅费"), ("30215", "会议费"), ("30216", "培训费"), ("30228", "工会经费"),
    ("30301", "离休费"), ("30302", "退休费"),
)  # fmt: skip

PROJECTS = (
    "送温暖资金", "困难职工帮扶资金", "劳动竞赛", "劳模慰问", "职工疗休养", "职工技能培训", "工会主席慰问",
    "农民工服务", "职工法律援助", "女职工关爱行动", "职工文化活动", "金秋助学", "职工互助保障", "新就业形态劳动者入会",
)  # fmt: skip

UNITS = ("工人文化宫", "职工服务中心", "职工学校", "宣教中心", "职工疗休养院", "困难职工帮扶中心")
DEPARTMENTS = ("办公室", "组织部", "宣传教育部", "权益保障部", "经济技术部", "女职工部", "财务部", "经费审查委员会办公室")

# (level 1, level 2, indicator template, unit, comparator, target range)
INDICATORS = (
    ("产出指标", "数量指标", "慰问{p}人数", "人", "≥", (500, 30000)),
    ("产出指标", "数量指标", "举办{p}活动次数", "次", "≥", (1, 60)),
    ("产出指标", "数量指标", "{p}覆盖市县个数", "个", "=", (5, 120)),
    ("产出指标", "质量指标", "{p}资金发放准确率", "%", "=", (100, 100)),
    ("产出指标", "质量指标", "{p}标准符合率", "%", "≥", (90, 100)),
    ("产出指标", "时效指标", "{p}资金发放及时率", "%", "=", (100, 100)),
    ("产出指标", "成本指标", "{p}成本控制率", "%", "≤", (100, 100)),
    ("效益指标", "社会效益指标", "{p}受益职工覆盖率", "%", "≥", (80, 100)),
    ("效益指标", "可持续影响指标", "{p}长效机制建立率", "%", "≥", (60, 100)),
    ("满意度指标", "服务对象满意度指标", "{p}服务对象满意度", "%", "≥", (85, 95)),
    ("满意度指标", "服务对象满意度指标", "{p}投诉率", "%", "<", (1, 5)),
)  # fmt: skip

DUTY_LINES = (
    "根据党的基本理论、基本路线、基本纲领和工运方针，围绕党和国家工作大局，贯彻执行工会代表大会确定的方针、任务和作出的决议。",
    "依照法律和《中国工会章程》，组织和指导各级工会推动全心全意依靠工人阶级根本指导方针的贯彻落实，突出和履行维护职能。",
    "对有关职工合法权益的重大问题进行调查研究，反映职工群众的思想、愿望和要求，提出意见和建议。",
    "负责工会经费和工会资产的管理、审查、审计工作，研究制定工会组织兴办职工劳动福利事业的有关制度。",
    "协助政府做好劳动模范的推荐、评选和管理工作，做好劳模和“五一劳动奖章”获得者的服务工作。",
    "负责工会国际联络工作，发展同有关国家工会的友好关系。",
    "承办同级党委、政府和上级工会交办的其他事项。",
)  # fmt: skip

TASK_LINES = (
    "加强理论武装，深入学习宣传贯彻党的重要会议精神，制定和实施工会工作发展规划。",
    "深化产业工人队伍建设改革，广泛开展劳动和技能竞赛，推进职工创新工作室建设。",
    "做好困难职工帮扶工作，开展送温暖、金秋助学等活动，提升服务职工水平。",
    "推进新就业形态劳动者入会，扩大工会组织覆盖面，加强基层工会规范化建设。",
    "加强工会经费收缴和资产监督管理，严格预算执行，提高资金使用效益。",
)  # fmt: skip

# The 类 rows every 公开01表 prints, most of them empty for a union federation.
FUNCTION_CATEGORIES = (
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
    "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
    "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
    "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
)  # fmt: skip

GLOSSARY = (
    ("财政拨款收入", "指本级财政部门当年拨付的资金。"),
    ("事业收入", "指事业单位开展专业业务活动及辅助活动所取得的收入。"),
    ("经营收入", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。"),
    ("其他收入", "指除上述“财政拨款收入”“事业收入”“经营收入”等以外的收入。"),
    ("上年结转", "指以前年度尚未完成，按有关规定结转到本年继续使用的资金。"),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    ("“三公”经费", "因公出国（境）费、公务用车购置及运行费和公务接待费简称为“三公”。其中：因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行费反映单位公务用车车辆购置支出及租用费、燃料费、维修费、过路过桥费、保险费等支出；公务接待费反映单位按规定开支的各类公务接待支出。"),
    ("机关运行经费", "为保障行政单位运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。"),
)  # fmt: skip

# Fragments of the prose that fills most of a real disclosure (工作任务,
# 履职情况, 问题及措施); combined at random into paragraphs.
PROSE_SUBJECTS = ("全年共开展", "组织各级工会", "坚持以职工为中心", "围绕中心服务大局", "聚焦主责主业", "按照年度工作计划")
PROSE_ACTIONS = (
    "深入基层走访慰问困难职工家庭，及时发放慰问资金和物资",
    "广泛开展劳动和技能竞赛活动，推动职工技能素质整体提升",
    "加强职工服务阵地建设，完善职工之家和户外劳动者服务站点功能",
    "扎实推进工会经费收缴和资产管理，严格执行财务制度",
    "深化工会宣传教育和网络阵地建设，讲好劳动者故事",
    "推动建立健全集体协商和职工代表大会制度，维护职工合法权益",
    "开展新就业形态劳动者入会集中行动，扩大工会组织覆盖面",
    "组织职工疗休养和健康体检活动，促进职工身心健康",
)  # fmt: skip
PROSE_RESULTS = (
    "取得了良好的社会效果", "职工群众的获得感明显增强", "各项工作任务全面完成", "得到了职工群众的广泛好评",
    "为经济社会发展作出了积极贡献", "资金使用效益进一步提高",
)  # fmt: skip

CN_ORDINALS = "一二三四五六七八九十"
KINDS = ("budget", "final", "evaluation")


@dataclass(frozen=True)
class SyntheticDoc:
    name: str  # file name
    kind: str  # budget | final | evaluation
    org: str
    year: int
    text: str


def _wan(value: Decimal) -> str:
    """A 万元 amount as printed in tables: thousands separators, two decimals."""
    return f"{value:,.2f}"


class _Writer:
    """Builds one document; all randomness comes from ``rng``."""

    def __init__(self, rng: random.Random, org: str, year: int, in_yuan: bool):
        self.rng = rng
        self.org = org
        self.year = year
        self.in_yuan = in_yuan
        self.lines: list[str] = []

    def money(self, wan: Decimal) -> str:
        return f"{wan * 10000:,.2f}" if self.in_yuan else _wan(wan)

    @property
    def unit_label(self) -> str:
        return "元" if self.in_yuan else "万元"

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            self.lines.append("")  # PDF extraction leaves blank lines between wrapped lines

    def wrapped(self, paragraph: str, width: int = 28) -> None:
        """A paragraph wrapped mid-word at a fixed width, like PDF text."""
        for i in range(0, len(paragraph), width):
            self.add(paragraph[i : i + width])

    def amount(self, low: float, high: float) -> Decimal:
        return Decimal(str(round(self.rng.uniform(low, high), 2)))

    def overview(self, units: list[str], departments: list[str]) -> None:
        self.add(f" 第一部分 {self.org}概况", "一、部门主要职责")
        for i, duty in enumerate(self.rng.sample(DUTY_LINES, k=self.rng.randint(4, len(DUTY_LINES)))):
            self.wrapped(f"({CN_ORDINALS[i]}){duty}")
        self.add("二、机构设置及人员情况", f"纳入本套部门{'决算' if 'final' in self.kind else '预算'}汇编范围的单位共 {len(units) + 1} 个，包括：")
        self.add("序号 单位名称 预算级次", f"1 {self.org}（本级） 一级")
        for i, unit in enumerate(units, start=2):
            self.add(f"{i} {unit} 二级")
        self.wrapped(f"{self.org}（本级）设立 {len(departments)} 个内设机构，分别是：{'、'.join(departments)}。")
        staff = self.rng.randint(20, 260)
        self.wrapped(
            f"本部门行政编制 {staff + self.rng.randint(0, 10)} 名，年末在职人员 {staff} 人，离退休人员 {self.rng.randint(3, 80)} 人。"
        )
        self.add(f"三、部门 {self.year} 年主要工作任务")
        for i, task in enumerate(self.rng.sample(TASK_LINES, k=3)):
            self.wrapped(f"（{CN_ORDINALS[i]}）{task}")
        _prose(self, "四、主要工作情况", self.rng.randint(25, 70))

    kind = ""


def _functional_rows(rng: random.Random) -> list[tuple[str, str, Decimal]]:
    """Rows 类/款/项 with amounts; parents are the sums of their children."""
    rows: list[tuple[str, str, Decimal]] = []
    for code, name, kuan_list in FUNCTIONAL:
        kuan_rows: list[tuple[str, str, Decimal]] = []
        for kcode, kname, items in kuan_list:
            leaves = [(c, n, Decimal(str(round(rng.uniform(5, 3000), 2)))) for c, n in items if rng.random() < 0.85]
            if not leaves:
                continue
            kuan_rows.append((kcode, kname, sum((v for _, _, v in leaves), Decimal(0))))
            kuan_rows.extend(leaves)
        if kuan_rows:
            total = sum((v for c, _, v in kuan_rows if len(c) == 5), Decimal(0))
            rows.append((code, name, total))
            rows.extend(kuan_rows)
    return rows


def _final_accounts(w: _Writer, units: list[str], projects: list[str]) -> None:
    w.kind = "final"
    w.overview(units, w.rng.sample(DEPARTMENTS, k=w.rng.randint(3, len(DEPARTMENTS))))
    rows = _functional_rows(w.rng)
    total = sum((v for c, _, v in rows if len(c) == 3), Decimal(0))
    carry_in = w.amount(0, 200)
    carry_out = w.amount(0, 200)
    spent = total
    income = spent + carry_out - carry_in
    header = f"部门：{w.org} {w.year} 年度 金额单位：{w.unit_label}"
    w.add(f" 第二部分 {w.year} 年度部门决算表", "收入支出决算总表", "公开 01 表", header)
    w.add("收入 支出", "项 目 行次 决算数 项目（按功能分类） 行次 决算数", "栏 次 1 栏 次 2")
    w.add(f"一、一般公共预算财政拨款收入 1 {w.money(income)} 一、一般公共服务支出 32 {w.money(rows[0][2])}")
    by_name = {name: value for code, name, value in rows if len(code) == 3}
    for line, category in enumerate(FUNCTION_CATEGORIES[1:], start=2):
        value = by_name.get(category)
        w.add(f"{line} {_cn_number(line)}、{category} {31 + line} {w.money(value) if value is not None else ''}".rstrip())
    w.add(f"本年收入合计 27 {w.money(income)} 本年支出合计 58 {w.money(spent)}")
    w.add(f"年初结转和结余 29 {w.money(carry_in)} 年末结转和结余 60 {w.money(carry_out)}")
    w.add(f"总计 31 {w.money(income + carry_in)} 总计 62 {w.money(spent + carry_out)}")
    w.add("注：本套报表金额单位转换时可能存在尾数误差。")
    w.add(" 收入决算表", "公开 02 表", header, "项 目", "本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入")
    w.add("科目编码 科目名称", "栏次 1 2 3 4 5 6 7", f"合计 {w.money(total)} {w.money(total)}")
    for code, name, value in rows:
        w.add(f"{code} {name} {w.money(value)} {w.money(value)}")
    w.add(" 支出决算表", "公开 03 表", header, "项 目", "本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出")
    w.add("栏次 1 2 3 4 5 6")
    basic_share = Decimal(str(round(w.rng.uniform(0.2, 0.8), 2)))
    basic_total = (total * basic_share).quantize(Decimal("0.01"))
    w.add(f"合计 {w.money(total)} {w.money(basic_total)} {w.money(total - basic_total)}")
    for code, name, value in rows:
        basic = (value * basic_share).quantize(Decimal("0.01"))
        w.add(f"{code} {name} {w.money(value)} {w.money(basic)} {w.money(value - basic)}")
    w.add(" 财政拨款收入支出决算总表", "公开 04 表", header, f"一、一般公共预算财政拨款 1 {w.money(income)} 一、一般公共服务支出 33 {w.money(rows[0][2])}")
    w.add(" 一般公共预算财政拨款支出决算表", "公开 05 表", header, "栏次 1 2 3", f"合计 {w.money(total)} {w.money(basic_total)} {w.money(total - basic_total)}")
    for code, name, value in rows:
        w.add(f"{code} {name} {w.money(value)}")
    w.add(" 一般公共预算财政拨款基本支出决算表", "公开 06 表", header, "经济分类科目编码 科目名称 金额")
    econ = w.rng.sample(ECONOMIC, k=w.rng.randint(6, len(ECONOMIC)))
    for code, name in sorted(econ):
        w.add(f"{code} {name} {w.money(w.amount(1, 400))}")
    w.add(" 政府性基金预算财政拨款收入支出决算表", "公开 07 表", header, "合计", "注：本部门无政府性基金预算财政拨款收入、支出。")
    w.add(" 国有资本经营预算财政拨款支出决算表", "公开 08 表", header, "合计", "注：本部门无国有资本经营预算财政拨款支出。")
    w.add(" 第三部分 绩效评价情况")
    for project in projects:
        _project_narrative(w, project)
        _project_self_evaluation_table(w, project)
    _glossary(w, " 第四部分 名词解释")


def _cn_number(n: int) -> str:
    """Chinese numeral for 1..99 as printed in row labels (二十三)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_ORDINALS[tens - 1] + "十")
    return head + (CN_ORDINALS[ones - 1] if ones else "")


def _glossary(w: _Writer, heading: str) -> None:
    w.add(heading)
    for i, (term, meaning) in enumerate(GLOSSARY, start=1):
        w.wrapped(f"{_cn_number(i)}、{term}：{meaning}")


def _prose(w: _Writer, heading: str, paragraphs: int) -> None:
    """Paragraphs of report prose, so documents have the size of real ones."""
    w.add(heading)
    for _ in range(paragraphs):
        sentences = [
            f"{w.rng.choice(PROSE_SUBJECTS)}，{w.rng.choice(PROSE_ACTIONS)}，{w.rng.choice(PROSE_RESULTS)}。" for _ in range(w.rng.randint(2, 4))
        ]
        w.wrapped("".join(sentences))


def _project_narrative(w: _Writer, project: str) -> None:
    w.wrapped(
        f"{project}项目由{w.rng.choice(DEPARTMENTS)}组织实施，资金主要用于{w.rng.choice(('慰问困难职工', '开展技能竞赛', '组织职工疗休养', '资助困难职工子女就学', '开展职工文化活动'))}"
        f"和{w.rng.choice(('工作经费补助', '宣传动员', '表彰奖励', '服务阵地建设'))}。项目严格执行资金管理办法，实行专款专用，"
        "资金拨付履行审批程序，按照绩效目标组织实施，并对项目实施情况开展跟踪监控和绩效自评。"
    )


def _indicator_rows(w: _Writer, project: str, count: int) -> list[str]:
    rows = []
    for level1, level2, template, unit, cmp_glyph, (low, high) in w.rng.sample(INDICATORS, k=min(count, len(INDICATORS))):
        target = w.rng.randint(low, high)
        actual = target if w.rng.random() < 0.8 else max(0, target + w.rng.randint(-max(1, target // 5), max(1, target // 5)))
        weight = w.rng.choice((5, 10, 10, 15, 20))
        score = weight if w.rng.random() < 0.85 else max(0, weight - w.rng.randint(1, weight))
        name = template.format(p=project)
        rows.append(f"{level1} {level2} {name} {cmp_glyph}{target}{unit} ={actual}{unit} {weight} {score}")
    return rows


def _project_self_evaluation_table(w: _Writer, project: str) -> None:
    budget = w.amount(10, 3000)
    final = budget if w.rng.random() < 0.7 else (budget * Decimal(str(w.rng.uniform(0.6, 1)))).quantize(Decimal("0.01"))
    rate = (final / budget * 100).quantize(Decimal("0.01"))
    w.add("项目支出绩效自评表", f"（{w.year} 年度）", f"项目名称 {project}", f"主管部门 {w.org} 实施单位 {w.rng.choice(DEPARTMENTS)}")
    w.add("项目资金", f"（{w.unit_label}）", "年初预算数 全年预算数 A 全年执行数 B 分值 执行率 得分")
    w.add(f"年度资金总额 {w.money(budget)} {w.money(budget)} {w.money(final)} 10 {rate}% {min(10, round(float(rate) / 10, 1))}")
    w.add("年度总体目标", "预期目标 实际完成情况")
    w.wrapped(f"通过实施{project}项目，切实维护职工合法权益，提升职工获得感、幸福感、安全感，完成年度目标任务。")
    w.add("绩效指标", "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施")
    for row in _indicator_rows(w, project, w.rng.randint(4, 9)):
        w.add(row)
    w.add(f"总分 100 {w.rng.randint(80, 100)}")


def _budget(w: _Writer, units: list[str], projects: list[str]) -> None:
    w.kind = "budget"
    w.overview(units, w.rng.sample(DEPARTMENTS, k=w.rng.randint(3, len(DEPARTMENTS))))
    rows = _functional_rows(w.rng)
    total = sum((v for c, _, v in rows if len(c) == 3), Decimal(0))
    last = (total * Decimal(str(w.rng.uniform(0.8, 1.2)))).quantize(Decimal("0.01"))
    delta = total - last
    word = "增加" if delta >= 0 else "减少"
    pct = (abs(delta) / last * 100).quantize(Decimal("0.01"))
    unit = w.unit_label
    w.add(f" 第二部分 {w.year} 年部门预算情况说明", "一、收支预算总体情况")
    w.wrapped(
        f"{w.year}年部门收支总预算{w.money(total)}{unit}，比上年{word}{w.money(abs(delta))}{unit}，{'增长' if delta >= 0 else '下降'}{pct}%，"
        f"{word}的主要原因：{w.rng.choice(('人员经费调整', '项目支出增加', '离退休人员增加', '公用经费标准调整'))}。"
    )
    w.add("二、一般公共预算支出情况")
    for i, (code, name, value) in enumerate(r for r in rows if len(r[0]) == 3):
        share = (value / total * 100).quantize(Decimal("0.01"))
        w.wrapped(f"（{CN_ORDINALS[i]}）{code}类{name}{w.money(value)}{unit}，占一般公共预算{share}%。")
    w.add(" 第三部分 预算公开表", "部门收支总表", f"单位名称：{w.org} 单位：{unit}", "项目 本年预算")
    for code, name, value in rows:
        w.add(f"{code} {name} {w.money(value)}")
    w.add("三、一般公共预算基本支出情况说明")
    for code, name in w.rng.sample(ECONOMIC, k=6):
        w.add(f"{name}{w.money(w.amount(1, 300))}{unit}，同比增加{w.money(w.amount(0, 20))}{unit}；")
    w.add("四、重点项目预算绩效目标情况说明")
    for project in projects:
        w.add(f"项目名称：{project}", f"项目金额：{w.money(w.amount(10, 900))}{unit}", "一级指标 二级指标 三级指标 指标值")
        _project_narrative(w, project)
        for row in _indicator_rows(w, project, w.rng.randint(3, 6)):
            w.add(" ".join(row.split(" ")[:4]))
    _glossary(w, "第四部分：名词解释")


def _evaluation(w: _Writer, units: list[str], projects: list[str]) -> None:
    w.kind = "evaluation"
    w.add(f"{w.org}{w.year}年度部门整体支出绩效自评报告", "一、单位概况", "（一）单位基本情况")
    for i, duty in enumerate(w.rng.sample(DUTY_LINES, k=5), start=1):
        w.add(f"（{i}）{duty}")
    budget = w.amount(300, 9000)
    final = (budget * Decimal(str(w.rng.uniform(0.85, 1)))).quantize(Decimal("0.01"))
    rate = (final / budget * 100).quantize(Decimal("0.01"))
    unit = w.unit_label
    w.add("（二）预算及执行情况")
    w.add(f"{w.year}年，财政安排{w.org}及直属单位预算资金共计{w.money(budget)}{unit}，决算支出总计{w.money(final)}{unit}，预算执行率为{rate}%。")
    for unit_name in units:
        amount = w.amount(50, 800)
        w.add(f"{unit_name}{w.year}年度财政安排预算资金{w.money(amount)}{unit}，均为基本支出。决算支出{w.money(amount)}{unit}。")
    w.add("二、部门整体支出绩效实现情况")
    total_score = Decimal(0)
    _prose(w, "（三）年度履职情况", w.rng.randint(25, 70))
    for section, (level1, level2) in enumerate((("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标")), start=1):
        w.add(f"{section}.{level2[:-2]}")
        for i, project in enumerate(w.rng.choices(projects, k=w.rng.randint(3, 10)), start=1):
            target = w.rng.randint(1, 5000)
            actual = target if w.rng.random() < 0.75 else w.rng.randint(max(1, target // 2), target * 2)
            weight = w.rng.choice((1, 2, 3))
            score = weight if actual >= target else round(weight * actual / target, 2)
            total_score += Decimal(str(score))
            w.add(f"{i}){project}服务人数不少于{target}人（{weight}分）")
            w.add(f"依据当年工作计划及部门职能，设置指标为{project}服务人数≥{target}人，实际完成{actual}人。依据评分标准，该指标得{score}分。")
    w.add("三、存在的问题及改进措施")
    for project in projects:
        _project_narrative(w, project)
    grade = "优" if total_score >= 90 else "良"
    w.add("四、自评结论", f"经自评，{w.org}{w.year}年度部门整体支出绩效自评得分{90 + w.rng.randint(0, 9)}.{w.rng.randint(0, 99):02d}分，评价等级为“{grade}”。")


GENERATORS = {"budget": _budget, "final": _final_accounts, "evaluation": _evaluation}


def generate(index: int, seed: int = 7) -> SyntheticDoc:
    """The ``index``-th synthetic document of the corpus with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    place = rng.choice(PLACES)
    org = f"{place}总工会"
    year = rng.randint(2018, 2025)
    kind = KINDS[index % len(KINDS)]
    units = [f"{place}{u}" for u in rng.sample(UNITS, k=rng.randint(0, 4))]
    projects = rng.sample(PROJECTS, k=rng.randint(1, 6))
    writer = _Writer(rng, org, year, in_yuan=rng.random() < 0.15)
    GENERATORS[kind](writer, units, projects)
    text = "\n".join(writer.lines)
    if rng.random() < 0.1:
        text = _traditional(text)
    label = {"budget": "部门预算", "final": "部门决算", "evaluation": "整体支出绩效自评报告"}[kind]
    return SyntheticDoc(f"{index:05d}_{place}总工会{year}年{label}.txt", kind, org, year, text)


def _traditional(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


def write_corpus(directory: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` documents into ``directory``; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        doc = generate(i, seed)
        path = directory / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths
