"""The one table of named regular expressions and word lists for parsing primitives.

Every regex used by :mod:`unionkg.extract.parse` and the extractors for
amounts, numbers, percentages, comparators, years, classification codes,
Chinese numerals and year-on-year changes lives here, by name, and is covered
by the table-driven tests in ``tests/extract/test_parse_patterns.py``.

Patterns are written for the *normalised* text (``SourceDocument.text``) but
tolerate the raw forms seen before normalisation lands (full-width digits and
signs, spaces between a number and its unit, ``≧ ═ ﹦`` glyphs).
"""

from __future__ import annotations

import re
from typing import Final

from unionkg.extract.cn_numerals import CN_COUNT_SRC, COUNT_SRC
from unionkg.model import Comparator

# ---------------------------------------------------------------------------
# Word lists (data first; the regexes below are built from them)
# ---------------------------------------------------------------------------

#: Money units and their factor to yuan.  "万" alone is accepted as 万元 only
#: where the regex below rules out a following count word (4万人 is people).
MONEY_UNIT_FACTORS: Final[dict[str, int]] = {
    "元": 1,
    "千元": 1_000,
    "万元": 10_000,
    "万": 10_000,
    "亿元": 100_000_000,
    "亿": 100_000_000,
}

#: Characters that mean "no value" in a table cell.
EMPTY_CELL_MARKS: Final[frozenset[str]] = frozenset(
    {"", "-", "－", "−", "–", "—", "——", "--", "－－", "/", "／", "*", "无", "—　"}
)

#: Comparator glyphs (and ASCII digraphs) that precede a number.
COMPARATOR_GLYPHS: Final[dict[str, Comparator]] = {
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    "≧": Comparator.GE,
    "⩾": Comparator.GE,
    "＞＝": Comparator.GE,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "≦": Comparator.LE,
    "⩽": Comparator.LE,
    "＜＝": Comparator.LE,
    "=": Comparator.EQ,
    "＝": Comparator.EQ,
    "═": Comparator.EQ,
    "﹦": Comparator.EQ,
    ">": Comparator.GT,
    "＞": Comparator.GT,
    "<": Comparator.LT,
    "＜": Comparator.LT,
}

#: Comparator words that precede a number ("不少于4000人").  Longest first in
#: the regex, so "大于等于" wins over "大于".
COMPARATOR_PREFIX_WORDS: Final[dict[str, Comparator]] = {
    "大于等于": Comparator.GE,
    "大于或等于": Comparator.GE,
    "不少于": Comparator.GE,
    "不低于": Comparator.GE,
    "不小于": Comparator.GE,
    "至少": Comparator.GE,
    "达到": Comparator.GE,
    "达": Comparator.GE,
    "小于等于": Comparator.LE,
    "小于或等于": Comparator.LE,
    "不超过": Comparator.LE,
    "不高于": Comparator.LE,
    "不大于": Comparator.LE,
    "不多于": Comparator.LE,
    "控制在": Comparator.LE,
    "至多": Comparator.LE,
    "最多": Comparator.LE,
    "大于": Comparator.GT,
    "超过": Comparator.GT,
    "高于": Comparator.GT,
    "多于": Comparator.GT,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "等于": Comparator.EQ,
}

#: Comparator words that follow a number and its unit ("4000人以上").
COMPARATOR_SUFFIX_WORDS: Final[dict[str, Comparator]] = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "之内": Comparator.LE,
}

#: Year-on-year change words and the sign of the change they state.
CHANGE_WORDS: Final[dict[str, str]] = {
    "增加": "increase",
    "增长": "increase",
    "上升": "increase",
    "上涨": "increase",
    "提高": "increase",
    "增": "increase",
    "减少": "decrease",
    "下降": "decrease",
    "降低": "decrease",
    "减": "decrease",
    "增幅": "increase",  # "降幅 3.22%" / "增幅为 5%": percentages only
    "降幅": "decrease",
    "减幅": "decrease",
    "持平": "flat",
    "基本持平": "flat",
    "无变化": "flat",
}

#: Chinese numeral characters and their digit value.
CHINESE_DIGITS: Final[dict[str, int]] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "貳": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}

#: Multipliers inside one 万-section (十百千) and section multipliers (万亿).
CHINESE_SMALL_UNITS: Final[dict[str, int]] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CHINESE_LARGE_UNITS: Final[dict[str, int]] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def _alternation(words: object) -> str:
    """Regex alternation of literal words, longest first so prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Regex sources (strings, so that they compose)
# ---------------------------------------------------------------------------

_SIGN = r"[-－−]"
#: A number: optional sign, digits with or without ASCII thousands separators,
#: optional decimals.  Separators must come in groups of exactly three digits.
NUMBER_SRC: Final[str] = rf"(?:{_SIGN}\s*)?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"

#: Words after a bare "万"/"亿" that make it money ("130万包干费用"); anything
#: else after it ("4万人", "29万会员", "200万次") makes it a count.
MONEY_CONTEXT_AFTER_BARE_UNIT: Final[tuple[str, ...]] = ("包干", "费用", "资金", "经费", "补助", "补贴", "奖励", "用于", "左右", "的")
_BARE_UNIT_FOLLOW = rf"(?=[，。；、,;:：\s)）]|$|{'|'.join(MONEY_CONTEXT_AFTER_BARE_UNIT)})"
MONEY_UNIT_SRC: Final[str] = rf"(?:亿元|万元|千元|元|亿{_BARE_UNIT_FOLLOW}|万{_BARE_UNIT_FOLLOW})(?![/／每])"

COMPARATOR_GLYPH_SRC: Final[str] = _alternation(COMPARATOR_GLYPHS)
COMPARATOR_PREFIX_SRC: Final[str] = _alternation(COMPARATOR_PREFIX_WORDS)
COMPARATOR_SUFFIX_SRC: Final[str] = _alternation(COMPARATOR_SUFFIX_WORDS)
CHANGE_WORD_SRC: Final[str] = _alternation(CHANGE_WORDS)

_CN_DIGIT_CHARS = "".join(CHINESE_DIGITS)
_CN_ALL_CHARS = _CN_DIGIT_CHARS + "".join(CHINESE_SMALL_UNITS) + "".join(CHINESE_LARGE_UNITS)

# ---------------------------------------------------------------------------
# THE table
# ---------------------------------------------------------------------------

#: Measure words of an indicator value counted in words ("不少于五场", "十二个", "覆盖八个乡镇" is not a
#: cell): a count in words is read only with one of them (parse.parse_target), longest first.
CELL_COUNT_UNITS_IN_WORDS: Final[tuple[str, ...]] = (
    "场次", "人次", "户次", "个", "场", "次", "期", "项", "家", "所", "篇", "条", "人", "名", "户", "批", "册", "件", "份", "支", "部", "本", "套", "台", "辆", "天", "小时",
)


PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a number alone (table cell): whole string
    "number_cell": re.compile(rf"\s*({NUMBER_SRC})\s*"),
    # a number inside prose, not glued to other digits
    "number": re.compile(rf"(?<![\d.,])({NUMBER_SRC})(?![\d])"),
    # an amount of money: number + unit (元/千元/万元/亿元/万/亿)
    "amount": re.compile(rf"(?<![\d.,])(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"),
    # a money cell: number with an optional unit, whole string
    "money_cell": re.compile(rf"\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})?\s*"),
    # a percentage: 15.9% / 15.9％ / 百分之十五 handled by chinese numerals
    "percent": re.compile(rf"(?<![\d.,])(?P<number>{NUMBER_SRC})\s*[%％]"),
    "percent_cell": re.compile(rf"\s*(?P<number>{NUMBER_SRC})\s*[%％]?\s*"),
    # a comparator glyph or word at the start of a string
    "comparator_glyph": re.compile(rf"\s*(?P<cmp>{COMPARATOR_GLYPH_SRC})"),
    "comparator_prefix_word": re.compile(rf"\s*(?P<cmp>{COMPARATOR_PREFIX_SRC})"),
    "comparator_suffix_word": re.compile(rf"(?P<cmp>{COMPARATOR_SUFFIX_SRC})\s*$"),
    # a target value: [comparator] number [unit] [suffix word], whole string.
    # The unit may not contain digits (so "12月31日前" is not "12 月31日前").
    "target": re.compile(
        rf"\s*(?P<pre>{COMPARATOR_GLYPH_SRC}|{COMPARATOR_PREFIX_SRC})?\s*"
        rf"(?P<number>{NUMBER_SRC})\s*"
        rf"(?P<unit>[^\d\s≥≤<>=＝]{{0,10}}?)\s*"
        rf"(?P<post>{COMPARATOR_SUFFIX_SRC})?\s*"
    ),
    # the "unit" of a target that is a span of time ("3-12月" -> -12月, "1至6月" -> 至6月, "4季度"):
    # the rest of a month range or a quarter, no figure; a single month stays an ordinal the
    # actual is compared with ("≤12月" / "11"), "个月" and "日" (durations: "≤5日") are units
    "time_unit": re.compile(r"[-－—~～至到]\s*\d|季度"),
    # a target's number and unit that are a calendar year and what follows it ("2022年春节前",
    # "2023年底前", "2024年"): a date, no figure ("3年", a duration, is one)
    "year_as_value": re.compile(r"(?:19|20)\d{2}\s*年"),
    # the "unit" of a target or actual whose figure OCR damaged with a letter for a digit
    # ("≥9S%": 9 and "S%"? 95%?; "1B0人"): a look-alike letter before a digit or a percent sign;
    # no figure is read (a unit word after a digit, "5G基站", is left alone)
    "damaged_quantity_unit": re.compile(r"[SsBZzGgqOolI|｜〇](?=\s*[\d%％‰])"),
    # a figure with a look-alike letter between its digits ("1B0人", "1O0%"; not "5G", "B类")
    "damaged_figure_text": re.compile(r"\d[SsBZzGgqOolI|｜〇]+\d"),
    # a target or actual counted in words, whole string: [comparator] numeral measure word
    # [suffix word] ("不少于五场", "十二个", "两期以上"); a measure word is required, so that
    # words that hold a numeral ("一般", "一致") stay qualitative
    "target_in_words": re.compile(
        rf"\s*(?P<pre>{COMPARATOR_GLYPH_SRC}|{COMPARATOR_PREFIX_SRC})?\s*"
        rf"(?P<number>{CN_COUNT_SRC})\s*"
        rf"(?P<unit>{_alternation(CELL_COUNT_UNITS_IN_WORDS)})\s*"
        rf"(?P<post>{COMPARATOR_SUFFIX_SRC})?\s*"
    ),
    # a year: 2024年 / 2024 年度 / 2024年度
    "year": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?P<annual>度)?"),
    # a year in Chinese numerals: 二〇二四年
    "year_chinese": re.compile(rf"(?P<year>[{_CN_DIGIT_CHARS}]{{4}})\s*年(?P<annual>度)?"),
    # a bare four-digit year (table headers, "2024预算")
    "year_bare": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)"),
    # a functional (2xx) or economic (3xx/5xx) classification code: 3, 5 or 7 digits
    "classification_code": re.compile(r"(?<![\d.,])(?P<code>[2-5]\d{2}(?:\d{2}){0,2})(?![\d.,%])"),
    # a code printed with its level word: 201类 / 20101款 / 2010101项
    "classification_code_level": re.compile(r"(?<!\d)(?P<code>[2-5]\d{2}(?:\d{2}){0,2})\s*(?P<level>类|款|项)"),
    # a run of Chinese numeral characters
    "chinese_numeral": re.compile(rf"[{_CN_ALL_CHARS}]+"),
    # a change word
    "change_word": re.compile(rf"(?P<word>{CHANGE_WORD_SRC})"),
    # a stated year-on-year change: 比上年增加 444.92 万元 / 同比减少3.81万元 / 与上年持平 /
    # 与2024年度预算相比增加 31.20 万元
    "change_amount": re.compile(
        rf"(?P<basis>比上年|较上年|与上年相比|同比|比\d{{4}}年|较\d{{4}}年|与\d{{4}}\s*年|上年)[^。；;，,\d/]{{0,12}}?"
        rf"(?P<word>{CHANGE_WORD_SRC})\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
    ),
    "change_percent": re.compile(
        rf"(?P<word>{CHANGE_WORD_SRC})(?:了)?(?:幅度)?(?:为)?\s*(?P<number>{NUMBER_SRC})\s*[%％]"
    ),
    "change_flat": re.compile(r"(?P<basis>比上年|较上年|与上年|同比)[^。；;，,\d]{0,8}?(?P<word>基本持平|持平|无变化)"),
}

#: Units of measure seen after target numbers, for documentation and tests;
#: parse_target accepts any digit-free unit up to 10 characters.
COMMON_TARGET_UNITS: Final[tuple[str, ...]] = (
    "%",
    "人",
    "人次",
    "户",
    "个",
    "次",
    "场",
    "项",
    "万元",
    "元",
    "元/人",
    "万元/个",
    "天",
    "个月",
    "分",
)


# ===========================================================================
# Topic: document context and organisation names
# ===========================================================================

#: Endings of official names of public bodies and their units, longest first
#: in the regex.  Bare "会" is deliberately absent (社会, 大会 are not bodies).
ORG_NAME_SUFFIXES: Final[tuple[str, ...]] = (
    "总工会",
    "工会委员会",
    "工会",
    "委员会",
    "联合会",
    "研究会",
    # people's organisations whose names end in 会 alone (bare 会 is no ending: 社会, 大会)
    "红十字会",
    "联谊会",
    "协会",
    "人民政府",
    "办公室",
    "办公厅",
    "管理局",
    "局",
    "厅",
    "委",
    "中心",
    "工作站",
    "交流站",
    "监督站",
    "站",
    "文化宫",
    "宫",
    "俱乐部",
    "疗养院",
    "院",
    "馆",
    "大学",
    "学校",
    # schools publishing their own budgets ("某市第一中学2024年单位预算")
    "中学",
    "小学",
    "幼儿园",
    "学院",
    "所",
    "秘书处",
)

#: Endings of place names that begin an official name (湖北省, 宜昌市, 某某县 ...).
PLACE_SUFFIXES: Final[tuple[str, ...]] = ("自治区", "自治州", "自治县", "特别行政区", "省", "市", "州", "县", "区", "盟", "旗")

#: Characters that often precede a name in prose and are not part of it.
NAME_LEAD_STOPCHARS: Final[str] = "在和向对与及由为是从把被给的了将经即"

#: Suffixes that mark the reporting body's own accounts, removed from names.
OWN_ACCOUNT_SUFFIXES: Final[tuple[str, ...]] = ("（本级）", "(本级)", "（本级", "本级机关", "本级", "机关本级", "机关")

_CJK = r"\u4e00-\u9fff"
ORG_NAME_SRC: Final[str] = (
    rf"(?:[{_CJK}]{{2,9}}?(?:{_alternation(PLACE_SUFFIXES)}))(?:[{_CJK}（）()]{{0,16}}?)(?:{_alternation(ORG_NAME_SUFFIXES)})"
)

#: Words before 单位/部门/主体 in a cover or header field that name who carries out a
#: project or who evaluates it, not the body that publishes the document: "项目单位：X",
#: "实施单位 X", "评价单位（盖章）：X".  (The commissioning body, 委托单位, is the publisher.)
IMPLEMENTER_FIELD_PREFIXES: Final[tuple[str, ...]] = ("项目实施", "项目", "实施", "执行", "承办", "建设", "用款", "申报")
EVALUATOR_FIELD_PREFIXES: Final[tuple[str, ...]] = ("评价", "受托", "第三方")
_NOT_BODY_LOOKBEHIND = "".join(f"(?<!{re.escape(p)})" for p in IMPLEMENTER_FIELD_PREFIXES + EVALUATOR_FIELD_PREFIXES)

#: A year as printed in a title or header: 2023, or in Chinese numerals digit by digit
#: (二〇二三, 二○二三, 一九九九), which some bodies print in titles ("二〇二二年度部门决算");
#: read with :func:`unionkg.extract.cn_numerals.year_value`.
YEAR_NUMBER: Final[str] = r"(?:(?:19|20)\d{2}|(?:一九|二[〇零○Ｏ])[〇零○Ｏ一二三四五六七八九]{2})"


CONTEXT_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # an official name that starts with a place: 湖北省总工会, 某某县人力资源和社会保障局
    "org_name": re.compile(rf"(?P<name>{ORG_NAME_SRC})"),
    # a county union whose place has one character (沛县总工会, 萧县总工会, 歙县总工会), which
    # org_name (places of two or more) misses: read at the start of a title line only, not after
    # words that make 县 generic (全县, 本县, 该县, 各县, 我县, 每县, 某县)
    "short_county_body": re.compile(rf"^\s*(?P<name>(?![全本该各我每某一两几其此])[{_CJK}]县(?:总工会|工会))"),
    # a table or cover header naming the publishing body: 部门：湖北省总工会 2023 年度 / 单位名称：XX /
    # 主管部门：XX (not "项目单位：X" or "实施单位：X", which name an implementer)
    "header_body": re.compile(
        rf"{_NOT_BODY_LOOKBEHIND}(?:主管部门|主管单位|部门名称|单位名称|预算单位|填报单位|编报单位|部门|单位)\s*[：:]\s*(?!亿元|万元|千元|元)(?P<name>[{_CJK}（）()]{{2,40}}?)\s*(?:(?P<year>{YEAR_NUMBER})\s*年度?|\s{{2,}}|$|金额单位)",
        re.M,
    ),
    # a field naming an implementer or an evaluator, with its value: 项目单位：X / 实施单位 X / 评价单位（盖章）：X
    "not_body_field": re.compile(
        rf"(?P<label>(?:{_alternation(IMPLEMENTER_FIELD_PREFIXES + EVALUATOR_FIELD_PREFIXES)})(?:单位|部门|主体|机构))\s*(?:[（(][^（()）]{{1,6}}[）)])?\s*(?:[：:]\s*|\s+)(?P<name>[^\s：:，,。；;]{{2,40}})"
    ),
    # a printed date: 2022年5月12日
    "date": re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    # what before a date makes it the day a figure is counted at, not the day the document
    # was signed: "截至2022年12月31日，本部门共有车辆2辆" (matched on the text before the date)
    "reference_date_lead": re.compile(r"(?:截至|截止(?:到|至)?|至|到)\s*$"),
    # the heading of a table of contents ("目  录", "目次"): never a line of the title
    "toc_heading": re.compile(r"(?i)目\s*录|目\s*次|contents"),
    # the title of a table on the line below a document title that states its year
    # ("部门支出总表", "公开03表", "附表1"): the first table, not the rest of the title
    "table_title_line": re.compile(r".*表\s*[一二三四五六七八九十\d]{0,3}|(?:公开|附表|表)\s*[\d一二三四五六七八九十]{1,3}\s*表?.*"),
    # a year that the document is about, stated in a title: 2021年部门预算 / 2023 年度部门决算
    "title_year": re.compile(rf"(?P<year>{YEAR_NUMBER})\s*年度?\s*(?:部门|单位)?\s*(?:预算|决算|整体支出|项目支出|绩效)"),
    # any year a title line names as a whole year ("2023年度工作总结", "2022年工作报告"),
    # used when no year is stated with 预算/决算/绩效: a title's year is what the document is about
    "title_plain_year": re.compile(rf"(?P<year>{YEAR_NUMBER})\s*年度?(?![\d\s〇一二三四五六七八九十]*月)"),
}


# ===========================================================================
# Topic: organisations, staffing, duties and tasks
# ===========================================================================

#: Funding types of subordinate units as printed, and their canonical form.
FUNDING_TYPES: Final[dict[str, str]] = {
    "全额拨款": "全额拨款",
    "全额": "全额拨款",
    "差额拨款": "差额拨款",
    "差额": "差额拨款",
    "自收自支": "自收自支",
}

#: Reform classes (分类改革类别) as printed, and their canonical form.
REFORM_CLASSES: Final[dict[str, str]] = {
    "公益一类": "公益一类",
    "公益1类": "公益一类",
    "公益二类": "公益二类",
    "公益2类": "公益二类",
    "参照公务员法管理": "参公",
    "参公": "参公",
    "行政": "行政",
    "经营类": "经营类",
    "生产经营类": "经营类",
}

#: Staffing labels and the category they count.  Checked in order: the first
#: word found in the label decides (退休 before 编制, 在职 before 实有).  A label
#: with none of these words ("行政人员") takes the category of the clause it
#: breaks down ("在职人数 132 人，包括行政人员 39 人").
STAFF_LABEL_CATEGORIES: Final[tuple[tuple[str, str], ...]] = (
    ("退休", "retired"),
    ("离休", "retired"),
    ("在职", "in_service"),
    ("实有", "actual"),
    ("编制", "authorized"),
)

#: Kinds of post printed before 编制 / 在职 / 人员 ("工勤编制", "全额事业在职", "行政人员").
STAFF_POST_TYPES: Final[tuple[str, ...]] = (
    "行政",
    "事业",
    "全额事业",
    "全额拨款事业",
    "差额事业",
    "差额拨款事业",
    "自收自支事业",
    "自收自支",
    "工勤",
    "参公",
    "全部补助事业",
    "部分补助事业",
)

_N = r"(?P<count>\d+)"
#: A count in digits or in Chinese numerals with guards against ordinals, list markers
#: and dates ("编制数九人", "事业单位一个", "等五个部门"; not "第三", "一、", "二〇二三年").
_N_OR_WORDS = COUNT_SRC
#: Characters of a small count in Chinese numerals ("两个", "三个").
_CN_COUNT_CHARS = "一二两三四五六七八九十"
#: A count in digits or Chinese numerals (a unit list's count is not used, only its list).
_N_CN = rf"(?P<count>\d+|[{_CN_COUNT_CHARS}]{{1,3}})"
#: Who the units listed belong to: 下属 / 直属 / 所属 / 下设 / 二级, or the body's kind + 属
#: ("局属", "厅属", "委属", "会属", "局直属").
_UNIT_OWNER = r"(?:下属|直属|所属|下设|二级|[局厅委办院会部]直?属)"
#: What the listed units are called; a bare 机构 only after 下属/直属/所属 ("下设机构" are
#: internal departments).
_UNIT_NOUN = r"(?:二级预算单位|二级单位|二级机构|事业单位|预算单位|单位|(?<=下属|直属|所属)机构)"
#: Words that introduce the list.
_LIST_CONNECTIVES = "分别为|分别是|包括|是|为|即"
ORG_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # 全额拨款事业单位 4 个：A、B / 差额拨款事业单位1个，是X / 自收自支事业单位2个，是A、B
    # (the list itself is read by "list_after_count")
    "funding_list": re.compile(rf"(?P<type>{_alternation(FUNDING_TYPES)})(?:事业单位|事业|单位)\s*(?:有|共)?\s*{_N_OR_WORDS}\s*个"),
    # 公益一类事业单位 2 个：A、B / 参照公务员法管理事业单位1个，为X (the list is read by "list_after_count")
    "reform_list": re.compile(rf"(?P<class>{_alternation(REFORM_CLASSES)})(?:的)?(?:事业单位|事业|单位)\s*(?:有|共)?\s*{_N_OR_WORDS}\s*个"),
    # what follows "N个": an optional parenthesis, then the list: （A、B） / ：A、B / ，分别为A、B / ，为A
    "list_after_count": re.compile(
        r"(?=\s*[^\s；;。])\s*(?:[（(](?P<plist>[^（）()]+)[）)])?\s*[，,：:]?\s*(?:分别是|分别为|是|为|包括)?\s*[：:]?\s*(?P<list>[^；;。\n]*)"
    ),
    # 下属 2 个事业单位，分别为：A（公益一类）、B / 直属事业单位有3个，分别为A、B /
    # 下属单位2个：A、B / 下属二级机构2个，分别为A、B / 局属事业单位两个，即A、B
    "unit_list": re.compile(
        rf"{_UNIT_OWNER}(?:的)?{_UNIT_NOUN}?\s*(?:有|共有|共)?\s*{_N_CN}\s*个\s*(?:{_UNIT_NOUN})?\s*"
        rf"(?:[，,：:]?\s*(?:其中[：:]?\s*)?(?:{_LIST_CONNECTIVES})\s*[：:]?|[：:])\s*(?P<list>[^；;。\n]+)"
    ),
    # the same without a count: 所属二级单位包括A、B / 局属事业单位有A、B / 下属单位：A、B
    "unit_list_uncounted": re.compile(
        rf"{_UNIT_OWNER}(?:的)?{_UNIT_NOUN}\s*(?:(?:有|共有|{_LIST_CONNECTIVES})\s*[：:]?|[：:])\s*(?![\d{_CN_COUNT_CHARS}]+\s*个)(?P<list>[^；;。\n]+)"
    ),
    # 内设 7 个部室，分别为：A、B / 设立 12 个内设机构，分别是：A、B
    "department_list": re.compile(
        rf"(?:内设|设立|设有|下设)\s*{_N_OR_WORDS}\s*个\s*(?:内设机构|部室|科室|处室|股室|职能部室|部门|机构)[^：:。；;]{{0,20}}?[，,]?\s*(?:分别为|分别是|为|是|包括)\s*[：:]?\s*(?P<list>[^；;。\n]+)"
    ),
    # 机关内设办公室、组织部、...13个职能部室
    "department_list_before_count": re.compile(
        rf"内设(?P<list>(?:(?!内设)[^；;。\n《》]){{4,400}}?)(?:等)?\s*{_N_OR_WORDS}\s*个\s*(?:职能部室|内设机构|部室|科室|处室|部门)"
    ),
    # 编制人数 52人 / 行政编制（含参公单位）37人 / 编制总数为86人 / 实有人数 22人 / 编内在职73人 /
    # 全额事业在职30人 / 行政人员 39 人 / 退休人员 28人 / 退休补助 5人 / 在编在职实有人数 5 名
    "staffing": re.compile(
        rf"(?P<label>在编在职实有人数|实有在职人员|实有人数|实有人员"
        rf"|(?:{_alternation(STAFF_POST_TYPES)})?编制(?:总数|人数|数)?"
        rf"|(?:{_alternation(STAFF_POST_TYPES)}|编内|在编)?在职(?:人数|人员)?"
        rf"|(?:{_alternation(STAFF_POST_TYPES)})人员"
        rf"|离退休人员|离退休人数|退休人员|退休人数|离休人员|退休补助(?:人员)?|退休人)"
        rf"\s*(?:[（(][^（()）\d]{{1,12}}[）)])?\s*(?:为|共|有|共有)?\s*{_N_OR_WORDS}\s*(?P<unit>人|名)"
    ),
    # what follows a staffing figure that is then broken down: "编内在职73人，其中：" / "在职人数 132 人，包括"
    "staffing_breakdown": re.compile(r"\s*[，,：:；;]?\s*(?:其中|包括|含)"),
    # 主要职责 / 部门职责 headings
    "duty_heading": re.compile(r"(?:部门|单位|机关)?主要职责|部门职责|主要职能|职责职能|基本职能"),
    # 主要工作任务 / 重点工作安排 / 2023年工作计划 / 年度工作要点 headings (not 完成情况: work done)
    "task_heading": re.compile(
        r"(?:主要|重点|年度|年)工作(?:任务|安排|计划|要点|目标)(?!完成|执行|落实情况|情况)|年度总体工作|工作(?:任务|安排|计划|要点)$|履职总体目标"
    ),
    # a heading that is only the year's key work, "三、2025年重点工作" / "2024年度主要工作": its
    # numbered items are tasks, prose under it is not (it may tell the work of the year before)
    # ("2025年工作重点", "本年度重点工作" too)
    "task_list_heading": re.compile(r"(?:(?:19|20)\d{2}\s*年度?|本?年度)(?:部门)?(?:(?:重点|主要)工作|工作重点)$"),
    # an enumerated item: （一） / (1) / 1. / 一是
    "list_item": re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.)）]|[一二三四五六七八九十]+是)\s*"),
}


# ===========================================================================
# Topic: narrative amounts, changes, projects, flows, evaluations
# ===========================================================================

#: Phase words inside a label and the phase they mark (checked in order).
PHASE_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("调整预算", "adjusted"),
    ("全年预算", "adjusted"),
    ("预算调整后", "adjusted"),
    ("调整后预算", "adjusted"),
    ("调整后的预算", "adjusted"),
    ("年初预算", "budget"),
    ("决算", "final"),
    ("执行数", "final"),
    ("实际支出", "final"),
    ("支出完成", "final"),
    ("完成", "final"),
    ("预算", "budget"),
)

#: Names of budgets (fund sources) that contain the phase word 预算 without naming a phase
#: ("一般公共预算财政拨款基本支出 1708.94 万元" in a final account is a final figure).
BUDGET_NAMES: Final[tuple[str, ...]] = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "国有资本预算", "社会保险基金预算")

#: Label words that say a figure is revenue or expenditure (checked in order).
DIRECTION_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("收支", ""),
    ("收入", "revenue"),
    ("支出", "expenditure"),
    ("拨款", "revenue"),
    ("结转", "revenue"),
    ("经费", "expenditure"),
    ("费", "expenditure"),
    ("补贴", "expenditure"),
    ("补助", "expenditure"),
)

#: Names of a fund whose 拨款 says where money comes from, not that it is income: printed after an
#: item ("机关运行经费财政拨款预算 12.30 万元", "培训费一般公共预算财政拨款"), the item is spent from
#: that fund, so the direction is the item's (DIRECTION_WORDS read before the fund's name); a label
#: that opens with the fund ("财政拨款 50 万元", "财政拨款经费") is the income of that fund.
FUND_NAMES_AFTER_ITEM: Final[tuple[str, ...]] = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "财政拨款")

#: Fund sources named in labels, the most specific first: a label naming the fund's full name
#: ("一般公共预算财政拨款基本支出") gets the name the tables of that fund set
#: (final_accounts.TABLE_KINDS: "一般公共预算财政拨款"), as the figures of its section do
#: (fund_sections.FUND_HEADING_SOURCES).
FUND_SOURCES: Final[tuple[str, ...]] = (
    "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
    "一般公共预算", "财政拨款", "政府性基金", "国有资本经营", "上年结转", "财政资金", "工会经费",
)  # fmt: skip

#: Words stripped from the start of a label (connectives, subjects).
LABEL_LEAD_NOISE: Final[tuple[str, ...]] = ("（本级）", "(本级)", "本级", "其中", "包括", "另外", "具体为", "合计", "共计", "共", "本部门", "本单位", "我单位", "我部门", "我会", "部门", "单位", "各单位", "安排", "以及", "与", "和", "及")
#: Endings of a section heading that ingest glued to the paragraph after it
#: ("四、…基本支出决算情况说明本部门 2023 年度…基本支出 1708.94 万元"): a label starts after them.
LABEL_GLUED_HEADING_ENDS: Final[tuple[str, ...]] = ("情况说明",)
#: Words stripped from the end of a label.
LABEL_TAIL_NOISE: Final[tuple[str, ...]] = ("（类）", "(类)", "（款）", "(款)", "（项）", "(项)", "共计", "为", "是", "共", "达", "约", "安排", "均为", "由", "从")

#: Grades as printed and their canonical form.
GRADES: Final[dict[str, str]] = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "合格": "中", "中": "中", "不合格": "差", "差": "差"}

NARRATIVE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # "，占支出预算总额的 96%" right after an amount
    "share_after_amount": re.compile(rf"\s*[，,；;]?\s*(?:分别)?占[^，。；;%\d]{{0,24}}?\s*(?P<number>{NUMBER_SRC})\s*[%％]"),
    # the stated reason of a change: 主要原因：... / 增加的原因主要是... / 减少原因：... (to the end of its
    # sentence; it may start on the next line, but "减少的主要原因:" before a blank line or a list
    # marker (（一）…) introduces a list, not a reason; "增加的原因主要是…": 主要是 is no part of the reason)
    "reason": re.compile(r"(?:主要原因|原因主要是|主要原因是|原因是|原因为|差异主要原因|增加原因|减少原因|增加的原因|减少的原因)(?:主要)?[是为]?[ \t　]*[：:]?[ \t　]*"
        r"(?:\n(?!\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]))[ \t　]*)?(?P<reason>[^。\n：:][^。\n]*)"),
    # a reason stated right after a change without the word 原因 ("…增加 30 万元，主要是A增加 30 万元",
    # "…，主要系…", "…，由于…"): only believed right after a change statement (see
    # narrative._reason_match_right_after), since "支出主要是工资福利支出" elsewhere is no reason
    "reason_after_change": re.compile(r"(?:主要是由于|主要是因为|主要由于|主要因为|主要是|主要系|系因|是由于|由于)[ \t　]*(?P<reason>[^。\n：:][^。\n]*)"),
    # (e17) words naming what a reason explains, between a final figure's rate (or the figure, after the
    # punctuation of the gap) and the reason stated for it ("超支的主要原因是…", "未完成预算的原因是…",
    # "预决算差异主要原因：…", "决算数大于预算数的主要原因是…", "执行率较低主要是…"); the reason itself is
    # matched by "reason" / "reason_after_change" right after them (used with .match)
    "completion_reason_lead": re.compile(
        r"(?:超支|超预算|超出预算|未完成(?:年初)?预算|没有完成(?:年初)?预算|未完成|未达到(?:年初)?预算|预决算差异|"
        r"决算(?:数)?(?:与|和|较)(?:年初|全年|调整)?预算(?:数)?(?:存在)?差异|决算(?:数)?(?:大于|小于|高于|低于|超过|超出)(?:年初|全年|调整)?预算(?:数)?|"
        r"执行率(?:偏低|较低|低)|完成率(?:偏低|较低|低)|结余|节支|差异)(?:较大)?的?"
    ),
    # a template placeholder reason or change: ****** / 增加/减少
    "placeholder": re.compile(r"\*{3,}|增加/减少|增加（减少）|XX|××"),
    # a number printed without a unit and followed by a clause break or a share, in a
    # list of amounts: "社会保障和就业支出 209.03，占支出预算总额 6.5%"
    "bare_number_in_list": re.compile(rf"(?<![\d.,])(?P<number>{NUMBER_SRC})(?=\s*(?:[，,；;。]|占))"),
    # a label that introduces the prior year's figure ("比上年 4.62 万元", "较2018年"), not 上年结转/上年结余 (items of the year)
    "prior_year_label": re.compile(r"^\s*(?:比|较|与|同比|上年(?!结转|结余|末结转))"),
    # a threshold, not an amount: 200 万元以上 / 100 万元（含）以上
    "threshold_after_amount": re.compile(r"^\s*(?:（含）|\(含\))?\s*(?:以上|以下|以内)"),
    # project list: 项目共计 9 个，分别是：A 3100 万元，B 37 万元
    "project_list": re.compile(rf"项目(?:共计|共|有)?\s*{_N}\s*个\s*[，,]?\s*(?:分别是|分别为|包括|是)\s*[：:]?\s*(?P<list>[^。]+)"),
    # one item of a project list: name then amount
    "project_list_item": re.compile(rf"(?P<name>[^，,；;、：:\d]+?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"),
    # one project named in a budget: 一级项目 1 个，是 X项目
    "project_named": re.compile(rf"项目\s*{_N}\s*个\s*[，,]\s*(?:是|为)\s*(?P<name>[^。，,；;]+?)[。；;]"),
    # a project's attribute lines: 项目概述：/ 实施主体：/ 实施周期：/ 年度预算安排：
    "project_field": re.compile(r"(?P<field>项目概述|项目内容|实施主体|实施单位|实施周期|实施期限|年度预算安排|预算安排)\s*[：:]\s*(?P<value>[^\n]+)"),
    # a period: 2021 年 4月 30 日—2022 年 4月 30 日
    "period": re.compile(r"(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?:(?P<d1>\d{1,2})\s*日)?\s*(?:—|－|-|–|至|到|~|～)+\s*(?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?:(?P<d2>\d{1,2})\s*日)?"),
    # X项目预算执行率 72.50% / 总体预算执行率为95.40%
    "execution_rate": re.compile(rf"(?P<name>[^，,。；;：:\s]{{2,30}}?)(?:项目)?(?:预算|资金)?执行率(?:为|达到|达)?\s*(?P<number>{NUMBER_SRC})\s*[%％]"),
    # payment to a recipient: 拨付给 X 130 万元包干费用，用于 Y
    "flow_payment": re.compile(
        rf"(?P<payer>[^，,。；;]{{0,20}}?)(?:拨付给|支付给|付给|划拨给|转拨给|补助给)\s*(?P<payee>[^，,。；;\d]{{2,40}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})(?P<what>[^，,。；;]{{0,12}})(?:[，,]\s*用于(?P<purpose>[^，,。；;]+))?"
    ),
    # aid to a group: 向 X 实际发放生活补贴 800 万元，其中退休人员 597 人，遗孀遗属 550 人
    "flow_aid": re.compile(
        rf"(?:向|对|给|为)\s*(?!{CN_COUNT_SRC}\s*(?:户|人|名|家))(?P<payee>[^，,。；;\d]{{2,30}}?)\s*(?:实际)?(?:发放|拨付|资助)(?P<what>[^，,。；;\d]{{0,12}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})(?:[，,]\s*(?P<detail>其中[^。；;]+))?"
    ),
    # (a payee counted in words, "为四十五名困难职工子女发放助学金", is a counted recipient below, not a name)
    # counted recipients: 对 80 户帮扶对象 / 核实认定 80 户困难职工 / 发放 55 名市直离退休劳动模范津贴 / 为四十五名困难职工子女
    "recipient_count": re.compile(rf"(?:对|向|为|给|认定|核实认定|资助|帮扶|救助|慰问|发放)\s*(?P<count>\d+|{CN_COUNT_SRC})\s*(?P<unit>户|人|名|家)(?P<group>[\u4e00-\u9fff]{{2,14}}?)(?:实施|开展|发放|进行|津贴|补贴|，|。|的)"),
    # counted recipients named before their count, then paid: "走访慰问困难职工 120 人，发放慰问金 36 万元"
    "recipient_then_paid": re.compile(
        rf"(?P<verb>慰问|救助|帮扶|资助|补助|补贴)(?P<group>[\u4e00-\u9fff]{{2,12}}?)\s*(?P<count>\d+|{CN_COUNT_SRC})\s*(?P<cunit>人次|户次|户|人|名)"
        rf"\s*[，,]\s*(?:共|累计)?(?:发放|拨付|支付)(?P<what>[^，,。；;\d]{{0,12}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
    ),
    # paid, then the counted recipients: "给予困难职工生活救助补助资金 58.20 万元，惠及困难职工家庭 360 户"
    "paid_then_recipient": re.compile(
        rf"(?:发放|给予|拨付|支付)(?P<what>[^，,。；;\d]{{2,20}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
        rf"\s*[，,]\s*(?:惠及|帮扶|救助|资助|覆盖|慰问)(?P<group>[\u4e00-\u9fff]{{2,12}}?)\s*(?P<count>\d+|{CN_COUNT_SRC})\s*(?P<cunit>人次|户次|户|人|名)(?![\u4e00-\u9fff])"
    ),
    # an evaluation score: 自评91.50分 / 平均得分为 96.80 分 / 综合得分 88 分
    "evaluation_score": re.compile(rf"(?P<what>自评得分|自评总分|自评|平均得分|平均分|综合得分|总得分|评价得分|得分|评分|总分)\s*(?:为|是)?\s*(?P<number>{NUMBER_SRC})\s*分"),
    # an evaluation grade: 评价等级为“优” / 评价结果为“良” / 自评完成情况“优秀” / 等级为良好 / 评价结果：中
    "evaluation_grade": re.compile(
        rf"(?P<what>评价等级|绩效评价等级|评价结果|自评结果|自评等级|自评完成情况|自评结论|绩效等级|等级)\s*"
        rf"(?:(?:为|是|：|:|评定为|确定为)\s*[“\"「『]?|[“\"「『])(?P<grade>{_alternation(GRADES)})(?:[”\"」』]|(?=[^\u4e00-\u9fff]|$|等次|档次|级))"
    ),
    # text before a score that makes it a rule or an indicator's share, not an evaluation
    "evaluation_score_not_total": re.compile(r"[≥≤<>=＜＞]|分值|满分|共\s*$|扣|指标[^，。；;]{0,10}$"),
    # text before a grade that makes it a grading rule or a count ("分值≥90 分，评价结果为优", "9 个项目等级为优")
    "evaluation_grade_rule": re.compile(r"[≥≤<>=＜＞]|分值|\d+\s*个"),
    # words near a grade that make it an evaluation's
    "evaluation_context": re.compile(r"自评|整体支出|绩效评价|评价"),
    # a score that is the mean of several evaluations: 平均得分 / 平均分 / 平均自评得分
    "evaluation_mean": re.compile(r"平均"),
    # the project a score belongs to, at the end of the text before it: "送温暖资金项目自评 95 分"
    "evaluation_project": re.compile(r"(?P<name>[^，,。；;：:、\s]{2,30}?项目)(?:支出)?(?:绩效)?(?:自评|评价)?(?:结果)?\s*$"),
    # a project named earlier in the sentence of a score: "职工书屋建设项目预算执行率为 45.2%，项目自评得分 55 分"
    "evaluation_project_in_sentence": re.compile(r"(?P<name>[^，,。；;：:、\s\d%％]{2,30}?项目)(?!支出|资金|经费)"),
    # names that are not one project ("所有项目", "部门项目", "9个项目")
    "evaluation_not_one_project": re.compile(r"^(?:所有|各|全部|部门|整体|本部门|其他|其余|该|从)|\d|[和及与]"),
}

#: Every match of ``NARRATIVE_PATTERNS["execution_rate"]`` holds 执行率 at most 34
#: characters after its start (a name of up to 30, 项目, 预算/资金): the
#: (anchors, lead) that lets ``scan.finditer_near`` try only the positions before it.
EXECUTION_RATE_ANCHOR: Final[tuple[tuple[str, ...], int]] = (("执行率",), 34)
#: Every match of ``NARRATIVE_PATTERNS["flow_payment"]`` holds one of its payment words
#: at most 20 characters after its start (the payer's longest name).
FLOW_PAYMENT_ANCHOR: Final[tuple[tuple[str, ...], int]] = (("拨付给", "支付给", "付给", "划拨给", "转拨给", "补助给"), 20)

#: Words in the label of a count stated in prose that make it a 三公 or asset count
#: ("全年安排因公出国（境）团组 0 个", "公务用车保有量 0 辆", "国内公务接待 0 批", "共有车辆 0 辆（台）").
COUNT_ITEM_WORDS: Final[tuple[str, ...]] = ("团组", "出国", "出境", "接待", "公务用车", "车辆", "用车", "保有量", "设备", "累计")
#: Words stripped from the start of a count's label (who, when, how it was paid).
COUNT_LABEL_LEAD_NOISE: Final[tuple[str, ...]] = (
    "其中", "本部门", "本单位", "部门预算", "单位预算", "部门", "单位", "全年", "年末", "年初", "共有", "共", "安排", "使用财政拨款", "负担费用的", "财政拨款",
    "计划", "预计", "拟",  # a budget's plan ("计划安排国内公务接待 15 批次"): the phase says it is planned
)
#: Trailing words of a count's item that name what is counted, removed when a
#: following "累计 x 人次" takes the item ("因公出国（境）团组 0 个，累计 0 人次" -> "因公出国（境）人次").
COUNT_GROUP_WORDS: Final[tuple[str, ...]] = ("团组数", "团组", "批次", "批")
#: Units of counts stated in prose, as printed (parentheses in either width).
COUNT_UNIT_SRC: Final[str] = r"人次|个|辆\s*[（(]台[）)]|辆|批次|批|台\s*[（(]套[）)]|台套|台|套"

#: Phase words in front of a reason component's item that say which figure changed, not what
#: ("年初预算离休费增加 2 万元": the budget of 离休费).  Only unambiguous ones: "预算绩效评价项目" is a name.
REASON_ITEM_PHASE_PREFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("年初预算", "budget"),
    ("全年预算", "adjusted"),
    ("调整后预算", "adjusted"),
    ("调整预算", "adjusted"),
)
#: How a reason is split into its components ("离退休费减少 362.52 万元，住房公积金增加 57.18 万元").
REASON_COMPONENT_BREAKS: Final[str] = "，,；;、"
#: What leads a reason's component but is not part of its item: "其中" opening the list of
#: items ("压减一般性支出，其中会议费减少 10 万元"), a year naming the item's year ("2019年一次性
#: 项目减少 30 万元": the item is 一次性项目), a list marker ("一是", "（1）", "2."), "由于".
#: Used with .match at a clause's start (no ^: a position is given).
REASON_COMPONENT_LEAD: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:其中\s*[：:]?|(?:19|20)\d{2}\s*年度?|[一二三四五六七八九十]是|[(（]?\d{1,2}[)）.、]|[(（][一二三四五六七八九十][)）]|由于)\s*"
)
#: Items of a reason's clause that name no item of the budget: a sum of the clause's own
#: figures ("合计减少 30 万元", "共计增加 5 万元"), or items changed together ("A、B共减少
#: 30 万元": "B共" is no item; "分别" lists are read by REASON_RESPECTIVELY).
REASON_NOT_ITEM: Final[re.Pattern[str]] = re.compile(r"^(?:合计|共计|总计|小计|累计|总共|一共)$|(?:共计|合计|总共|一共|共|分别|均|各|都)$")
#: Several items of a reason with one change word and one amount each, in order ("会议费、培训费
#: 分别减少 10 万元和 20 万元", "A和B分别增加 5、3 万元"): one component per item when the
#: counts agree.  Searched in a reason from a clause start (used on a slice: ^ is its start).
REASON_RESPECTIVELY: Final[re.Pattern[str]] = re.compile(
    rf"(?:^|(?<=[，,；;]))(?P<items>[^，,；;：:。\d]{{2,60}}?)分别(?P<word>增加|减少|增长|下降|降低|提高)了?\s*"
    rf"(?P<amounts>{NUMBER_SRC}\s*(?:{MONEY_UNIT_SRC})?(?:\s*(?:、|和|及|，|,)\s*{NUMBER_SRC}\s*(?:{MONEY_UNIT_SRC})?)+)"
)
#: How the items and the amounts of REASON_RESPECTIVELY are listed.
REASON_RESPECTIVELY_ITEM_BREAK: Final[re.Pattern[str]] = re.compile(r"、|和|及|与")
REASON_RESPECTIVELY_AMOUNT: Final[re.Pattern[str]] = re.compile(rf"(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})?")

NARRATIVE_PATTERNS.update(
    {
        # the stated rate of a final figure against the budget, right after it:
        # "，完成年初预算的 114.70%" / "，完成全年预算的 98%" / "，为年初预算的 100%" / "，完成预算金额的 100%"
        "completion_after_amount": re.compile(
            rf"\s*[，,]?\s*(?:完成|为|达到|占)(?:了)?(?:年初|全年|调整后的?|调整)?预算(?:数|金额|资金)?(?:的)?\s*(?P<number>{NUMBER_SRC})\s*[%％]"
        ),
        # the execution rate of a body's (or unit's) whole budget, in the sentence after its final figure:
        # "总体预算执行率为96.13%" / "预算执行率为 95.40%" / "整体支出执行率达 100%" (not a project's: "X项目预算执行率")
        "overall_execution_rate": re.compile(
            rf"(?:^|(?<=[，,。；;\s)）]))(?P<what>总体预算执行率|整体预算执行率|整体支出执行率|预算执行率|资金执行率|执行率)(?:为|达到|达|是)?\s*(?P<number>{NUMBER_SRC})\s*[%％]"
        ),
        # one component of a stated reason: item, change word, amount ("住房公积金增加 57.18 万元")
        "reason_component": re.compile(
            rf"^\s*(?P<item>[^，,；;：:、。\d]{{2,30}}?)\s*(?:比上年|较上年|比去年|较去年|同比)?\s*(?P<word>增加|减少|增长|下降|降低|提高)了?\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})\s*$"
        ),
        # the same with the change word first ("年初预算减少工资福利支出 4 万元", "财政年中增加引进人才费用 5 万元")
        "reason_component_verb_first": re.compile(
            rf"^\s*(?P<lead>[^，,；;：:、。\d]{{0,8}}?)(?P<word>增加|减少)了?(?P<item>[^，,；;：:、。\d]{{2,30}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})\s*$"
        ),
        # a count stated in prose: number and a count unit ("团组 0 个", "公务用车 0 辆", "0 台（套）")
        # (in digits or in words: "国内公务接待十二批次", "公务用车保有量两辆"; see extract.cn_numerals)
        # the day a stock is counted at, stated before the count in its sentence: "截至2022年12月31日，
        # 本部门共有车辆2辆" / "截止到2022年底" / "截至 2021 年末" (the year the count belongs to)
        "count_reference_date": re.compile(
            r"(?:截至|截止(?:到|至)?)\s*(?P<year>(?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\s*[底末])?"
        ),
        # a year's end that opens a clause before a count, without 截至: "2023年末，本部门共有车辆3辆",
        # "2023年12月31日，…" (a month alone, "2023年12月购置", is a date of an event)
        "count_year_end_day": re.compile(
            r"(?:^|(?<=[，,；;。\n]))\s*(?P<year>(?:19|20)\d{2})\s*年\s*(?:[末底]|12\s*月\s*31\s*日)\s*(?=[，,])"
        ),
        # the day a count is taken at, in brackets right after it: "共有车辆3辆（截至2023年12月31日）"
        "count_day_after": re.compile(
            r"\s*[（(]\s*(?:截至|截止(?:到|至)?)\s*(?P<year>(?:19|20)\d{2})\s*年[^）)]{0,12}[）)]"
        ),
        # a year that opens a clause of a count after a reference day in its sentence ("截至2023年底
        #共有车辆 3 辆，2024年计划购置公务用车 1 辆"): the later count is of that year, not counted
        # at the day (a day itself, "2024年底" / "2024年6月", and a compared year "比2022年" are not)
        "count_clause_year": re.compile(r"(?:^|(?<=[，,；;。]))\s*(?P<year>(?:19|20)\d{2})\s*年(?!\s*(?:\d{1,2}\s*月|[底末]))"),
        "count_in_prose": re.compile(rf"(?<![\d.,])(?P<count>\d+(?:\.\d+)?|{CN_COUNT_SRC})\s*(?P<unit>{COUNT_UNIT_SRC})"),
        # the asset threshold that is part of an equipment count's label:
        # "单价 100 万元（含）以上设备（不含车辆）0 台（套）", "单位价值 50 万元以上通用设备 0 台（套）"
        "count_equipment": re.compile(
            rf"(?P<label>(?:单价|单位价值|单台价值|单件价值)\s*\d+\s*万元\s*(?:[（(]含[）)])?\s*以上[^，,。；;\d]{{0,24}}?)\s*(?P<count>\d+|{CN_COUNT_SRC})\s*(?P<unit>{COUNT_UNIT_SRC})"
        ),
    }
)

#: Words before an evaluation that say who evaluated (checked in order; default 自评).
EVALUATION_KIND_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("第三方", "third_party"),
    ("委托", "third_party"),
    ("部门评价", "department"),
    ("财政评价", "department"),
    ("财政重点评价", "department"),
    ("自评", "self"),
)

#: Report-title words of an evaluation report on one project and the kind of evaluation they
#: name (checked in order); "" leaves the kind to the cover's evaluator fields.
PROJECT_REPORT_KIND_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("部门评价", "department"),
    ("财政评价", "department"),
    ("重点评价", "department"),
    ("自评", "self"),
    ("评价", ""),
)

NARRATIVE_PATTERNS.update(
    {
        # the title line of an evaluation report that may be on one project (the cover's
        # 项目名称 field decides): "2023年度XX专项资金部门评价报告" / "XX项目绩效评价报告" /
        # "部门评价报告"; not a whole-department report ("部门整体支出绩效自评报告") nor a sentence
        "project_report_title": re.compile(
            rf"^\s*(?!.*整体)(?P<lead>[^\n，,。；;：:]{{0,60}}?)(?P<kind>{_alternation(w for w, _k in PROJECT_REPORT_KIND_WORDS)})报告\s*$"
        ),
        # the cover field naming the one project a report is about: 项目名称：X / 项目名称 X
        "project_name_field": re.compile(r"^\s*项目名称\s*(?:[：:]\s*|\s+)(?P<name>\S[^\n]*?)\s*$"),
        # words in a score's sentence that make it the whole body's, even inside a project report
        "evaluation_whole_body": re.compile(r"整体|全部门|本部门"),
    }
)


# ===========================================================================
# Topic: money in narrative prose that is not a total of the year
# (tests/extract/test_narrative_rt3.py)
# ===========================================================================

#: Words in a clause of a stated reason that make its amount a part of the budget that
#: is not a total, the qualifier they mean (:attr:`unionkg.model.Amount.qualifier`) and
#: the phase of the figure ("" keeps the phase the clause's words name): "财政年中追加工会
#: 干部培训经费 38.00 万元" is money added to the budget during the year; "困难职工帮扶
#: 年初预算结余 7.50 万元，未支出" the unspent balance of a budget.  Checked in order.
AMOUNT_QUALIFIERS: Final[tuple[tuple[str, str, str], ...]] = (
    ("年中追加", "mid_year_addition", "adjusted"),
    ("年中增加", "mid_year_addition", "adjusted"),
    ("年中调增", "mid_year_addition", "adjusted"),
    ("追加", "mid_year_addition", "adjusted"),
    ("年初预算结余", "unspent_balance", "budget"),
    ("预算结余", "unspent_balance", "budget"),
    ("资金结余", "unspent_balance", ""),
    ("结余", "unspent_balance", ""),
)
#: Words before a qualifier that say who decided it, not what it is ("财政年中追加", "省财政厅追加").
QUALIFIER_LEAD_NOISE: Final[tuple[str, ...]] = ("经", "由", "财政", "省财政厅", "市财政局", "县财政局", "区财政局", "财政厅", "财政局", "上级", "省财政", "市财政", "县财政", "区财政")

#: What a rate is per ("300 元/月", "每人 5 万元", "每户每月 300 元") and its qualifier; a
#: period (月/年/天) wins over a person or thing when both are printed.
RATE_PER_UNITS: Final[dict[str, str]] = {
    "月": "rate_per_month",
    "年": "rate_per_year",
    "天": "rate_per_day",
    "日": "rate_per_day",
    "人次": "rate_per_person",
    "人": "rate_per_person",
    "名": "rate_per_person",
    "户": "rate_per_household",
    "个": "rate_per_item",
    "项": "rate_per_item",
    "次": "rate_per_item",
    "场": "rate_per_item",
    "件": "rate_per_item",
}
RATE_PERIODS: Final[tuple[str, ...]] = ("rate_per_month", "rate_per_year", "rate_per_day")
_PER_SRC = _alternation(RATE_PER_UNITS)
#: Units of a count printed before a thing's name in a label ("0 台设备 0 万元"): the count is
#: the number of that thing.  Units of people ("25 户帮扶对象医疗费用…总额") stay in the item.
THING_COUNT_UNITS: Final[tuple[str, ...]] = ("台套", "台", "套", "辆", "件", "个", "项", "处", "座")
PEOPLE_COUNT_UNITS: Final[tuple[str, ...]] = ("人次", "户", "人", "名", "家")

NARRATIVE_MONEY_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a rate with the unit it is per after the money unit: "2800 元/月", "500 元／人", "1.2 万元/人次"
    "rate_slash": re.compile(rf"(?<![\d.,])(?P<number>{NUMBER_SRC})\s*(?P<unit>万元|千元|元)\s*[/／]\s*(?P<per>{_PER_SRC})"),
    # a rate with 每 before the amount: "每户每月 300 元", "每人 2 万元", "每项竞赛补助 4 万元"
    "rate_each": re.compile(
        rf"每\s*(?P<per>{_PER_SRC})(?:\s*每\s*(?P<per2>{_PER_SRC}))?(?P<mid>[^，,。；;：:\d]{{0,12}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
    ),
    # an average per person or household: "人均补助 500 元" / "户均救助 2000 元" (a rate, not a total)
    "rate_average": re.compile(rf"(?P<per>人|户)均\s*(?P<mid>[^，,。；;：:\d]{{0,12}}?)\s*(?:为|达|约)?\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"),
    # what a rate pays, named after it: "…的标准发放生活补贴" / "的标准给予一次性奖励" / "按 600 元/人发放慰问金"
    "rate_item_after": re.compile(r"\s*(?:的)?\s*(?:(?:补助|发放|补贴)?标准)?\s*(?:发放|给予|补助|补贴|支付|计发|拨付|安排|用于)(?:了)?\s*(?P<item>[^，,。；;\d（(]{2,16})"),
    # a comparator right before a number: a target or actual value of an indicator, not a rate stated in prose
    "rate_target_before": re.compile(r"(?:[≥≤<>=＝≦≧﹦═]|不超过|不低于|不少于|不高于|小于|大于|等于)\s*$"),
    # money handed back to the finance department: "将剩余资金 12.40 万元全部上缴市财政局" /
    # "结余资金 2 万元已缴回县财政局" (from the number on; what was handed back is read before it)
    "flow_return": re.compile(
        rf"(?<![\d.,])(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})\s*(?:全部|全额|已|均)?\s*(?:上缴|缴回|退回|交回|返还)(?:给|至|到)?\s*(?P<payee>[^，,。；;\d]{{2,20}}?)(?=[，,。；;\n]|$)"
    ),
    # the same with the verb first: "上缴县财政局结余资金 2.35 万元" (the payee names a finance body)
    "flow_return_verb_first": re.compile(
        rf"(?:上缴|缴回|退回|交回)(?:给|至|到)?\s*(?P<payee>[^，,。；;\d]{{0,12}}?(?:财政厅|财政局|财政|国库))\s*(?P<what>[^，,。；;\d]{{0,10}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
    ),
    # a budget revised from one amount to another: "该项目2024年预算从 60 万元调减至 45 万元" /
    # "预算由 60 万元调减为 45 万元" (from 从/由 on; the label is read before it)
    "budget_revision": re.compile(
        rf"(?:从|由)\s*(?P<from>{NUMBER_SRC})\s*(?P<from_unit>{MONEY_UNIT_SRC})\s*"
        rf"(?P<verb>下调|上调|调减|调增|调整|减少|增加|压减|降低|提高|缩减|核减|核增|降|增)(?:至|到|为)\s*(?P<to>{NUMBER_SRC})\s*(?P<to_unit>{MONEY_UNIT_SRC})"
    ),
    # a project named in prose: “X”项目 / a paragraph that starts with "X项目："
    "project_mention": re.compile(r"[“\"「](?P<quoted>[^”\"」\n]{2,30})[”\"」]\s*项目|(?:^|\n)\s*(?P<head>[^\n，,。；;：:“”\"]{2,30}?)项目\s*[：:]"),
    # a reference back to the project just named: 该项目 / 此项目 / 本项目
    "project_back_reference": re.compile(r"(?:该|此|本|这个)项目"),
    # a year-on-year change whose direction the template leaves open: "比上年增加/减少 0 万元",
    # "比上年增加（减少）0.50 万元" (of 0: flat; of anything else: the sign is unknown)
    "change_direction_unstated": re.compile(
        rf"(?P<basis>比上年|较上年|同比)\s*(?:增加|增长|增)\s*(?:[/／、或]\s*|[（(]\s*)(?:减少|下降|减)\s*[）)]?\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
    ),
    # a year-on-year change stated with its percentage first: "较上年增长 6.25%，增加 75.66 万元" / "同比下降 3%"
    "change_percent_first": re.compile(
        rf"(?P<basis>比上年|较上年|与上年相比|同比)[^。；;，,\d/]{{0,8}}?(?P<pword>{CHANGE_WORD_SRC})(?:了)?(?:幅度)?(?:为)?\s*(?P<pct>{NUMBER_SRC})\s*[%％]"
        rf"(?:\s*[，,]?\s*(?P<word>{CHANGE_WORD_SRC})(?:了)?\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC}))?"
    ),
    # words before a figure that make it the prior year's ("比2019年（上一年）预算", "上年决算数为"), not "比年初预算"
    "prior_year_words": re.compile(r"上年|上一年|去年|前一年|(?:19|20)\d{2}\s*年"),
    # a change stated without 比上年 at the end of a label: "工会信息化项目减少" / "支出增加了"
    "label_change_word": re.compile(r"(?P<item>\S.*?)\s*(?P<word>增加|减少|增长|下降|降低|提高)了?\s*$"),
    # a comparison with the prior year in the text before a bare change word ("与上年相比，增加 40.20 万元")
    "yoy_basis_before": re.compile(r"上年|上一年|去年|同比"),
    # a label comparing a figure with the year's budget, ending in the change word: "比年初预算增加" / "较预算减少"
    "budget_difference_label": re.compile(r"^\s*(?:比|较|与)\s*(?:年初|全年|调整后?的?)?预算(?:数)?(?:相比)?\s*(?P<word>增加|减少|增长|下降|节约|超支)了?\s*$"),
    # a comparison with the budget of the year ("与年初预算 850.00 万元相比，增加…", "比年初预算增加"): not year on year
    "budget_basis_before": re.compile(r"(?:与|比|较)\s*(?:年初|全年|调整后?的?)?预算"),
    # the end of a label that makes its figure an indicator's target or actual value in a table read as
    # prose ("成本指标 经济成本 人均培训成本 ≤"), or a label with no word at all ("=")
    "label_not_an_item": re.compile(r"[≥≤<>=＝≦≧﹦═]\s*$|^[^\u4e00-\u9fff]*$"),
    # a year in front of the label of an amount, which the figure belongs to ("2023年预算数为 468.70 万元"
    # in a 2024 budget); not a date ("2023年12月31日")
    "label_year_lead": re.compile(
        r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|[一二三四五六七八九十]+[、．.])?\s*(?P<year>(?:19|20)\d{2})\s*年度?(?!\s*\d{1,2}\s*月)"
    ),
    # a part of the year in the clause of an amount ("第四季度支出 95 万元", "上半年支出", "1-6月支出",
    # "1至9月"): the figure of a quarter or months, never the year's; a duration ("3个月"), a day
    # ("12月31日") and a year-end ("年底") are not parts
    "sub_year_period": re.compile(
        r"(?:前|第)?[一二三四1-4]季度|[上下]半年|(?<![\d.个])\d{1,2}\s*(?:[-－—~～至到]\s*\d{1,2}\s*)?月份?(?!\s*\d{1,2}\s*[日号])(?![\d])"
    ),
    # what may come before a unit's name at the start of the sentence that states the unit's figures
    # ("其中，某区职工服务中心基本支出 98.60 万元", "（二）某市工人文化宫2024年收入预算…")
    "sentence_subject_lead": re.compile(
        r"\s*(?:(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,2}、)\s*(?:其中|另外|此外|同时)?|其中|另外|此外|同时)\s*[，,：:]?\s*"
    ),
    # a time phrase in front of the label of an amount: "从2024年起将“X”项目费用由 130 万元…" / "自2023年开始"
    "label_time_lead": re.compile(r"^\s*(?:从|自)\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:起|开始|以来)\s*[，,]?\s*(?:将|把)?\s*"),
    # a count in front of the label of an amount: "0 台设备" / "25 户帮扶对象医疗费用个人自付总额" / "0 设备"
    "count_label": re.compile(
        rf"^\s*(?:与|和|及|以及)?\s*(?P<count>\d+)(?!\s*[年月日号期])\s*(?P<unit>{_alternation(THING_COUNT_UNITS + PEOPLE_COUNT_UNITS)})?\s*(?P<noun>[\u4e00-\u9fff“”（）()]{{1,30}})$"
    ),
}


# ===========================================================================
# Topic: counts of work done stated in prose (outputs of a performance report)
# ===========================================================================

#: Measure words of an output count ("开展竞赛 250 多场次", "慰问职工 2 万人"), longest first in the regex.
OUTPUT_COUNT_UNITS: Final[tuple[str, ...]] = (
    "场次", "人次", "户次", "场", "人", "个", "家", "户", "名", "条", "篇", "次", "批", "期", "项", "件", "份", "支", "所", "册",
)
#: Words that make a count an approximation; kept with the item ("250 多场次" -> "开展竞赛（约数：多）").
OUTPUT_APPROX_WORDS: Final[tuple[str, ...]] = ("多", "余", "近", "约", "逾", "超过", "左右")
#: Heading words of a section that reports work done.
OUTPUT_ACHIEVEMENT_HEADING_WORDS: Final[tuple[str, ...]] = (
    "产出", "效益", "完成情况", "绩效分析", "工作开展", "开展情况", "成效", "工作完成", "工作成果", "主要成绩", "实施效果", "完成质量", "实施进度", "工作总结", "履职情况",
)
#: Heading words of a section that states targets or plans (read before the achievement words:
#: "预期产出" is a target) -- and, read after them, weaker ones ("绩效目标情况", "重点工作任务").
OUTPUT_PLAN_HEADING_WORDS: Final[tuple[str, ...]] = ("预期", "计划", "拟", "工作要点", "工作安排", "工作思路", "工作打算", "下一步")
OUTPUT_TARGET_HEADING_WORDS: Final[tuple[str, ...]] = ("目标", "任务", "职责", "职能", "机构设置", "人员构成", "人员情况", "评分")
#: Verbs of work done: a sentence outside the sections above yields counts only with one of them.
OUTPUT_ACTION_VERBS: Final[tuple[str, ...]] = (
    "开展", "完成", "发放", "组织", "建立", "推荐", "慰问", "帮扶", "累计", "举办", "培训", "走访", "创建", "评选", "推评", "推选",
    "救助", "资助", "服务", "接待", "召开", "举行", "受理", "办理", "调解", "征集", "新建", "新增", "吸纳", "惠及", "补助", "表彰",
    "选树", "命名", "培育", "签订", "维权", "挽回", "追回", "覆盖", "参与", "参加", "达成",
)
#: Words at the start of an item that say who/when, not what ("其中市一类竞赛项目" -> "市一类竞赛项目");
#: connectives that join it to the count before ("另有困难农民工 30 户" -> "困难农民工").
OUTPUT_ITEM_LEAD_NOISE: Final[tuple[str, ...]] = (
    "其中", "全年", "年内", "目前", "一年来", "同时", "另外", "此外", "另有", "还有", "共计", "共有", "总计", "合计", "共", "并", "还", "先后", "已",
    "我会", "我局", "我们", "本部门", "本单位", "本会", "分别",
)
#: Words at the end of an item that only link it to its number ("推荐…集体共 24 个", "人数达 3 万人").
OUTPUT_ITEM_TAIL_NOISE: Final[tuple[str, ...]] = ("共计", "共", "总数为", "总数", "达到", "达", "为", "计", "约", "近", "逾", "超过", "已达")
#: Words after a count's number that start a predicate, not the counted noun ("A 10 个已全部完成").
OUTPUT_PREDICATE_STARTS: Final[tuple[str, ...]] = ("已", "均", "都", "全部", "分别", "共", "得到", "获得", "受到", "顺利", "如期", "按时")
#: Sentences about 三公 and assets: their counts are read by the narrative extractor, never as outputs.
OUTPUT_EXCLUDED_SENTENCE_WORDS: Final[tuple[str, ...]] = ("团组", "因公出国", "公务接待", "公务用车", "车辆", "设备")
#: Items that are another extractor's counts (staffing, organisations): never an output.
OUTPUT_EXCLUDED_ITEM_WORDS: Final[tuple[str, ...]] = (
    "编制", "在职人员", "实有", "离退休人员", "内设", "下属", "直属", "所属", "预算单位", "事业单位", "部室", "科室", "决算汇编",
)

_OUT_UNIT_SRC = _alternation(OUTPUT_COUNT_UNITS)
_OUT_BREAKS = "，,。；;：:\n"

STATISTICS_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # what is left of a month or a day printed before a count's item once its number was cut off
    # ("3-12月共组织活动12场" -> "月共组织活动", "9月底前完成书屋建设3家" -> "月底前完成…"):
    # the time of the work, not part of what was counted
    # (not a word that starts with 月 / 日 / 号: 月嫂, 月度, 日常, 号召 ...)
    "item_period_lead": re.compile(
        r"^(?:月份?(?![嫂饼票薪报度刊亮光子经])|日(?![常报程志期用益子记])|号(?![召称码牌]))(?:底|末|初|中旬|上旬|下旬)?(?:前|以前|之前|以来|内|期间|起)?\s*[，,]?\s*"
    ),
    # a count of work done: [近/约] number [多/余] [万] [多/余] measure word, not an ordinal (第3次),
    # a duration (3个月, 5个工作日), a rate (人/年) or a share (个百分点):
    # "250 多场次" / "6 万人次" / "近 3 万人" / "1.08 万条" / "30 余项" / "1100人";
    # also in words ("一百二十人", "三十余场", "两千余名"), read only where a count in words is one
    # (statistics.counted_in_words: it ends its clause or follows a verb of work done)
    "output_count": re.compile(
        rf"(?<![\d.,第])(?<!第\s)(?P<pre>近|约|逾|超过)?\s*(?P<number>\d{{1,7}}(?:\.\d+(?=\s*(?:多|余)?\s*万))?)\s*(?P<approx>多|余)?\s*(?P<wan>万)?\s*(?P<approx2>多|余)?\s*"
        rf"(?P<unit>{_OUT_UNIT_SRC})(?![/／每月天年日元\d.]|工作日|百分点|(?<=个)人|(?<=人)[力民均口])"
    ),
    # the same with the number in digits or in words ("一百二十人", "三十余场", "两千余名"): the
    # statistics reader's, which keeps a count in words only where it is one (statistics.counted_in_words)
    "output_count_any": re.compile(
        rf"(?<![\d.,第])(?<!第\s)(?P<pre>近|约|逾|超过)?\s*(?P<number>\d{{1,7}}(?:\.\d+(?=\s*(?:多|余)?\s*万))?|{CN_COUNT_SRC})\s*(?P<approx>多|余)?\s*(?P<wan>万)?\s*(?P<approx2>多|余)?\s*"
        rf"(?P<unit>{_OUT_UNIT_SRC})(?![/／每月天年日元\d.]|工作日|百分点|(?<=个)人|(?<=人)[力民均口])"
    ),
    # what makes the clause before a count a target, not an achievement: comparator words of
    # targets, plans and indicators ("不少于 10 个", "预期举办…60 场次", "计划培训 500 人")
    "output_target_before": re.compile(
        r"不少于|不低于|不小于|不超过|不高于|不多于|至少|控制在|大于等于|小于等于|[≥≤≧≦⩾⩽]|[<>]=?|预期|预计|计划|拟|力争|争取|目标|指标"
    ),
    # what right after a count makes it a threshold: "100 人以上非公企业", "50 人（含）以下"
    "output_threshold_after": re.compile(r"^\s*(?:[（(]含[）)])?\s*(?:及以上|以上|及以下|以下|以内|之内)"),
    # a sentence whose counts belong to an indicator statement or to evaluation meta-text:
    # "设置指标为…≥1760人" / "数量指标：…" / "9 个项目中 8 个项目预算执行率达到 100%" / "自评结果"
    "output_excluded_sentence": re.compile(r"指标(?:值)?(?:为|是)|目标值|执行率|自评|评价|得分"),
    # an indicator's label before its values ("数量指标：慰问省劳模人数 7004 人"): outputs only in a
    # section that reports work done (产出情况), else the indicator extractor's
    "output_indicator_label": re.compile(r"指标\s*[：:]"),
    # a table row joined into prose: three figures separated by spaces only ("528.73 24.00 0.00")
    "output_table_row": re.compile(r"\d\s+[-\d.,]+\s+[-\d.,]*\d"),
    # a count right before the 、 of a list, so that 、 ends the item before it ("台账23个、劳动关系监测点25个")
    "output_count_before_list_mark": re.compile(rf"\d\s*(?:多|余)?\s*万?\s*(?:多|余)?\s*(?:{_OUT_UNIT_SRC})\s*$"),
    # what follows a count up to the end of its counted noun phrase
    "output_noun_after": re.compile(rf"\s*(?=[\u4e00-\u9fff“\"「])[^{_OUT_BREAKS}（(\d]*(?:[（(][^（()）{_OUT_BREAKS}\d]{{1,6}}[）)][^{_OUT_BREAKS}（(\d]*)*"),
    # the end of an item that leads into the next count ("律师担任" 77家, "个人和" 10 个集体)
    "output_item_link_tail": re.compile(r"(?:担任|和|及|与|以及|、|为|共|达|覆盖|涉及|包括|帮助|服务|联系)\s*$"),
    # a number that starts an amount of money (the count before it qualifies the amount)
    "output_amount_ahead": re.compile(rf"^\s*{NUMBER_SRC}\s*{MONEY_UNIT_SRC}"),
    # the rest of an amount right before a count's words ("资金总额 30 万元与 80 户…"): the count qualifies the amount
    "output_amount_behind": re.compile(r"^\s*(?:亿元|万元|千元|元)"),
}


# ---------------------------------------------------------------------------
# Transfers between bodies stated in prose (narrative._transfers): a federation
# subsidising a lower one, money handed down to the bodies below, a superior's
# subsidy received.  Payer and payee are only names printed in the sentence.

#: Endings of the name of a public body that pays or receives a transfer.
TRANSFER_BODY_SUFFIXES: Final[tuple[str, ...]] = (
    "总工会", "工会", "工会联合会", "工会委员会", "工会工作委员会", "工委", "财政局", "财政厅", "财政部", "财政",
)
#: Words that open a payee naming several bodies (各县（市、区）总工会, 基层工会, 所属各单位):
#: a group label, never one organisation.
TRANSFER_GROUP_LEADS: Final[tuple[str, ...]] = ("各", "所属各", "下属各", "全市各", "全县各", "全省各", "全区各", "基层", "有关", "相关", "下级")
#: A name with a level word but no place (省总工会, 市总工会, 上级工会): a body the reader knows from
#: context; the same body as the reporting one when its name ends with it.
TRANSFER_RELATIVE_NAME: Final[re.Pattern[str]] = re.compile(r"^(?:省|市|州|盟|县|区|旗|上级|上一级)(?:总工会|工会|财政厅|财政局|财政)$")
#: Verbs of one body passing money to another.
#: (补助给 / 拨付给 / 划拨给 / 转拨给 before a payee are NARRATIVE_PATTERNS["flow_payment"], paid by the reporting body.)
TRANSFER_VERBS: Final[tuple[str, ...]] = ("下拨给", "安排给", "补助", "下拨", "划拨", "转拨", "拨付", "拨给", "拨入")

#: Endings of a recipient's name, where a payee printed with what it is paid for ends
#: ("拨付给某区职工服务中心运行经费 30 万元": payee 某区职工服务中心, what 运行经费).
#: Only endings of two characters or more: one-character ones (局, 所, 站) occur inside words.
PAYEE_NAME_ENDS: Final[tuple[str, ...]] = tuple(w for w in ORG_NAME_SUFFIXES if len(w) >= 2) + ("有限公司", "公司", "合作社", "事务所")

#: (a body's name holds no date word: "2022 年某市总工会下拨…" starts at the place)
_TB_CHAR = r"(?:(?![向对给予为由从将把在和与及的系年月日])[\u4e00-\u9fff（）()、])"
_TRANSFER_BODY = rf"{_TB_CHAR}{{1,18}}?(?:{_alternation(TRANSFER_BODY_SUFFIXES)})"
_TRANSFER_VERB_SRC = _alternation(TRANSFER_VERBS)
_TRANSFER_AMOUNT = rf"(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"

TRANSFER_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # payer, verb, payee, amount: "某市总工会补助某县总工会 12.00 万元，用于…" / "市总工会下拨某县总工会送温暖资金 8.5 万元"
    "body_to_body": re.compile(
        rf"(?:^|(?<=[，,。；;：:\s年月日]))(?P<payer>{_TRANSFER_BODY})\s*(?:{_TRANSFER_VERB_SRC})\s*(?P<payee>{_TRANSFER_BODY})"
        rf"\s*(?P<what>[^，,。；;\d\s]{{0,16}}?)\s*{_TRANSFER_AMOUNT}(?:[，,]\s*用于(?P<purpose>[^，,。；;\n]+))?"
    ),
    # to a body, the payer the sentence's subject: "向各县（市、区）总工会下拨帮扶资金 300 万元" / "全年向基层工会补助工会经费 46.2 万元" /
    # "对 11 个市州总工会补助…" (a counted group)
    # (发放 / 拨付 / 资助 to any payee is NARRATIVE_PATTERNS["flow_aid"])
    "to_body": re.compile(
        rf"(?:向|给予|给|对)\s*(?P<payee>(?:\d+\s*个)?{_TRANSFER_BODY})\s*(?:补助|下拨|划拨|转拨|拨给|安排|返还|返拨)"
        rf"(?P<what>[^，,。；;\d\s]{{0,16}}?)\s*{_TRANSFER_AMOUNT}(?:[，,]\s*用于(?P<purpose>[^，,。；;\n]+))?"
    ),
    # a superior's subsidy received, its payer named after it: "上级补助收入 50 万元，系省总工会拨付的困难职工帮扶资金"
    "from_superior": re.compile(
        rf"(?P<item>上级(?:工会)?补助(?:收入)?)\s*(?:为|是|共)?\s*{_TRANSFER_AMOUNT}\s*[，,]?\s*(?:系|为|是|均为|全部为|主要是|主要为|来源于|来自于?)\s*"
        rf"(?P<payer>{_TRANSFER_BODY})\s*(?:{_TRANSFER_VERB_SRC})?(?:的)?(?P<purpose>[^，,。；;\n]{{0,30}})"
    ),
}

# ===========================================================================
# Topic: expenditure lines explained in prose by their 类/款/项 names
# ===========================================================================

#: The code length each level of the functional classification has (类 3, 款 5, 项 7 digits).
CLASS_LEVEL_CODE_LENGTHS: Final[dict[str, int]] = {"类": 3, "款": 5, "项": 7}
#: Words a figure's own label may hold in a class-line paragraph and still name no item of
#: its own ("年初预算为", "支出决算数", "调整预算"): the figure is the line's (longest first).
CLASS_LINE_FIGURE_WORDS: Final[tuple[str, ...]] = (
    "一般公共预算财政拨款",
    "财政拨款",
    "调整后预算",
    "调整预算",
    "全年预算",
    "年初预算",
    "预算调整后",
    "支出决算",
    "决算支出",
    "实际支出",
    "决算",
    "预算",
    "执行数",
    "支出",
    "金额",
    "本年",
    "全年",
    "数",
    "为",
    "是",
    "达",
    "共",
    "了",
)
#: What the text of a class-line paragraph starts with when it defines the line (budgets print the
#: meaning of each 支出科目: "反映各级工会行政单位的基本支出"): a definition states no figure.
CLASS_LINE_DEFINITION_LEADS: Final[tuple[str, ...]] = ("反映", "是指", "指", "核算", "用于反映")

_CL_MARK = r"(?:[（(\[【［〔]\s*{lv}\s*[）)\]】］〕]|(?P<bare_{g}>{lv}))"
_CL_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff、“”\s]{{1,40}}?"


def _class_segment(group: str, level: str, digits: int) -> str:
    """One level of a class-line heading: an optional code of that level, the name, the marker."""
    mark = _CL_MARK.format(lv=level, g=group)
    return rf"(?:(?P<code_{group}>(?<!\d)\d{{{digits}}}(?!\d))\s*)?(?P<name_{group}>{_CL_NAME.format()})\s*{mark}"


CLASS_LINE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # the heading of a line explained in prose, at a paragraph or clause start: "（一）一般公共服务支出（类）
    # 群众团体事务（款）行政运行（项）：", "2012901 行政运行（项）", "一般公共服务支出[类]…", bare "类/款/项"
    # after the names; what follows is the explanation (a colon, a stop, a figure word or a definition)
    "heading": re.compile(
        r"(?:^|(?<=[\n：:；;。]))[ \t\u3000]*"
        r"(?P<enum>(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:、|[．.](?=\d{3}|\D))|[一二三四五六七八九十]{1,3}[、．.])\s*)?"
        rf"(?=\d{{3}}|[\u4e00-\u9fff])(?:{_class_segment('lei', '类', 3)})?\s*(?:{_class_segment('kuan', '款', 5)})?\s*(?:{_class_segment('xiang', '项', 7)})?"
        r"(?P<tail>支出(?=\s*\d))?"
        r"(?(tail)(?=\s*\d)|(?=\s*(?:[：:。，,]|年初|调整|全年|本年|当年|支出|决算|预算|实际|反映|是指|主要|用于|(?:19|20)\d{2}\s*年|$)))",
        re.MULTILINE,
    ),
    # a line named by its code and name alone, before a colon: "2012901 行政运行：年初预算为 …" / "（一）20129 某某事务："
    "coded_heading": re.compile(
        r"(?:^|(?<=[\n；;。]))[ \t\u3000]*"
        r"(?P<enum>(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:、|[．.](?=\d{3}|\D))|[一二三四五六七八九十]{1,3}[、．.])\s*)?"
        r"(?P<code>(?<!\d)2\d{2}(?:\d{2}){0,2}(?!\d))\s*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff、“”]{1,30})(?=\s*[：:])",
        re.MULTILINE,
    ),
    # a completion rate stated anywhere in the line's explanation ("完成年初预算的 99.30%", "预算完成率为 98%")
    "completion_rate": re.compile(
        rf"(?:完成(?:了)?(?:年初|全年|调整后的?|调整)?预算(?:数)?(?:的)?|(?:预算)?完成率(?:为|达到|是)?|为(?:年初|调整)?预算(?:数)?的)\s*(?P<number>{NUMBER_SRC})\s*[%％]"
    ),
}
#: Last words of a line's paragraph that the layout broke before the figure they label
#: ("…（项）：2025年预算数为" / "支出决算数"): with a paragraph that opens with a money figure
#: after it (LINE_PARAGRAPH_PATTERNS["figure_start"]), one paragraph.
CLASS_LINE_WRAPPED_ENDS: Final[tuple[str, ...]] = ("为", "数", "是", "达", "计", "支出决算", "年初预算", "预算")
LINE_PARAGRAPH_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a paragraph that opens with a money figure: the rest of a line's paragraph wrapped before its
    # figure ("860,000.00 元，较上年增加…"; not "2025年…", "1.一般…")
    "figure_start": re.compile(rf"[ \t\u3000]*{NUMBER_SRC}\s*{MONEY_UNIT_SRC}"),
}

# ===========================================================================
# Topic: the parts of a line stated in its paragraph
# ===========================================================================

#: Columns a line's figure is split into by its own paragraph, as the 支出决算表 / 支出预算表 print
#: them beside the line's total ("…（项）：支出决算为 X 万元，其中：基本支出 Y 万元，项目支出 Z 万元";
#: the 基本支出 of a line is split into 人员经费 and 公用经费): such a figure is the line's figure in
#: that column, never the body's own 基本支出 (longest first).
LINE_PART_COLUMNS: Final[tuple[str, ...]] = ("基本支出", "项目支出", "人员经费", "公用经费")
#: Clauses of a breakdown that describe the part just listed instead of listing one more
#: ("人员经费 341.50 万元，主要包括基本工资、津贴补贴；公用经费 42.30 万元，主要用于办公费"):
#: they run to the next ，；and hold no part of their own.
BREAKDOWN_DESCRIPTION_LEADS: Final[tuple[str, ...]] = ("主要包括", "主要用于", "主要是", "包括", "用于", "含")
