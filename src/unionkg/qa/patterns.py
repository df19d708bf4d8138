"""Named patterns and word lists of the question-answering stage, one table per topic.

Every entry is tested with positive and negative examples in
``tests/qa/test_units.py`` (``PATTERN_CASES`` and the table tests below it).  Patterns see
the *normalised* question: simplified characters, half-width, lower-cased Latin letters.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- years and numbers
YEAR_PATTERNS: dict[str, re.Pattern[str]] = {
    # 2024 / 2024年 / fy2024 (but not the 2024 inside a 7-digit code)
    "four_digit": re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])"),
    # 24年 / 24年度 — a two-digit year is only taken with 年
    "two_digit": re.compile(r"(?<![\d.])(\d{2})\s*年"),
}

# Relative years, resolved against the latest year in the graph (offset in years).
RELATIVE_YEARS: dict[str, int] = {
    "今年": 0, "本年度": 0, "this year": 0, "current year": 0, "latest year": 0,
    "去年": -1, "上年度": -1, "上一年度": -1, "上一年": -1, "上个年度": -1, "last year": -1, "previous year": -1, "prior year": -1,
    "前年": -2, "the year before last": -2,
    # counted back from the latest year too ("two years ago" is the year before last)
    "a year ago": -1, "one year ago": -1, "1 year ago": -1, "two years ago": -2, "2 years ago": -2,
    "three years ago": -3, "3 years ago": -3, "大前年": -3,
}
# Phrases with a relative-year word that name a line item or the base of a change, not the year asked
# ("上年结转", "carry-over from last year", "比去年", "compared with the previous year"): removed
# before relative years are read.
NOT_RELATIVE_YEAR = re.compile(
    r"上年(?:度)?(?:结转|结余)|(?:比|较|与|和|同)(?:去年|上年度|上一年)(?:同期)?"
    r"|(?:compared (?:with|to)|than|over|on|from|versus|vs\.?|relative to) (?:the )?(?:previous|last|prior) year|(?:carr(?:y|ied|ies)[- ](?:over|forward)|balance|brought forward|carry-overs?)\s+(?:from|of)\s+(?:the\s+)?(?:last|previous|prior)\s+year"
)

# Homophone slips common in typed Chinese questions, read as the word meant (after traditional ->
# simplified): 公会 for 工会 after 总 ("汇川区总公会"), 工人文化馆 for 工人文化宫 ... only whole
# words the genre never prints, so a correct question is left as it is.
QUESTION_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"总公会"), "总工会"),
    (re.compile(r"(?<=[市县区省旗])公会(?=\d|[的有在年?？]|$)"), "工会"),
    (re.compile(r"工人文化馆"), "工人文化宫"),
    (re.compile(r"职工服务中新"), "职工服务中心"),
    # (q7) misspellings of the money lines: 三工经费 (三公), 财政拔款 (拨), 预箅 / 决箅 (算), 公物接待 (公务)
    (re.compile(r"三工(?=经费|费用|支出|预算|决算)"), "三公"),
    (re.compile(r"(?<=财政)拔(?=款|付)|(?<=下)拔(?=付|款|了|给)"), "拨"),
    (re.compile(r"(?<=[预决])箅"), "算"),
    (re.compile(r"公物(?=接待|用车)"), "公务"),
)

# The latest few years of a body ("近两年", "最近三年", "the last two years"): the count of years, read as
# offsets 0, -1, ... from the body's latest year.
# (q22) also "这两年", and "两年分别…" / "三年各…" with no opener (not "两年前", "前两年", "十三年")
RECENT_YEARS = re.compile(r"(?:(?:近|最近|过去|这)(?:的)?|(?<![\d〇一二两三四五六七八九十前后])(?=(?:两|三)年(?:分别|各|都|间|来|里|内|的)))"
                          r"(?P<zh>\d|两|二|三|四|五)(?:个)?年(?!级|代)"
                          r"|\b(?:last|past|recent|latest) (?P<en>\d|two|three|four|five) years\b")
RECENT_YEAR_COUNTS: dict[str, int] = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "two": 2, "three": 3, "four": 4, "five": 5}

CHINESE_DIGITS: dict[str, int] = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10000}

NUMERAL_PATTERNS: dict[str, re.Pattern[str]] = {
    # 二〇二三年 / 二零二四年: digit-by-digit years
    "digit_year": re.compile(r"([〇零一二三四五六七八九]{4})(?=\s*年)"),
    # 三十五人 / 一百二十个: a positional numeral followed by a counter word
    # (分 of 百分比 / 百分点 is no score: "占基本支出的百分比" keeps its words)
    "counted": re.compile(r"([零一二两三四五六七八九十百千万]+)(?=\s*(?:个|人|户|项|家|名|场|次|分(?!之|比|点)|岁))"),
}

# Classification codes: 类 3 digits, 款 5, 项 7 (not part of a longer number, not a year).
CODE_PATTERN = re.compile(r"(?<![\d.])(\d{7}|\d{5}|\d{3})(?![\d.])")

LANGUAGE_PATTERNS: dict[str, re.Pattern[str]] = {
    "cjk": re.compile(r"[\u4e00-\u9fff]"),
    # a run of Chinese characters weighs like one English word: an English question quoting
    # Chinese names ("How much was the 困难职工补助 of 某区总工会?") is English
    "cjk_run": re.compile(r"[\u4e00-\u9fff]+"),
    "latin_word": re.compile(r"[a-z]{2,}"),
}

# ---------------------------------------------------------------- organisations
ORG_PATTERNS: dict[str, re.Pattern[str]] = {
    # The place part of a body's name: 浙江省 / 杭州市 / 广西壮族自治区 / 浦东新区
    # (州 ends a place only when no 市/区/县 follows: 杭州市 -> 杭州市, not 杭州)
    "place": re.compile(r"^(.{1,12}?(?:特别行政区|自治区|自治州|自治县|新区|地区|省|市|州(?![市区县])|盟|县|区|旗))"),
    # Place suffixes dropped to get the short name people use (浙江省 -> 浙江, 广西壮族自治区 -> 广西)
    "place_suffix": re.compile(r"(?:(?:壮族|回族|维吾尔|藏族)?自治区|自治州|自治县|特别行政区|新区|地区|省|市|州|盟|县|区|旗)$"),
    # A Chinese mention of a body that may not be in the graph (北京市总工会, 上海市财政局)
    # a question asked of every body of a kind ("which women's federation", "each league committee", "rank"):
    # a kind named without a place is then no one body to pick
    "zh_every_body": re.compile(r"各|哪|所有|全部|排名|排序|分别|最(?:多|高|大|少|低|小)"),
    "en_every_body": re.compile(r"\b(?:which|each|every|all|any|rank(?:ed|ing)?|most|least|highest|lowest|compare)\b"),
    "zh_body_mention": re.compile(r"((?:(?![年的和与及在是对哪各每])[\u4e00-\u9fff]){2,8}?(?:省|市|自治区|县|区))(?:总工会|总|工会|[\u4e00-\u9fff]{0,8}?(?:局|厅|委员会|委|服务中心|帮扶中心|文化宫|职工学校|职工大学|妇联|残联|科协|联合会))"),
    # What comes right before a "body" that is a question word, not a name ("哪个区县总工会", "各县区工会",
    # "每个县总工会"): no body is named there.
    "zh_not_a_mention": re.compile(r"(?:哪|哪一|几|每|各|所有|全部|其他|其它)(?:个|些|家|级)?$"),
    # An English mention: "the Beijing federation", "Shanghai union", "Jiangxi's trade union"
    "en_body_mention": re.compile(r"\b([a-z]{3,})(?:'s)?\s+(?:municipal\s+|provincial\s+|city\s+)?(?:trade\s+)?(?:union|federation|bureau)\b"),
}

# Ethnic names in the full names of autonomous prefectures / counties / banners (黔东南苗族侗族自治州,
# 恩施土家族苗族自治州, 伊犁哈萨克自治州): people write the short form (黔东南州, 恩施州, 伊犁州).
ETHNIC_NAMES: tuple[str, ...] = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣",
    "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉",
    "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "鄂温克", "德昂", "保安", "裕固", "京", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
)
_ETHNIC = "|".join(sorted((n + "族" if len(n) == 1 else n + "族?" for n in ETHNIC_NAMES), key=len, reverse=True))
# 黔东南苗族侗族自治州 -> 黔东南州 (the region part is kept, the ethnic part and 自治 dropped)
AUTONOMOUS_FULL_NAME = re.compile(rf"(?:{_ETHNIC})+自治(州|县|旗)")

# Generic short forms that mean "the federation of the province / city in context".
LEVEL_ALIASES: dict[str, str] = {"省总": "省", "省总工会": "省", "市总": "市", "市总工会": "市", "区总工会": "区", "县总工会": "县",
                                 "区总": "区", "县总": "县"}
# Only a body whose label has this word is "the federation" of a level (not the 教育厅 of the province).
LEVEL_BODY_WORD = "总工会"

# Official short forms of the words in a body's name (人力资源和社会保障局 -> 人社局, 教育委员会 -> 教委):
# applied to every alias derived from a label, longest first, so no body is listed by name.
ORG_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("人力资源和社会保障", "人社"), ("人力资源社会保障", "人社"),
    ("发展和改革委员会", "发改委"), ("发展改革委员会", "发改委"),
    ("卫生健康委员会", "卫健委"), ("卫生和计划生育委员会", "卫计委"), ("卫生健康", "卫健"),
    ("教育委员会", "教委"),
    ("住房和城乡建设", "住建"), ("住房城乡建设", "住建"),
    ("市场监督管理", "市场监管"), ("文化广电和旅游", "文广旅"), ("文化和旅游", "文旅"),
    ("医疗保障", "医保"), ("应急管理", "应急"), ("退役军人事务", "退役军人"), ("交通运输", "交通"),
    ("自然资源和规划", "自然资源"), ("机关事务管理", "机关事务"),
    ("科学技术", "科技"), ("工业和信息化", "工信"), ("民族宗教事务", "民宗"), ("城市管理", "城管"),
    ("人民政府办公室", "政府办"), ("人民政府", "政府"), ("公共资源交易", "公管"),
)

# The kind of body a question names right after a place ("北京市总工会", "海淀区教委",
# "韶关市人社局"): a bare place alias of a body of another kind must not link to it.
# The level a place's name continues with (吉林 + 省 / 市 / 区): after a body's bare place stem in a
# question, a level other than the body's own names another place (吉林省总工会 is not 吉林区总工会).
LEVEL_AFTER_STEM = re.compile(r"^(?:(?:壮族|回族|维吾尔|藏族)?自治区|自治州|自治县|特别行政区|新区|地区|省|市|州|盟|县|区|旗)")

BODY_KIND_AFTER_PLACE = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(总工会|工会|人民政府|政府|委员会|局|厅|委|办公室|中心|联合会|院|馆|站|所)"
)

# (q22) Targets asked as not reached or as how they went, in words the missed-targets rule lacked ("绩效目标没实现",
# "目标没达成", "绩效目标完成情况怎么样", "指标完成得如何"): the missed-targets family (intents.INTENTS).  Not a
# question of one project's money ("项目完成情况" asks no target) nor a count of targets set.
TARGETS_NOT_REACHED_ASKED: dict[str, re.Pattern[str]] = {
    "not_realised": re.compile(r"(?:没|未)(?:能|有)?(?:实现|达成)(?!率)"),
    "how_targets_went": re.compile(r"(?:绩效)?(?:目标|指标)(?:值)?(?:的)?(?:完成|实现|达成)(?:的)?(?:情况|得?(?:怎么样|咋样|如何|好不好|理想吗))"),
}

# (q22) A classification code asked for its money with the body and year between ("2080505科目某市总工会2023年预算多少",
# "科目2012901在2022年决算是多少"): an amount, before the code look-up its 科目 suggests (1.3); what a code is
# ("2080505科目是什么", "2012901是哪个科目的编码") stays a look-up.
CODE_AMOUNT_ASKED = re.compile(
    r"(?<!\d)(?:\d{5}|\d{7})(?!\d)(?:(?!是什么|叫什么|名称|编码|代码)[^?？。]){0,30}?"
    r"(?:预算|决算|支出|拨款|花了|花费|用了|金额|经费)(?:数|额)?(?:是|为|有|共|一共)?(?:多少|几(?:万|百万|千)?元)"
)

# (q22) The largest or smallest of the parts a line lists, asked within the line ("项目支出里哪个项目钱最多",
# "项目支出中最少的是哪个", "三公经费当中哪项最高"): the line's printed parts ranked, not the line's own total.
# Not a part named ("基本支出中人员经费多少") nor the line alone ("项目支出是多少").
LINE_PART_RANKED = re.compile(
    r"(?:里|中|当中|之中|里面|内)(?:的)?(?:哪(?:个|项|一个|一项|笔|部分)(?:项目|资金|经费|支出)?(?:的)?(?:钱|金额|预算|决算|支出)?"
    r"(?:最|更)(?:多|少|大|小|高|低)|(?:钱|金额)?(?:最|更)(?:多|少|大|小|高|低)的(?:是)?(?:哪|什么))"
)

# (q22) Several bodies' staffing compared ("营口市总工会和鸡西市总工会的编制人数哪个多", "谁的在职人员多",
# "编制人数对比"): each body's figure and which is larger, in the staffing family (before the comparison of amounts,
# which holds no head counts).  Not one body's change ("退休人员比上年多了几个") nor a body's posts against its staff.
_STAFF_WORD = r"(?:编制|实有|在职|在编|离退休|退休|人员|人数)(?!经费|工资|费|支出|补助|收入)"
_NO_MONEY_BETWEEN = r"(?:(?!经费|工资|支出|收入|预算|决算|费|资金|金额)[^，,。？?])"
STAFF_BODIES_COMPARED = re.compile(
    rf"{_STAFF_WORD}{_NO_MONEY_BETWEEN}{{0,8}}?(?:哪个|哪家|哪一个|谁)(?:的)?(?:更)?(?:多|少|大|小)"
    rf"|(?:哪个|哪家|哪一个|谁)(?:的)?{_NO_MONEY_BETWEEN}{{0,6}}?{_STAFF_WORD}{_NO_MONEY_BETWEEN}{{0,4}}?(?:更|最)?(?:多|少)"
    rf"|(?:编制|人数|人员)(?!经费|工资|费|支出){_NO_MONEY_BETWEEN}{{0,6}}?(?:对比|比较|相比)"
)

# (q22) How a figure changed, asked colloquially ("预算这两年怎么变的", "变了多少", "有没有变化", "涨了还是降了"): the
# year-on-year family (intents.INTENTS), as "比上年增加多少" is.  Not the change of a staffing count alone nor a rate.
CHANGE_ASKED_COLLOQUIAL = re.compile(
    r"怎么(?:变|变化|变动)(?:的|了)?|如何(?:变化|变动)|变(?:了|化了|动了)多少|变没变|有没有(?:变化|变动)|有(?:什么|啥|哪些)(?:变化|变动)"
    r"|(?:涨|升|增)了还是(?:降|跌|减)了|(?:降|跌|减)了还是(?:涨|升|增)了"
    r"|(?:与|和|跟|比)?(?:上年|去年|上一年)持平|持平(?:吗|了吗|没有?)|是否持平"
)

# (q22) Spending asked by its classes ("支出预算按功能科目怎么分的", "预算按科目是怎么安排的"): the spending broken down
# by functional class (SPENDING_BREAKDOWN_QUESTION), before the code look-up that 科目 / 功能分类 suggest.  Not one
# code's name ("2012901是什么科目") nor one line's amount ("按科目列出的行政运行是多少" names no breakdown).
SPENDING_BY_CLASS_ASKED = re.compile(
    r"(?:支出|预算|决算|钱)[^，,。？?]{0,6}?按(?:支出)?(?:功能)?(?:科目|分类|类别)[^，,。？?]{0,4}?(?:怎么|如何|是怎么|是如何)?(?:分|划分|构成|分布|安排)"
)

# (q22) The projects (funds) a year added or dropped against the year before ("2023年新增了哪些项目", "比2022年少了哪个
# 项目", "取消了哪些项目", "哪些项目是新的"): the two years' lists compared (handlers._projects_added_dropped).  Not a
# project's money that grew ("新增资金多少", "项目支出增加了多少").
PROJECTS_ADDED_OR_DROPPED = re.compile(
    r"新增(?:了)?(?:哪些|什么|哪个|哪几个|几个)(?:项目|资金|经费)|(?:哪些|什么|哪个)(?:项目|资金|经费)是新(?:增|加|设|列)的"
    r"|(?:取消|减少|去掉|砍掉|停止|不再安排)(?:了)?(?:哪些|什么|哪个|哪几个)(?:项目|资金|经费)|(?:多|少)了(?:哪些|什么|哪个|哪几个)(?:项目|资金|经费)"
    r"|(?:哪些|什么|哪个)(?:项目|资金|经费)(?:没有了|不见了|被取消)"
)

# (q22) A later sentence of one question that asks the first one again for another year only ("营口市总工会2023年三公经费
# 预算是多少？2022年呢？", "…？那去年的呢？"): asked as the chat's follow-up (answerer._compound_groups), each year answered.
YEAR_ONLY_FOLLOW_UP = re.compile(
    r"^\s*(?:那|那么|还有)?(?:(?:19|20)\d{2}|[今去前]|上一?)年度?(?:的)?(?:呢|的呢|又是多少|是多少|多少)?\s*[?？。]?\s*$"
)

# (q22) The bodies of a place the graph holds, asked as such ("辽宁省有哪些总工会的数据", "吉林省的总工会有哪几家", "辽宁有几个
# 总工会"): with a place linked as a region, the coverage of that place's bodies and their years (answerer).  Not
# a figure of them ("辽宁的总工会2022年项目支出") nor their units ("…的总工会有哪些下属单位").
REGION_BODIES_ASKED = re.compile(
    r"有(?:哪些|哪几家|哪几个|几个|几家|多少个?|多少家)(?:区县|县区|[市县区])?(?:级)?(?:的)?(?:总工会|工会|单位)(?:的(?:数据|资料|文件))?\s*[?？。]?\s*$"
    r"|(?:总工会|工会)(?:都)?有(?:哪些|哪几家|哪几个|几个|几家|多少个?|多少家)\s*[?？。]?\s*$"
)

# (q22) Who a body paid, asked colloquially ("某市总工会给谁拨了钱", "钱拨给了谁", "补助给了哪些单位"): its payments
# (the flows family).  Not who paid the body ("谁给某单位拨了钱" names the payer's side: a body before 给谁 is the payer).
PAYEES_ASKED_COLLOQUIAL = re.compile(
    r"给谁(?:拨|付|发|补助|转|划)|(?:拨|付|补助|转|划)(?:款|钱|资金)?(?:给|到)了?(?:谁|哪些(?:单位|人|机构))(?!.{0,4}(?:多少|几))"
)

# (q22) An indicator's target and its actual value asked together ("户数目标和实际分别是多少", "实际完成值与目标值"): the
# indicator's value with its target (indicator_value).  Not a project's budget against its final figure (no target word).
TARGET_AND_ACTUAL_ASKED = re.compile(
    r"(?:目标|指标值|目标值)(?:和|与|跟|及|、)(?:实际|完成)(?:值|数|情况)?|(?:实际|完成)(?:值|数)?(?:和|与|跟|及|、)(?:年度)?(?:目标|指标值|目标值)"
)

# (q22) Words ending in a place's suffix that name no place ("社区服务站", "园区驿站", "城市书房"): before a weak kind word
# they open no body's short form (BODY_SHORT_FORM_OPENING).
NOT_A_PLACE_BEFORE_SUFFIX: tuple[str, ...] = ("社区", "小区", "园区", "景区", "片区", "校区", "辖区", "山区", "矿区", "林区",
                                              "库区", "街区", "城区", "城市", "都市", "超市", "夜市", "门市", "集市")


def _place_suffix_not_in(words: tuple[str, ...]) -> str:
    """A place's suffix character not closing one of ``words`` ("区" but not the 区 of 社区)."""
    return "|".join("".join(f"(?<!{w[0]})" for w in words if w[-1] == suffix) + suffix for suffix in "省市州盟县区旗")


# (q22) A body named by its short form where the asked words of a Chinese question open ("某州总工会…", "某区教委…",
# "日照总工会…"), which items.residual_words drops: a body's word (总工会, 委员会 …) after up to ten characters, a weaker
# kind's word (局, 中心, 站, 院 …) only after a place's suffix, so that a project's name opening the asked words
# ("户外劳动者驿站建设经费", "职工服务中心运行经费", "社区服务站") is no body (BODY_KIND_AFTER_PLACE dropped them).
BODY_SHORT_FORM_OPENING = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(?:总工会|工会|人民政府|政府|委员会|联合会)"
    rf"|^[\u4e00-\u9fff]{{0,8}}?(?:{_place_suffix_not_in(NOT_A_PLACE_BEFORE_SUFFIX)})[\u4e00-\u9fff]{{0,4}}?(?:局|厅|委|办公室|中心|院|馆|站|所)"
)

# English words that name the kind of body asked about; they prefer federations.
FEDERATION_WORDS = re.compile(r"\b(?:union|federation|trade union|ftu)\b")

# The level an English question writes right after a place's pinyin ("Yicheng county", "Liandu
# district", "the Yicheng city federation") and the suffix of the Chinese place name it stands for:
# it tells apart places whose names read alike (宜城市 / 翼城县 are both "Yicheng").
ENGLISH_PLACE_LEVELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?(?:county|counties)\b"), "县"),
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?(?:city|municipal(?:ity)?)\b"), "市"),
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?(?:autonomous )?region(?:al)?\b"), "自治区"),
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?districts?\b"), "区"),
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?(?:province|provincial)\b"), "省"),
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?(?:autonomous )?prefecture\b"), "州"),
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?banner\b"), "旗"),
    (re.compile(r"^(?:'s)?\s*(?:-\s*)?league\b"), "盟"),
)
# The same levels written before the place ("the city of Jilin", "the provincial federation of Jilin",
# "Province of Jilin"): matched against the text that ends where the place's pinyin begins.
_LEVEL_BEFORE_BODY = r"(?:\s+(?:federation of trade unions|trade unions?|federations?|unions?))?\s+(?:of|in|for)\s+(?:the\s+)?$"
ENGLISH_PLACE_LEVELS_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:county|counties)" + _LEVEL_BEFORE_BODY), "县"),
    (re.compile(r"\b(?:city|municipal(?:ity)?)" + _LEVEL_BEFORE_BODY), "市"),
    (re.compile(r"\b(?:autonomous )?region(?:al)?" + _LEVEL_BEFORE_BODY), "自治区"),
    (re.compile(r"\bdistricts?" + _LEVEL_BEFORE_BODY), "区"),
    (re.compile(r"\b(?:province|provincial)" + _LEVEL_BEFORE_BODY), "省"),
    (re.compile(r"\b(?:autonomous )?prefecture" + _LEVEL_BEFORE_BODY), "州"),
    (re.compile(r"\bbanner" + _LEVEL_BEFORE_BODY), "旗"),
    (re.compile(r"\bleague" + _LEVEL_BEFORE_BODY), "盟"),
)
# The endings of a Chinese place name an English level word stands for when there are several
# ("prefecture" is 州 and 地区: 阿克苏地区); a level not listed is its own ending.  NOT_ENDINGS: a longer
# ending that is another level ("district" is no 自治区).
PLACE_LEVEL_ENDINGS: dict[str, tuple[str, ...]] = {"州": ("州", "地区")}
PLACE_LEVEL_NOT_ENDINGS: dict[str, tuple[str, ...]] = {"区": ("自治区",)}
# The body word an English question writes after a place and its level ("Jilin Province Federation of
# Trade Unions", "the Jilin city union"): part of the mention an answer quotes when no such body is held.
ENGLISH_BODY_AFTER_LEVEL = re.compile(r"^\s+(?:federation of trade unions|trade unions? federation|federation|trade union|union|ftu)\b")

# English names of kinds of bodies and the part of a Chinese name they stand for: "the Huzhou organs
# work committee" is 湖州市直属机关工作委员会, not 湖州市民政局 (both are "Huzhou").  Their first word is
# not a place ("the education bureau" names no unknown body called "education").
ENGLISH_BODY_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:organs?|working|work) committee\b"), "工作委员会"),
    (re.compile(r"\beducation\b"), "教育"),
    (re.compile(r"\bcivil affairs\b"), "民政"),
    (re.compile(r"\bhuman resources\b|\bsocial security\b|\bhrss\b"), "人力资源"),
    (re.compile(r"\bfinance (?:bureau|department)\b"), "财政"),
    (re.compile(r"\bhousing\b"), "住房"),
    (re.compile(r"\barchives?\b"), "档案"),
    (re.compile(r"\bscience (?:and technology )?association\b"), "科学技术协会"),
    (re.compile(r"\bdisabled\b"), "残疾人"),
    (re.compile(r"\bwomen'?s federation\b"), "妇女联合会"),
    # subordinate units of a federation, named in English ("the Liuzhou workers' cultural palace")
    (re.compile(r"\b(?:workers'? )?cultural palace\b"), "文化宫"),
    (re.compile(r"\b(?:workers'? |staff |employee )?service cent(?:er|re)\b"), "服务中心"),
    (re.compile(r"\b(?:hardship |assistance |relief )+cent(?:er|re)\b"), "帮扶中心"),
    # an enterprise's own union ("the Taian urban construction group union"), not its place's federation
    (re.compile(r"\bgroup(?:'s)? (?:trade )?unions?\b"), "集团"),
    (re.compile(r"\b(?:company|corporation)(?:'s)? (?:trade )?unions?\b"), "公司"),
)

# English names of kinds of reporting body and the Chinese names of such a body (the whole label, its
# ending or lead): "the Changde finance bureau" is 常德市财政局, not its unit 常德市财政事务中心 (both hold
# 财政); "the Deyang Youth League committee" is 共青团德阳市委员会.  Tried before ENGLISH_BODY_KINDS, whose
# part-of-name match also fits the units of such a body.
ENGLISH_KIND_NAMES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\bwomen'?s federation\b|\bwomen'?s association\b"), re.compile(r"(?:妇女联合会|妇联)$")),
    (re.compile(r"\byouth league\b|\bleague committee\b|\bcommunist youth\b"), re.compile(r"^(?:中国共产主义青年团|共青团).*委(?:员会)?$|团[省市县区]委$")),
    (re.compile(r"\bdisabled (?:persons'?|people'?s?) (?:federation|association)\b|\bdisabilit(?:y|ies) federation\b"),
     re.compile(r"(?:残疾人联合会|残联)$")),
    (re.compile(r"\bscience (?:and technology )?association\b|\bassociation (?:for|of) science\b"), re.compile(r"(?:科学技术协会|科协)$")),
    (re.compile(r"\bfinance (?:bureau|department)\b"), re.compile(r"财政(?:局|厅)$")),
    (re.compile(r"\beducation (?:bureau|department)\b"), re.compile(r"教育(?:和体育)?(?:局|厅)$")),
    (re.compile(r"\beducation commission\b"), re.compile(r"(?:教育委员会|教委)$")),
)

# Chinese words for the same kinds ("各妇联", "哪个市残联", "团委"), and the labels of such bodies: a ranking or
# list asked of that kind compares those bodies only.
ZH_KIND_NAMES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"妇联|妇女联合会"), re.compile(r"(?:妇女联合会|妇联)$")),
    (re.compile(r"残联|残疾人联合会"), re.compile(r"(?:残疾人联合会|残联)$")),
    (re.compile(r"科协|科学技术协会"), re.compile(r"(?:科学技术协会|科协)$")),
    (re.compile(r"共青团|团[省市县区]?委"), re.compile(r"^(?:中国共产主义青年团|共青团).*委(?:员会)?$|团[省市县区]委$")),
    (re.compile(r"财政局"), re.compile(r"财政(?:局|厅)$")),
    (re.compile(r"教育局|教体局"), re.compile(r"教育(?:和体育)?(?:局|厅)$")),
)

# Words printed before the place in a body's name ("共青团某市委员会", "中国共产主义青年团某县委员会"):
# the place after them is the body's place (its English reading, its short names).
BODY_NAME_LEADS: tuple[str, ...] = ("中国共产主义青年团", "共青团")

# Short names people write for a body, by its full name: (pattern over the label, forms).  ``{name}``
# is the pattern's group "name", ``{stem}`` that name's place without its level, ``{level}`` the level
# character.  A form without ``{name}``/``{stem}`` (市妇联, 团市委) is GENERIC: every body of that kind
# and level has it, so it links only when one body of the graph has it, else the answer lists them.
BODY_SHORT_FORMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"^(?P<name>.+?(?P<level>[省市县区州盟旗]))妇女联合会$"), ("{name}妇联", "{level}妇联")),
    (re.compile(r"^(?P<name>.+?(?P<level>[省市县区州盟旗]))妇联$"), ("{level}妇联",)),
    (re.compile(r"^(?P<name>.+?(?P<level>[省市县区州盟旗]))残疾人联合会$"), ("{name}残联", "{level}残联")),
    (re.compile(r"^(?P<name>.+?(?P<level>[省市县区州盟旗]))残联$"), ("{level}残联",)),
    (re.compile(r"^(?P<name>.+?(?P<level>[省市县区州盟旗]))科学技术协会$"), ("{name}科协", "{level}科协")),
    (re.compile(r"^(?:中国共产主义青年团|共青团)(?P<name>.+?(?P<level>[省市县区州盟旗]))委员会$"),
     ("共青团{name}委", "{name}团委", "{stem}团{level}委", "团{level}委")),
    # an enterprise or sector union named without 委员会 ("某某集团有限公司工会", "某市教育工会")
    (re.compile(r"^(?P<name>.+?工会)委员会$"), ("{name}",)),
)
# A question about trade unions as a kind ("各总工会", "湖南的总工会", "unions in Hunan", "which federation"): the
# bodies compared, listed or scoped are unions (a name with 工会), not every reporting body of the graph (a 妇联,
# a 财政局 reports too).  A federation of another kind ("women's federation") is not this word.
UNION_KIND_ASKED = re.compile(r"工会|\b(?:trade )?unions?\b|\bftus?\b|(?<!women's )(?<!womens )(?<!persons' )(?<!disabled )\bfederations?\b")
UNION_NAME_WORD = "工会"

# English names of a place's level, for a place an answer names in English ("Pidu District").
PLACE_LEVEL_ENGLISH: dict[str, str] = {"自治区": "Autonomous Region", "自治州": "Prefecture", "自治县": "County", "地区": "Prefecture",
                                       "省": "Province", "市": "City", "州": "Prefecture", "盟": "League", "县": "County",
                                       "区": "District", "旗": "Banner"}

# Readings of characters as they are read in place names where pypinyin's usual reading differs (郫都区 is
# "Pidu", not "Pidou"): used for the place an English answer names, not for matching (every reading matches).
PLACE_CHAR_READINGS: dict[str, str] = {"都": "du"}

# An apostrophe between pinyin syllables of a place ("Lu'an", "Xi'an", "Yan'an"): the place's word is read
# without it ("luan"); a possessive ("women's", "Zunyi's") is no syllable break (no vowel follows).
PINYIN_SYLLABLE_APOSTROPHE = re.compile(r"(?<=[a-z])['’](?=[aeo][a-z])")

# What may stand right before a GENERIC short form (the question's start, punctuation, a function word):
# after any other Chinese character the form ends another body's name ("某州市妇联": not the graph's 市妇联).
GENERIC_FORM_NOT_AFTER = re.compile(r"(?:(?![年的和与及在是对哪各每问请说下里中])[\u4e00-\u9fff])$")


# Words that say the question is about a project (so an indicator it names stands for its project).
PROJECT_WORDS: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"项目|资金|经费|补助|补贴|专项|工程"),
    "en": re.compile(r"\b(?:projects?|programm?es?|funds?|funding|subsid(?:y|ies)|grants?|schemes?|initiatives?)\b"),
}

# Indicator categories a question can restrict to ("满意度指标没有达标", "quality targets missed"):
# category -> (words in the question, pattern over the printed level-1/level-2 labels, else the name).
INDICATOR_CATEGORIES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "satisfaction": (re.compile(r"满意度|满意率|satisf"), re.compile(r"满意")),
    "quantity": (re.compile(r"数量(?:指标|类|方面)|\bquantity\b|\bquantitative\b"), re.compile(r"数量")),
    "quality": (re.compile(r"质量(?:指标|类|方面)|\bquality (?:indicators?|targets?|goals?)"), re.compile(r"质量")),
    "timeliness": (re.compile(r"时效|及时性|timeliness|\btime(?:ly)? (?:indicators?|targets?)"), re.compile(r"时效|时间|进度")),
    "cost": (re.compile(r"成本|\bcost (?:indicators?|targets?)|\bcost-related"), re.compile(r"成本")),
    "benefit": (re.compile(r"效益|\bbenefit|\bimpact (?:indicators?|targets?)|\boutcome (?:indicators?|targets?)"), re.compile(r"效益|影响")),
    "output": (re.compile(r"产出|\boutput (?:indicators?|targets?)"), re.compile(r"产出")),
    # (q8) a target without a figure ("明显提升", "有效减轻") is qualitative: tested on the target, not the level labels
    "qualitative": (re.compile(r"定性|\bqualitative\b"), re.compile(r"^[^0-9０-９]*$")),
}

# What a question about missed targets counts or lists ("有多少个项目未完成目标", "which bodies missed
# targets"): the answer leads with that number; any other question leads with the indicators.
MISSED_COUNT_SUBJECT: dict[str, re.Pattern[str]] = {
    "projects": re.compile(r"(?:多少|几)个?项目|哪些项目|哪几个项目|\b(?:how many|which|what) (?:\w+ ){0,2}(?:projects?|programm?es?)\b"),
    "bodies": re.compile(r"(?:多少|几)个?(?:单位|部门|工会)|哪些(?:单位|部门|工会)|哪几个(?:单位|部门|工会)"
                         r"|\b(?:how many|which|what) (?:\w+ ){0,2}(?:bodies|units|federations|unions|organi[sz]ations|departments)\b"),
}

# ---------------------------------------------------------------- follow-ups
FOLLOW_UP_PATTERNS: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"^(?:那|那么|还有|另外|再问)|呢[?？]?$|^(?:它|其|他们|该单位)"),
    "en": re.compile(r"^(?:and|what about|how about|same for|and for|also)\b|\b(?:its|their|it|them)\b"),
}

# ---------------------------------------------------------------- budget phase
PHASE_WORDS: dict[str, re.Pattern[str]] = {
    "budget": re.compile(r"预算|年初|budget(?:ed)?|planned|approved"),
    # the budget as adjusted during the year (调整预算数 of final accounts); its words also hold 预算, see wanted_phases
    "adjusted": re.compile(r"调整(?:后的?)?预算|预算调整|全年预算|\b(?:adjusted|revised)(?: budget)?\b"),
    # ("final expenditure", "the final figure": the final accounts' figure, not a budget's final line)
    "final": re.compile(r"决算|实际|执行数|支出了|final accounts?|\bfinal (?:expenditure|spending|income|revenue|figures?|amounts?)\b|actual|spent|outturn"),
}

# ---------------------------------------------------------------- amount items
# The lines a question can ask for ("concepts"), ordered from specific to general: the first concept
# whose question words match is asked.  Items of the genre's 三公 / 机关运行经费 / 政府采购 sections and of
# the economic classification (301 工资福利支出, 302 商品和服务支出, 303 对个人和家庭的补助): a question
# naming one asks for that line, never a total instead.
# concept -> the words a question names it by (what QA knows and the graph does not hold).
AMOUNT_ITEM_WORDS: dict[str, re.Pattern[str]] = {
    "reception": re.compile(r"公务接待(?!批次|人次|人数|次数)|\b(?:official )?receptions?\b|\bhospitality\b"),
    "abroad": re.compile(r"因公出国|出国\(境\)|出国|\babroad\b|\boverseas\b|\boutbound\b"),
    "vehicles": re.compile(r"公务用车(?!保有量|购置数|数量|辆数)|公车|\b(?:official |government )?(?:vehicles?|cars?)\b"),
    "three_public": re.compile(r"三公|(?:three|3) public|(?:three|3) official|(?:three|3)[- ]expense"),
    # (q23) also "running its offices", "keep its offices running"
    "running_costs": re.compile(r"机关运行|\brun(?:ning)? (?:its|the|their) (?:own )?offices?\b|\boffice running\b|\bkeep(?:ing)? (?:its|the|their) offices? running\b|\b(?:administrative )?running (?:costs?|expenses?|expenditures?)\b|\b(?:running|operating|operational|operation) (?:costs?|expenses?|expenditures?|funds?) of the (?:organ|agency|office|administration|body|federation|union)|\b(?:organ|agency|administrative|institutional)(?:'s)? (?:running|operating|operation) (?:costs?|expenses?|funds?)"),
    "procurement": re.compile(r"政府采购|采购|\bprocurement\b|\bprocured\b"),
    "salaries": re.compile(r"工资福利|工资|薪酬|薪金|\bsalar(?:y|ies)\b|\bwages?\b|\bpayroll\b|\bpay and benefits\b"),
    "goods_services": re.compile(r"商品和服务|商品服务支出|\bgoods and services\b"),
    "household_subsidies": re.compile(r"对个人和家庭的?补助|\bsubsid(?:y|ies) (?:to|for) (?:individuals|households|families)\b"),
    "union_funds": re.compile(r"工会经费|\bunion (?:funds?|dues|fees)\b"),
    # (also "人头费", "花在人员身上的钱": personnel costs asked colloquially)
    "personnel": re.compile(r"人员经费|人头费|(?:花|用)(?:在|到)(?:了)?(?:人员|人|职工|员工)身上|personnel|staff costs?"),
    "public_funds": re.compile(r"公用经费|公用支出|operating costs?|office costs?|public[- ]use (?:costs?|funds?|expenses?)|(?<!three )(?<!3 )\bpublic expenses\b"),
    # (also "项目上花了多少", "花在项目上的钱": the project line asked colloquially)
    "project_spending": re.compile(r"项目支出|项目经费|项目(?:上|里|方面)?(?:花|用|开支)(?:了|掉|费)|花(?:在|到)(?:了)?项目|project (?:expenditure|spending|budget|funds?)|projects? spending|\b(?:spen[dt]|spending|expenditures?|outlays?|went|go|going|allocated) (?:\w+ ){0,2}(?:on|to) (?:its |the |their )?projects\b|\bspen[dt] (?:more|less|over|under|above|below) (?:than )?(?:rmb |cny )?[\d.,]+ ?(?:billion |million |thousand |k )?(?:yuan |rmb |cny )?on (?:its |the |their )?projects\b|\bbudget(?:ed)? (?:(?:more|less|most|least) )?for (?:its |the |their )?projects\b"),
    "basic_spending": re.compile(r"基本支出|basic (?:expenditure|spending)"),
    # (also "财政给了多少钱", "财政拨了多少": the appropriation asked colloquially)
    # (q23) also what a body got from the government ("what did X get from the government", "government funding")
    "fiscal_appropriation": re.compile(r"财政拨款|财政(?:局|部门)?(?:给|拨|拨给|安排|补)(?:了)?(?:多少|几)|\bfiscal (?:money|funds?|funding|allocations?)\b|fiscal appropriation|government appropriation"
                                      r"|\b(?:get|gets|got|receive[ds]?|obtain(?:ed|s)?)\b.{0,30}\bfrom (?:the )?(?:government|state|treasury|finance (?:bureau|department))\b|\bgovernment (?:money|funds?|funding|grants?)\b"
                                      # (q25) "how much did the finance bureau give X", "how much public money went to X"
                                      r"|\b(?:finance (?:bureau|department|office)|treasury|government|state)\b.{0,12}\b(?:give|gave|given|grant(?:ed)?|allocated?|provided?|pa(?:y|id)|transferr?(?:ed)?|appropriated?)\b"
                                      r"|\b(?:public|taxpayers'?|state|budgetary) (?:money|funds?|funding)\b(?!.{0,20}\bspen[dt])"),
    "income_total": re.compile(r"收入|income|revenue|\bhow much (?:money |funding )?did .{1,60}\b(?:receive|get|take in|raise)\b|\b(?:have|had|receive[ds]?|received|get|got|gets)\b.{0,20}\b(?:money|funds?)\b|\bmoney\b.{0,30}\b(?:have|had|receive[ds]?|get|got)\b"),
    # (also "能花多少钱", "准备花多少": what a budget lets the body spend)
    "expenditure_total": re.compile(r"支出|花了|花费|花掉|花(?:在)?哪|开支|用了多少|(?:能|可以|打算|准备|计划|要)?花(?:多少|几)|expenditure|spending|spen[dt]|expenses"),
    "budget_total": re.compile(r"预算|budget|经费|funds?|money"),
}

# concept -> the expense-item category (ukg:itemCategory, ontology/codes/expense-items.ttl) the mapping
# writes on the rows of that line (graph/mapping.py ITEM_CATEGORY_PATTERNS): the rows of these concepts
# are read by the category in the graph, so QA and the mapping cannot disagree about a row.
AMOUNT_ITEM_CATEGORIES: dict[str, str] = {
    "reception": "item-sangong-reception",
    "abroad": "item-sangong-abroad",
    "vehicles": "item-sangong-vehicles",
    "three_public": "item-sangong",
    "running_costs": "item-running-costs",
    "procurement": "item-procurement",
    "personnel": "item-personnel",
    "public_funds": "item-public-use",
    "project_spending": "item-project",
    "basic_spending": "item-basic",
}

# concept -> pattern over the printed label, for the lines the graph gives no category (totals, the
# economic classes 工资福利 / 商品和服务 / 对个人和家庭的补助, 工会经费, 财政拨款).
AMOUNT_ITEM_LINES: dict[str, re.Pattern[str]] = {
    "salaries": re.compile(r"^工资福利(?:支出)?(?:合计)?$"),
    "goods_services": re.compile(r"^商品和服务支出"),
    "household_subsidies": re.compile(r"^对个人和家庭的?补助"),
    "union_funds": re.compile(r"工会经费"),
    # (q23) also the appropriation income printed by its fund ("一般公共预算拨款收入"), which budgets print for 财政拨款收入
    "fiscal_appropriation": re.compile(r"财政拨款|^一般公共预算(?:财政)?拨款收入$"),
    "income_total": re.compile(r"收入.{0,6}(?:合计|总计|总额)|^本年收入$|^收入总计|^(?:部门)?收入总(?:预算)?$"),
    "expenditure_total": re.compile(r"(?<!项目)(?<!基本)支出.{0,6}(?:合计|总计|总额)|^(?:本年|决算|部门)?支出(?:完成|决算|总|总预算)?$"),
    "budget_total": re.compile(r"(?<!项目)(?<!基本)(?:收入|支出).{0,6}(?:合计|总计|总额)|^(?:收入|支出|收支)?总预算$|^(?:收入|支出)预算$|^预算总额$|预算资金(?:总计|共计|合计)?$"
                               # a budget read from prose ("收入预算 512.40 万元，支出预算 …"): its line is 收入 / 支出
                               r"|^(?:收入|支出)$"),
}

# Printings of a categorised line that the mapping reads without a category or as a narrower line
# (measured over the samples and the written corpora: 因公出国(境)经费, 日常公用支出, 「三公」经费支出 get
# none; 公务用车购置费及运行费 gets the purchase line): such a row is read as the concept's by these exact
# printings.  Reported to the mapping's owner: once ITEM_CATEGORY_PATTERNS reads them, the entries can go.
MISREAD_PRINTINGS: dict[str, re.Pattern[str]] = {
    "abroad": re.compile(r"^因公出国[（(]?境[)）]?经费$"),
    "public_funds": re.compile(r"^日常公用(?:经费|支出)(?:合计)?$|^公用支出(?:合计)?$"),
    "three_public": re.compile(r"^[「『“\"]?三公[」』”\"]?经费(?:支出)?(?:合计)?$"),
    "vehicles": re.compile(r"^公务用车购置费?及运行(?:维护)?费?$|^公务用车(?:费|经费)?$"),
}

# Words joining several items in one question ("人员经费和公用经费分别是多少", "salaries and receptions"):
# each item named is answered.
LIST_CONJUNCTION = re.compile(r"和|与|及|以及|、|分别|\band\b|&|\brespectively\b")

# How an answer names the line a concept of AMOUNT_ITEM_WORDS asks for (a "not found" says what was looked for);
# a categorised concept is named by the graph's code list (qa_catalog_item_categories.rq) when the store holds it.
AMOUNT_ITEM_NAMES: dict[str, str] = {
    "reception": "公务接待费", "abroad": "因公出国（境）费", "vehicles": "公务用车购置及运行费", "three_public": "“三公”经费",
    "running_costs": "机关运行经费", "procurement": "政府采购", "salaries": "工资福利支出", "goods_services": "商品和服务支出",
    "household_subsidies": "对个人和家庭的补助", "union_funds": "工会经费", "personnel": "人员经费", "public_funds": "公用经费",
    "project_spending": "项目支出", "basic_spending": "基本支出", "fiscal_appropriation": "财政拨款",
    "income_total": "收入合计", "expenditure_total": "支出合计", "budget_total": "预算总额",
}

# The broader line that includes an item (concept -> concept of AMOUNT_ITEM_WORDS): when the body does not print
# the asked line, the answer says so and names the broader figure it does print (never as the answer).
BROADER_ITEM: dict[str, str] = {
    "salaries": "personnel", "household_subsidies": "personnel", "goods_services": "public_funds",
    "reception": "three_public", "abroad": "three_public", "vehicles": "three_public",
}

# A bare label that states a concept's total only when the body prints no fuller one ("2024年收入预算
# 512.00 万元" gives the item 收入): used after AMOUNT_ITEM_WORDS finds nothing.
AMOUNT_ITEM_FALLBACK: dict[str, re.Pattern[str]] = {
    "income_total": re.compile(r"^收入$"),
}

# Item labels too generic to count as "named in the question" (预算, 经费, 合计 ...): they are
# matched through the concepts above, never as a substring of the question.
GENERIC_ITEM = re.compile(r"^(?:预算|决算|经费|资金|合计|总计|小计|收入|支出|金额|本年|年初|全年|数)+$")

# How a printed line-item label is read for matching: its row number (一、 / 1. / （一）), 其中：
# and quotes go ("六、其他收入" -> 其他收入, "“三公”经费合计" -> 三公经费合计); a trailing 合计/总计
# also names the item without it (人员经费合计 answers "人员经费").
ITEM_DECORATION = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,2}[)）]|其中[:：]?)+")
ITEM_QUOTES = re.compile(r"[“”\"'「」『』‘’\s]")
ITEM_TOTAL_SUFFIX = re.compile(r"(?:合计|总计|小计)$")
# (q17) What a fee line's label adds after the fee when a final account prints the fee's spending ("“三公”经费财政
# 拨款支出", "机关运行经费支出", "公务接待费支出决算"): the line is asked by the fee alone ("三公经费", "机关运行经费").
# Only after 费: "一般公共预算财政拨款支出" is no fee, and "财政拨款支出" alone names no line; not after 缴费: the
# functional line "机关事业单位基本养老保险缴费支出" is another line than the economic "机关事业单位基本养老保险缴费".
ITEM_FEE_SPENDING_SUFFIX = re.compile(r"(?<=费)(?<!缴费)(?:财政拨款)?(?:支出)?(?:决算|预算)?数?$")
# The total row of a table (合计 / 总计): with a breakdown column it is that column's total
# (合计 | 其他收入 = all other income, 合计 | 基本支出 = all basic spending).
TOTAL_ROW = re.compile(r"^(?:合计|总计|小计)$")
# Columns that say only the phase or the total, never an item (决算数, 预算数, 本年支出合计).
PHASE_COLUMN = re.compile(r"^(?:\d{4}年)?(?:预算数?|决算数?|调整预算数?|执行数|本年预算|年初预算数?|合计|总计|金额|数额|全年预算数?)$")

# Names of one printed line, by the table layouts of different years and provinces: when the body
# does not print the name asked, the other names of the group are tried (an old-style 财政拨款收入 is the
# 一般公共预算拨款收入 of the new layout; 上年结转 / 年初结转和结余 are the same carry-over line).
ITEM_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("财政拨款收入", "一般公共预算拨款收入", "一般公共预算财政拨款收入", "一般公共预算收入", "一般公共预算拨款", "财政安排预算资金"),
    ("上年结转", "年初结转和结余", "上年结转结余", "年初结转结余", "上年结转和结余", "年初结余"),
    ("年末结转和结余", "年末结转结余", "年末结余"),
    ("政府性基金预算拨款收入", "政府性基金预算财政拨款收入", "政府性基金收入"),
    ("公务用车运行维护费", "公务用车运行费"),
    ("公务用车购置及运行维护费", "公务用车购置及运行费"),
    ("因公出国(境)费", "因公出国(境)费用", "出国(境)费"),
    ("单位资金收入", "单位资金"),
    ("财政专户管理资金收入", "财政专户管理资金"),
)

# A line printed with its class (款) in brackets: "行政运行（群众团体事务）" (NFKC: ASCII brackets) is the
# 行政运行 line of the class 群众团体事务; asked as the bare line, as "<class>行政运行" or "<class>-行政运行".
LINE_CLASS_IN_BRACKETS = re.compile(r"^(?P<line>[^()（）]{2,}?)[(（](?P<cls>[^()（）]{2,})[)）]$")
# What may stand between a class and its line when a question writes both ("群众团体事务-行政运行").
LINE_CLASS_JOINERS: tuple[str, ...] = ("", "-", "—", "·", "/", "的")

# Short forms of a class name a question may write ("群团事务行政运行" is the 行政运行 of 群众团体事务).
LINE_CLASS_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "群众团体事务": ("群团事务", "群团"),
    "行政事业单位养老支出": ("养老支出",),
    "行政事业单位医疗": ("单位医疗",),
    "文化和旅游": ("文旅",),
}

# The functional classification's 项 lines a union's budget prints (the MoF names, any year): a question
# naming one asks for that line's figure even without a money word ("某县总工会2022年行政运行是多少");
# a longer name that contains a printed line (其他群众团体事务支出 ⊃ 群众团体事务) asks for the longer line only.
FUNCTIONAL_LINE_NAMES = re.compile(
    r"行政运行|一般行政管理事务|机关服务|事业运行|其他群众团体事务支出|群众团体事务"
    r"|行政单位离退休|事业单位离退休|离退休人员管理机构|未归口管理的行政单位离退休|其他行政事业单位养老支出"
    r"|行政单位医疗|事业单位医疗|公务员医疗补助|其他行政事业单位医疗支出|住房公积金|提租补贴|购房补贴"
    r"|机关事业单位基本养老保险缴费支出|机关事业单位职业年金缴费支出"
)
# An amount asked of a line or a classification code, without a money word: "2012901是多少",
# "科目2070101预算多少", "功能分类2210201是多少", "行政运行花多少", "budget for code 2080501".
LINE_AMOUNT_QUESTION = re.compile(
    r"(?:(?<!\d)(?:\d{5}|\d{7})(?!\d)|" + FUNCTIONAL_LINE_NAMES.pattern + r")(?:(?!编码|代码|编号|科目)[^?？。]){0,10}?"
    r"(?:(?:是|有|为|共|一共|花了?|交了?|用了?)?多少(?!人|名|户|个|家|次)|(?:预算|决算)(?:数)?(?:是|为)?(?:多少)?$|几(?:万|百万|千)?元)"
    r"|\b(?:budget(?:ed)?|spen[dt]|spending|expenditure|paid|pay)\b.{0,20}\bcode\b"
    # a question that is only a body, a year and the line ("某县总工会2024年事业单位离退休")
    r"|(?:" + FUNCTIONAL_LINE_NAMES.pattern + r")(?:支出|预算|决算|预算数|决算数)?\s*[?？]?\s*$"
)

# Colloquial names of classification lines: the word a user writes -> the MoF lines it may mean (the body's
# printed one answers; "离退休的钱" is 行政单位离退休 / 事业单位离退休 or the economic 离退休费).
COLLOQUIAL_LINE_NAMES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"(?<![行政事业单位])离退休(?!人员?(?:有|多少|几)|费)"), ("行政单位离退休", "事业单位离退休", "离退休费")),
    (re.compile(r"(?<!住房)公积金"), ("住房公积金",)),
    (re.compile(r"(?<!事业单位)(?<!行政单位)医疗(?:费|的钱|经费|支出)"), ("行政单位医疗", "事业单位医疗")),
)

# Where a question comparing two printed lines splits into the two ("行政运行比一般行政管理事务多多少",
# "how much more for administrative operation than for housing provident fund"): each side names one line.
LINE_GAP_SPLIT: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"(?<![占对相评])比(?!例|重|率|上年|去年|前年|\d{2,4}年)|是(?=[^是]{2,}的(?:几|多少)倍)"),
    "en": re.compile(r"\bthan\b(?!\s+(?:in\s+)?(?:last|the previous|the prior)\s+year|\s+(?:in\s+)?(?:19|20)\d{2}\b)"),
}

# A line asked inside a total ("财政拨款支出中行政运行", "群众团体事务里的一般行政管理事务",
# "B in/under A"): the inner part names the line answered, the outer the total (or class) it sits in.
# The outer part must end as a line does (支出, 事务 ...), so 其中 / 中央 / 中小企业 split nothing.
LINE_CONTAINER: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"(?P<outer>[\u4e00-\u9fff]{2,}?(?:支出|收入|经费|事务|拨款|预算|决算|合计|总额|(?<=\()类|(?<=\()款))的?"
                     r"(?:当中|之中|里面|中间|中|里|内)的?(?P<inner>[\u4e00-\u9fff()\-]{2,}.*)"),
    "en": re.compile(r"^(?P<inner>.+?)\b(?:in|under|within|inside|as part of|out of) (?:the |its |their )?"
                     r"(?P<outer>.*\b(?:expenditures?|spending|appropriations?|affairs|income|revenues?|costs?|services)\b.*)$"),
}

# English names of printed line items: the Chinese label is looked for when the phrase is asked.
ITEM_TRANSLATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bother (?:income|revenues?)\b"), "其他收入"),
    (re.compile(r"\b(?:business|operating) (?:income|revenues?)\b"), "经营收入"),
    (re.compile(r"\b(?:public service|institutional|service) (?:income|revenues?)\b"), "事业收入"),
    (re.compile(r"\bsubsid(?:y|ies) from (?:the )?(?:higher|superior|upper)|\bhigher-level subsid"), "上级补助收入"),
    (re.compile(r"\b(?:fiscal|government|financial) appropriations? (?:income|revenues?)\b|\b(?:income|revenues?) (?:came |comes |come )?from (?:fiscal|government|financial) appropriations?"), "财政拨款收入"),
    # the general public budget appropriation is a spending line when the question speaks of spending
    (re.compile(r"\b(?:spending|expenditures?|spent)\b.*\bgeneral (?:public )?budget (?:fiscal )?appropriations?\b|\bgeneral (?:public )?budget (?:fiscal )?appropriations?\b.*\b(?:spending|expenditures?|spent)\b"), "一般公共预算财政拨款支出"),
    (re.compile(r"^(?!.*\b(?:spending|expenditures?|spent)\b).*\bgeneral (?:public )?budget appropriations?\b"), "一般公共预算拨款收入"),
    (re.compile(r"\bgovernment(?:al)?[- ]fund(?:s|ed)? (?:budget )?appropriations?\b"), "政府性基金预算拨款收入"),
    (re.compile(r"\bunit(?:'s)? (?:own )?funds?\b"), "单位资金收入"),
    (re.compile(r"\bcarr(?:y|ied|ies)[- ](?:over|forward)s? from (?:the )?(?:last|previous|prior) year|\bbrought forward\b|\bopening balance\b"), "上年结转"),
    (re.compile(r"\byear[- ]end (?:carr(?:y|ied)[- ](?:over|forward)|balance)s?|\bcarr(?:y|ied)[- ](?:over|forward)s? (?:to|into) (?:the )?next year|\bclosing balance\b"), "年末结转和结余"),
    (re.compile(r"\bbasic (?:salar(?:y|ies)|wages?|pay)\b"), "基本工资"),
    # salaries / wages (not basic salary) are the economic-classification line 301 工资福利支出
    (re.compile(r"(?<!basic )\b(?:salar(?:y|ies)|wages?|payroll)\b(?! (?:of|for) (?:the )?(?:basic|base))|\bpay and benefits\b"), "工资福利支出"),
    (re.compile(r"\bgoods and services\b"), "商品和服务支出"),
    # money for retirees: the 离退休费 / 退休费 lines (303 对个人和家庭的补助)
    # (a pension *insurance contribution* is the employer's 养老保险缴费 line, not money paid to retirees)
    (re.compile(r"\b(?:retirees?|retired (?:staff|cadres|personnel|workers|employees)|pensions?(?! (?:insurance|contributions?))|retirement (?:pay|benefits|costs?))\b"), "离退休费"),
    (re.compile(r"\b(?:retirees?|retired (?:staff|cadres|personnel|workers|employees)|pensions?(?! (?:insurance|contributions?))|retirement (?:pay|benefits|costs?))\b"), "退休费"),
    (re.compile(r"\b(?:basic )?pension (?:insurance )?contributions?\b|\bcontributions? to (?:the )?(?:basic )?pension insurance\b"), "机关事业单位基本养老保险缴费支出"),
    (re.compile(r"\b(?:basic )?pension (?:insurance )?contributions?\b|\bcontributions? to (?:the )?(?:basic )?pension insurance\b"), "机关事业单位基本养老保险缴费"),
    (re.compile(r"\boccupational annuit(?:y|ies)\b"), "机关事业单位职业年金缴费支出"),
    (re.compile(r"\boccupational annuit(?:y|ies)\b"), "职业年金缴费"),
    (re.compile(r"\bsubsid(?:y|ies) (?:to|for) (?:individuals|households|families)\b"), "对个人和家庭的补助"),
    (re.compile(r"\ballowances?\b"), "津贴补贴"),
    (re.compile(r"\bbonus(?:es)?\b"), "奖金"),
    (re.compile(r"\bperformance[- ](?:related )?pay\b"), "绩效工资"),
    (re.compile(r"\bhousing (?:provident )?fund\b"), "住房公积金"),
    # lines of the functional classification's 项 that every union's budget prints (2012901, 2012902,
    # 2012999, 2080501, 2080502, 2101101 ...): the MoF names, as English questions write them
    (re.compile(r"\badministrative (?:operations?|running)\b|\brunning of (?:the )?administration\b"), "行政运行"),
    (re.compile(r"\bgeneral (?:administration|administrative)(?: management)? (?:affairs|matters)\b"), "一般行政管理事务"),
    (re.compile(r"\bother (?:expenditures?|spending) (?:on|for|of) (?:the )?mass organi[sz]ations?(?: affairs)?\b|\bother mass organi[sz]ations? (?:affairs )?(?:expenditures?|spending)\b"), "其他群众团体事务支出"),
    (re.compile(r"\bmass organi[sz]ations?(?:'s?)? affairs\b|\baffairs of mass organi[sz]ations\b"), "群众团体事务"),
    (re.compile(r"\bretire(?:es|ment|d staff) (?:of|from|in) administrative units?\b|\badministrative units?(?:'s?)? retire(?:es|ment|d staff)\b"), "行政单位离退休"),
    (re.compile(r"\bretire(?:es|ment|d staff) (?:of|from|in) (?:public )?institutions?\b|\b(?:public )?institutions?(?:'s?)? retire(?:es|ment|d staff)\b"), "事业单位离退休"),
    (re.compile(r"\bmedical (?:care|insurance|expenses?) (?:of|for) administrative units?\b|\badministrative units?(?:'s?)? medical\b"), "行政单位医疗"),
    (re.compile(r"\bmedical (?:care|insurance|expenses?) (?:of|for) (?:public )?institutions?\b|\b(?:public )?institutions?(?:'s?)? medical\b"), "事业单位医疗"),
    (re.compile(r"\b(?:institution|public service unit) operations?\b"), "事业运行"),
    (re.compile(r"\b(?:fiscal|government|financial) appropriations? (?:expenditures?|spending)\b"), "财政拨款支出"),
    (re.compile(r"\boffice (?:expenses?|costs?)\b"), "办公费"),
    (re.compile(r"\btravel(?:ling)? (?:expenses?|costs?)\b"), "差旅费"),
    (re.compile(r"\b(?:official )?receptions?\b"), "公务接待费"),
    (re.compile(r"\b(?:overseas|outbound|abroad) (?:travel|trips?|visits?)|\btrips? abroad\b"), "因公出国(境)费"),
    (re.compile(r"\bvehicle (?:operation|operating|running|maintenance)\b"), "公务用车运行维护费"),
    (re.compile(r"\bvehicle purchases?\b|\bpurchas(?:e|ing) (?:of )?vehicles?\b"), "公务用车购置费"),
    # the functional classification's classes (类), as English questions name them
    (re.compile(r"\bgeneral public services?\b"), "一般公共服务支出"),
    (re.compile(r"\bsocial security and employment\b"), "社会保障和就业支出"),
    (re.compile(r"\bhealth(?: ?care)? (?:spending|expenditures?)\b|\b(?:spen[dt]|spending|expenditures?|budget(?:ed)?|outlays?) (?:on|for) health(?: ?care)?\b"), "卫生健康支出"),
    (re.compile(r"\bhousing security\b|\bhousing (?:spending|expenditures?)\b|\b(?:spen[dt]|spending|expenditures?|budget(?:ed)?) (?:on|for) housing\b(?! provident)"), "住房保障支出"),
    (re.compile(r"\beducation (?:spending|expenditures?)\b|\b(?:spen[dt]|spending|expenditures?|budget(?:ed)?) (?:on|for) education\b"), "教育支出"),
    (re.compile(r"\bculture,? (?:tourism,? )?sports? and (?:the )?media\b"), "文化旅游体育与传媒支出"),
    (re.compile(r"\bculture,? (?:tourism,? )?sports? and (?:the )?media\b"), "文化体育与传媒支出"),
    (re.compile(r"\bstate[- ]owned capital (?:operations?|operating)\b|\bstate capital operations?\b"), "国有资本经营预算支出"),
    (re.compile(r"\bbasic (?:expenditure|spending)\b"), "基本支出"),
    (re.compile(r"\bproject (?:expenditure|spending)\b"), "项目支出"),
    (re.compile(r"\bpersonnel (?:costs?|expenses?|expenditure)\b"), "人员经费"),
    (re.compile(r"\b(?:public[- ]use|operating|office running) (?:costs?|expenses?|funds?)\b"), "公用经费"),
    # (q25) the genre's items a paragraph names, asked by their English names ("the labour competition budget" ->
    # 劳动竞赛经费, "the workers' reading rooms" -> 职工书屋建设经费)
    (re.compile(r"\blabou?r (?:competitions?|contests?|emulation)\b"), "劳动竞赛"),
    (re.compile(r"\b(?:workers'? |staff )?reading rooms?\b"), "职工书屋"),
)

# The English names of the functional classification's lines (ITEM_TRANSLATIONS whose Chinese label is one of
# FUNCTIONAL_LINE_NAMES): "retirees of administrative units" asks a line's money, not a staff count.
ENGLISH_LINE_NAMES = re.compile("|".join(f"(?:{p.pattern})" for p, zh in ITEM_TRANSLATIONS if FUNCTIONAL_LINE_NAMES.fullmatch(zh)))

# Standard lines of the income / carry-over tables: a question that names one asks for that line
# only; a body that does not print it has no such figure (never the total instead).
STANDARD_LINE_ITEMS = re.compile(
    r"财政拨款收入|(?:一般公共预算|政府性基金预算|国有资本经营预算)(?:财政)?拨款(?!支出)"
    r"|财政专户管理资金(?:收入)?|单位资金收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入"
    r"|上年结转|年初结转|年末结转|结余分配|用事业基金弥补"
    # parts of 工资福利支出 (302/303 lines have concepts of their own): never answered by the 301 total
    r"|基本工资|津贴补贴|奖金|绩效工资"
    # the employer's social-insurance lines (2080505 / 2080506, 30108 / 30109): never a broader total
    r"|(?:机关事业单位)?(?:基本养老保险|职业年金)缴费"
)

# Columns of a table that break a total down (basic vs project, by fund source): a question that
# does not name them asks for the total column.
BREAKDOWN_COLUMNS = re.compile(r"基本支出|项目支出|人员经费|公用经费|上缴上级|经营支出|对附属单位|财政拨款收入|上级补助|事业收入|其他收入|政府性基金|国有资本")

# Words of a question that ask how many people / households / items something reached,
# mapped to the counters a document prints after the number (户, 人, 名 ...).
COUNT_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"多少|几"),
    "en": re.compile(r"\bhow many\b|\bnumber of\b"),
}
COUNT_UNITS: dict[str, re.Pattern[str]] = {
    "户": re.compile(r"户|家庭|households?|famil(?:y|ies)"),
    "人": re.compile(r"人|名|职工|劳模|workers?|people|persons?|retirees?|employees?|model workers?|beneficiar|recipients?|individuals?|widows?"),
    "个": re.compile(r"个|项|projects?|items?|units?"),
    "家": re.compile(r"家|compan(?:y|ies)|enterprises?|firms?"),
    "场": re.compile(r"场|次|期|届|轮|events?|sessions?|activities|contests?|competitions?"),
}

# Why a budget was not fully spent ("为什么执行率低", "执行率为什么没有达到100%", "why was the execution rate
# low"): the deviation reasons the documents state answer it, with the stated rates.
RATE_REASON_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"(?:为什么|为何|原因|怎么会|缘由).{0,12}(?:执行率|执行进度|支出进度|预算执行)"
                     r"|(?:执行率|执行进度|支出进度|预算执行).{0,16}(?:为什么|为何|原因|怎么会|缘由)"
                     # money left unspent ("资金为什么没有用完", "为何预算未执行完")
                     r"|(?:为什么|为何|原因|怎么会).{0,12}(?:没有?|未能?)(?:用完|花完|支出完|执行完|全部(?:支出|使用|执行))"
                     r"|(?:没有?|未能?)(?:用完|花完|支出完|执行完|全部(?:支出|使用|执行)).{0,8}(?:为什么|为何|原因)"),
    "en": re.compile(r"\b(?:why|reasons?|explain\w*|caus\w*)\b.{0,60}\b(?:execution|spending|implementation) rate\b"
                     r"|\b(?:execution|spending|implementation) rate\b.{0,60}\b(?:why|reasons?|explain\w*|caus\w*)\b"
                     r"|\bwhy\b.{0,60}\b(?:under-?spen[dt]|not (?:fully )?spen[dt])\b"
                     r"|\bwhy\b.{0,20}(?:\bnot|n't)\b.{0,40}\b(?:fully )?(?:spend|use)\b.{0,30}\b(?:budget|funds?|money|all|whole|full|entire)\b"
                     r"|\bwhy\b.{0,60}\b(?:unspent|left over)\b"),
}

# A question asking why ("为什么没有完成", "why was the target missed"): the stated reasons go with the answer.
# A follow-up that only asks why ("why?", "为什么？", "原因是什么"): about what the previous answer listed,
# so a family that states its own reasons (missed targets) keeps answering (see the answerer).
BARE_WHY = re.compile(r"^\s*(?:(?:and |but )?why(?: (?:is|was|were) that| not| so)?|what (?:is|was|were) the reasons?|为什么|为何|原因(?:是什么|呢)?|为什么呢|怎么回事)\s*[?？。.!！]*\s*$")
# Families whose answer gives the stated reasons when asked why (a bare "why?" after them stays with them).
REASON_GIVING_FAMILIES = frozenset({"missed_targets", "lost_points"})  # (q8) lost points list their reasons too

# (q8) Improvement measures asked ("有哪些改进措施", "what corrective actions"): the tables print them with the
# deviation reasons (偏差原因分析及改进措施), so the answer lists the missed indicators with that column.
MEASURES_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"改进措施|整改措施|改进建议|整改(?:情况|意见)|(?:怎么|如何)(?:改进|整改)"),
    "en": re.compile(r"\b(?:improvement|corrective|remedial) (?:measures|actions|steps|plans?)\b|\bhow (?:will|would|do|does) .{1,40}\bimprove\b"),
}
WHY_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"为什么|为何|原因|怎么会|缘由|咋没|为啥|咋(?:这么|那么)"),
    "en": re.compile(r"\bwhy\b|\breasons?\b|\bcaus(?:e|es|ed)\b|\bexplain"),
}

# The count a payee label of a group of people carries ("困难职工（120人）", "市直离退休劳动模范（55名）",
# "困难职工家庭（360户）"): not part of the group's name when a question names the group.
PAYEE_COUNT_SUFFIX = re.compile(r"[（(]\s*[\d,.]+\s*(?:人次|人|名|位|户|家|个)\s*[）)]\s*$")

# The approximation word the extractor keeps with a counted item ("开展竞赛（约数：多）" for "开展竞赛 250 多场次"):
# an answer prints it after the number again ("250 多场次").
APPROXIMATE_COUNT_ITEM = re.compile(r"[（(]约数[：:]\s*([^）)]{1,3})[）)]$")

# A counter of events printed right after 多少 / 几 ("多少期培训", "几场竞赛"): the question's one counter
# (the words after it name what was done, 职工 in 职工技能培训 is no count of people).  The generic 个 and
# the person / household counters are left to COUNT_UNITS over the words that follow.
COUNTER_AFTER_HOW_MANY = re.compile(r"(?:多少|几)(场次|场|期|届|轮|批次)")

# ---------------------------------------------------------------- stated counts (ukg:StatisticalCount)
# Grades a question or a counted item names.  In a question a bare 中/良/优 is only a grade after a
# grading word or inside quotes (其中, 中心 are not grades); 优秀 / 良好 / excellent are always grades.
# A question that asks for the grade (等级) itself: when the document prints none, the answer says so.
GRADE_ASKED = re.compile(r"等级|评级|档次|\bgrades?\b|\bgraded\b|\brating\b")

GRADE_WORDS: dict[str, re.Pattern[str]] = {
    "question": re.compile(
        r"(?:评为|评价为|结果为|结果是|等级为|等级是|评级为|被评|得了?|获得?|为|是)[“\"「]?(优秀|优|良好|良|中等|中|较差|差)(?![心国文])"
        r"|(优秀|良好)|[“\"「](优|良|中|差)[”\"」]|\b(excellent|good|fair|poor)\b"
    ),
    "item": re.compile(r"[“\"「](优秀|优|良好|良|中等|中|较差|差)[”\"」]"),
}
# A grade as the four bands name it: 优秀 -> 优, good -> 良.
GRADE_BAND: dict[str, str] = {"优秀": "优", "优": "优", "excellent": "优", "良好": "良", "良": "良", "good": "良",
                              "中等": "中", "中": "中", "fair": "中", "较差": "差", "差": "差", "poor": "差"}

# What a count question asks about (question pattern) and the counted items that answer it (item
# pattern, on the item as the extractor normalised it: 开展绩效自评的二级项目, 预算执行率达到100%的项目 ...).
COUNT_TOPICS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "graded_projects": (GRADE_WORDS["question"], re.compile(r"评价结果为.{0,4}的项目|评价等级")),
    "self_evaluated": (re.compile(r"自评|self-evaluat|\bevaluat(?:e|ed|ion)\b(?! by (?:the |its )?department)"), re.compile(r"开展绩效自评")),
    "full_execution": (re.compile(r"执行率.{0,8}100|100\s*%.{0,30}execution|execution.{0,30}100\s*%|全部执行|fully (?:spent|executed)"),
                       re.compile(r"执行率达到100%")),
    "department_evaluation": (re.compile(r"部门评价|department(?:al)? evaluation|evaluated by (?:the |its )?department"), re.compile(r"开展部门评价")),
    "key_evaluation": (re.compile(r"重点评价|key (?:performance )?evaluation|focus evaluation"), re.compile(r"重点评价")),
    "high_score": (re.compile(r"(?:90|九十)分(?:以上|及以上)|[≥>]=?\s*90|不低于\s*90|90 (?:points )?or (?:more|above)|at least 90"),
                   re.compile(r"[≥>]=?\s*90分?")),
    "budget_units": (re.compile(r"预算单位|budget units"), re.compile(r"预算单位|编制范围|汇编范围")),
    "subordinate_units": (re.compile(r"事业单位|下属单位|所属单位|直属单位|二级单位|subordinate|affiliated|public institutions|(?:funded|financed) units"),
                          re.compile(r"事业单位|下属|所属|直属单位")),
}

# A question asking how many projects were graded / evaluated, or how many units a body has.
STATED_COUNT_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(
        r"(?:几|多少)个?项目.{0,12}(?:评价|评为|评级|自评|得分|执行率|重点评价|部门评价)"
        r"|(?:评价|评为|评级|自评|得分|执行率|评价结果).{0,16}(?:几|多少)个"
        r"|(?:几|多少)(?:个|家)(?:二级)?(?:预算单位|[^，,。？?]{0,6}事业单位|下属单位|所属单位|直属单位)"
        r"|(?:预算单位|事业单位|下属单位|所属单位|直属单位|范围的单位)(?:共|一共|共有|有)?(?:几|多少)(?:个|家)?"
        r"|(?:评价|评为|评级|自评|得分|执行率|评价结果)[^，,。？?]{0,12}项目(?:数|个数|数量)"
    ),
    "en": re.compile(
        r"how many (?:of )?(?:\S+ ){0,4}projects?\b.{0,80}\b(?:graded|rated|evaluat\w*|execution|scored?|excellent|good)"
        r"|how many (?:(?:fully|partially|self)[- ](?:funded|financed) )?(?:subordinate |affiliated |budget |secondary |public )?(?:units|institutions)\b"
    ),
}

# Categories of units a question may name (ontology/codes/unit-categories.ttl, by concept name):
# "有哪些差额拨款事业单位" lists only the units of that funding type or reform class.
UNIT_CATEGORY_WORDS: dict[str, re.Pattern[str]] = {
    "funding-full": re.compile(r"全额拨款|全额|fully[- ]funded"),
    "funding-partial": re.compile(r"差额拨款|差额|partially[- ]funded"),
    "funding-self": re.compile(r"自收自支|经费自理|self-financed|self-funded"),
    "reform-civil-service-managed": re.compile(r"参公|参照公务员|civil[- ]service"),
    "reform-public-welfare-1": re.compile(r"公益一类|public welfare class 1|class 1 public"),
    "reform-public-welfare-2": re.compile(r"公益二类|public welfare class 2|class 2 public"),
    "reform-commercial": re.compile(r"经营类|commercial"),
}

# A question asking how far a final figure is from the year's budget ("比年初预算增加了多少"): the
# figure stated as a difference (ukg:amountQualifier difference_from_budget) answers it.
# (q17) Whether a final figure stayed within its budget, or how much of the budget it reached ("是否超预算", "超支了吗",
# "完成预算多少", "did it overspend"): a final account's printed 完成年初预算的 x% answers when no budget figure is held.
BUDGET_OVERRUN_QUESTION = re.compile(
    r"超(?:出|过|了)?(?:年初)?预算|超支|预算(?:内|以内|之内)|完成(?:了)?(?:年初)?预算|预算完成(?:率|情况)?|完成率"
    r"|\bover ?spen[dt]\w*|\bover (?:the |its |their )?budget\b|\bexceed(?:ed|s)? (?:the |its |their )?budget\b|\bwithin (?:the |its |their )?budget\b"
)
# (q17) The lines printed within a named line asked ("项目支出都有哪些", "收入包括哪些", "what did its project spending
# consist of"): the parts the document lists under it (ukg:partOf), not the line's own figure.
LINE_PARTS_QUESTION = re.compile(
    r"(?:都|具体|主要|分别)?(?:有|包括|包含|含|分为|分成|由)(?:了)?(?:哪些|哪几[个项笔]|什么)(?:项目|内容|部分|组成)?|明细|(?:由|的)(?:哪些)?(?:构成|组成)"
    r"|\bwhat (?:does|did|do) .{1,60}\b(?:consist of|include|cover)\b|\b(?:items|lines|parts) (?:of|in|within|under)\b"
)
BUDGET_DIFFERENCE_QUESTION = re.compile(
    r"(?:比|较|与|和|同)(?:年初)?预算(?:数)?(?:相比)?[，,]?(?:增加|减少|多|少|节约|节省|超支|超出|超了|增长|下降|差)"
    r"|(?:above|below|over|under|more than|less than|compared (?:with|to)) (?:the |its |their )?(?:year'?s |initial |original )?budget"
    # (q7) the line named on both sides ("决算收入比预算收入多多少", "预算支出比决算支出少了多少")
    # (q26) the adjusted budget too ("决算比调整预算少多少")
    r"|决算[\u4e00-\u9fff]{0,8}?(?:比|较)(?:年初|调整(?:后)?(?:的)?)?预算[\u4e00-\u9fff]{0,8}?(?:多|少|高|低|增加|减少|超|差)"
    r"|预算[\u4e00-\u9fff]{0,8}?(?:比|较)决算[\u4e00-\u9fff]{0,8}?(?:多|少|高|低|增加|减少|差)"
)

# A question about the share a figure has of a total ("占本年支出合计多少", "what share of"): the
# stated ukg:sharePercent is part of the answer.
SHARE_QUESTION = re.compile(r"占.{0,12}(?:多少|比例|比重|百分之|百分比|几成|%)|占比|比重|\bshare\b|\bproportion\b|\bper ?cent(?:age)? of\b|\bratio of\b")

# A question about a body's former or new name.
RENAME_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"现在叫|现名|改名|更名|原名|曾用名|以前叫|原来叫|过去叫|前身|新名称|名称变更|改称|改为什么"),
    "en": re.compile(r"\bformer(?:ly)? (?:name|called|known)|\brenamed\b|\bnew name\b|\bprevious name\b|\bold name\b|\bnow called\b|\bcalled now\b|\bname change"),
}
# A question about the other names of a body (its 以下简称 short name, variants).
ALIAS_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"简称|全称|别称|别名|又称|又叫|也叫|还叫|其他名称"),
    "en": re.compile(r"\bshort (?:name|form)\b|\babbreviat\w*|\balso (?:known|called)\b|\bother names?\b|\baliases?\b|\bfull name\b"),
}

# Units named by their category ("参公单位是哪个", "差额拨款单位有哪些"): a question about subordinate units.
# (q17) A body's units ranked by a line ("哪个下属单位的收入预算最多", "下属单位中谁的支出最少", "which of its units
# had the largest budget"): every unit's figure, sorted, the end named; not two bodies compared.
# (q17) A kind of indicators asked ("满意度指标有哪些", "时效类指标"): names the kind, no indicator of it, so it is left
# out when indicator names are matched loosely ("满意度" alone is most of "职工满意度", not a mention of it).
INDICATOR_KIND_ASKED = re.compile(r"(?:服务对象)?(?:满意度|满意率|数量|质量|时效|成本|效益|社会效益|经济效益|生态效益|可持续影响|产出|定性|定量)(?:类)?(?:绩效)?指标")
# (q17) One line asked of several years, each year in its own clause with its own phase ("某某经费2023年花了多少，2024年
# 预算多少"): each clause, from its year to the next separator, is asked on its own with the words before the first year.
YEAR_CLAUSE = re.compile(r"(?:19|20)\d{2}\s*年?[^，,；;。？?]*")
CLAUSE_SEPARATOR = re.compile(r"[，,；;]")
UNIT_RANKING_QUESTION = re.compile(
    r"哪(?:个|一个|家)(?:下属|所属|直属|二级)?(?:预算)?单位.{0,12}(?:最多|最高|最大|最少|最低|最小)"
    r"|(?:下属|所属|直属|二级)(?:预算)?单位(?:中|里|当中|之中)?.{0,12}(?:最多|最高|最大|最少|最低|最小)"
    r"|\bwhich (?:of (?:its|the|their) )?(?:[\w'-]+ ){0,3}?(?:subordinate |affiliated )?units?\b(?!.{0,40}\b(?:money|funds|funding|paid|received|got|transfers?|grants?)\b)\s.{0,60}\b(?:most|least|largest|smallest|highest|lowest|biggest)\b"
)
# (q17) The last figure asked again by unit, in a chat ("按单位分一下", "分单位看看", "by unit?"): each unit's figure.
BY_UNIT_FOLLOW_UP = re.compile(r"^(?:那|再)?(?:按|分)(?:下属|各|每个)?单位(?:分|拆|列|看|细分|说)?(?:一下|下|看看|开|列出来)?(?:呢)?[?？。]?$|^(?:and |now )?(?:broken down )?by unit[?？]?$")
UNIT_CATEGORY_QUESTION = re.compile(r"(?:全额拨款|差额拨款|自收自支|参公|参照公务员法管理|公益一类|公益二类|经营类)(?:的)?(?:事业)?单位")

# A question asked of every body at once ("各总工会分别有几个下属单位", "how many units does each
# federation have"): answered body by body over the graph, not with a request to name one.
EACH_BODY = re.compile(r"各(?:个|级)?(?:总工会|工会|单位|部门)|每(?:个|一个|家)(?:总工会|工会|单位|部门)|(?:所有|全部)(?:的)?(?:总工会|工会)"
                       # a kind of body other than unions ("各妇联", "每个团委": ZH_KIND_NAMES' words)
                       r"|(?:各|每(?:个|一个|家)|所有|全部)(?:的)?(?:[省市县区]级?)?(?:妇联|残联|科协|团[省市县区]?委|财政局|教育局)"
                       r"|\b(?:each|every|per|all(?: the)?) (?:[a-z']+ )?(?:federations?|unions?|bod(?:y|ies)|organi[sz]ations?|associations?|committees?|bureaus?)\b")

# A question about every body within a place ("federations in Lishui", "丽水市各总工会", "丽水境内的工会"):
# "en" is what comes before the place's pinyin, "zh" what comes after the place's Chinese name; the
# place must be one that encloses bodies of the graph (by their division codes).
REGION_SCOPE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:federations?|unions?|bodies|organi[sz]ations|units) (?:in|within|across) (?:the )?$"),
    # "湖南的总工会", "丽水市各总工会", "丽水境内的工会" (的 alone is enough: "湖南省总工会" is the province's body)
    # ("福建省各市总工会", "某市各县总工会": a level word after 各 too)
    # ("福建省哪个总工会…最多": a question word after the place scopes to it too)
    "zh": re.compile(r"^(?:境内|辖区内?|范围内|所辖|下辖)?(?:的(?:各|所有|全部|哪(?:个|些|家|一个))?|各|所有|全部|哪(?:个|些|家|一个))(?:个|级)?(?:区县|县区|县市区|地市|市州|地级市|[市州县区])?(?:级)?(?:的)?(?:总工会|工会|单位)"
                     # (q22) "辽宁省有哪些总工会的数据", "辽宁有几个总工会", "黑龙江有哪些单位的数据" (not "某市有哪些单位": its units)
                     r"|^(?:境内|辖区内?)?(?:都|一共|共)?有(?:哪些|哪几家|哪几个|几个|几家|多少个?|多少家)(?:(?:区县|县区|[市县区])?(?:级)?(?:的)?(?:总工会|工会)|单位(?:的)?(?:数据|资料|文件))"),
    # "which Lishui county union ...", "all Lishui district unions": a question word before the place's pinyin
    # ("en_which") and a kind of lower-level body after it ("en_kind_after")
    "en_which": re.compile(r"\b(?:which|each|every|all(?: the)?)\s+$"),
    "en_kind_after": re.compile(r"^\s+(?:county|district|county and district|district and county|county-level)\s+(?:unions?|federations?|bodies)\b"),
    # "which Fujian city union", "the Hubei municipal federations": the cities of a province (linking checks the
    # place is a province: "which Sanming city union" names that city's own body)
    "en_city_kind_after": re.compile(r"^\s+(?:city|municipal|prefecture|prefectural|city-level)\s+(?:unions?|federations?|bodies)\b"),
}
# A place's lower levels only ("丽水各县区总工会", "the county and district unions in Lishui"): the bodies
# the place encloses, without the place's own federation (丽水市总工会 is no county's or district's).
REGION_LOWER_LEVELS = re.compile(r"(?:区县|县区|县市区|县\(市、区\)|各县|各区)(?:级)?(?:的)?(?:总工会|工会)"
                                 r"|\b(?:count(?:y|ies)|districts?)(?:[- ]level)?(?: (?:and|or|&) (?:count(?:y|ies)|districts?))? (?:federations?|unions?|bodies)\b")
# A share of a named base ("人员经费占基本支出的比例", "项目支出占支出总额的比重"): the part before 占, the base
# after it (not the year's total of its direction, which answers "占比" without a base).
SHARE_OF_NAMED_BASE = re.compile(r"(?P<part>[^,，。?？]{2,40}?)占(?!比|用)(?:了)?(?P<base>[\u4e00-\u9fff“”\"「」]{2,16}?)(?:的)?(?:比例|比重|百分比|百分之几|几成|多少)")
# A kind of money paid to people, named by what it is for ("春节慰问金", "助学金", "生活困难补助"): when no
# total of it is printed, the rate per person and the count of people the documents state answer for it.
MONEY_PAID_TO_PEOPLE = re.compile(r"(?:(?![年的和与及给向])[\u4e00-\u9fff]){0,6}?(?:慰问|补助|补贴|救助|助学|帮扶|抚恤|奖励|奖|津贴)(?:金|款|费)")
# Money actually spent or received, asked with "actually" ("how much did X actually spend", "实际支出了多少"):
# an amount of the final accounts when no indicator is named.
ACTUAL_SPENDING = re.compile(r"\bactually (?:spen[dt]|paid|used|received|got)\b|\b(?:spen[dt]|paid|received) actually\b|实际(?:支出|花|用|收到|收入)(?:了)?(?:多少)?")
# (q17) Money asked as spent, in the past ("花了多少", "用掉了", "how much did it spend"): with no year or phase named,
# the latest final account answers before a later budget (what was spent, not what is planned).
SPENT_ASKED = re.compile(r"花了|花掉|用了|用掉|支出了|实际(?:支出|花|用)|\bspent\b|\bactually\b|\bdid .{1,60}\bspend\b")
# (q17) What was left of a year's income after its spending ("结余多少", "收支差额", "有没有赤字", "surplus"): when no line
# prints it, the income total less the spending total of one document, said to be computed.
BALANCE_QUESTION = re.compile(r"(?<!结转和)(?<!结转)结余(?!分配)|收支(?:差额|相抵|差)|收大于支|支大于收|盈余|赤字|\bsurplus\b|\bdeficit\b"
                              r"|\bincome (?:minus|less) (?:spending|expenditure)\b")
# The figures of several bodies added up ("两个总工会的收入预算加起来是多少", "combined"): their total, computed.
# (合计 alone is also part of line names, 本年收入合计: only "合计是多少" after no income/expenditure word.)
SUM_OVER_BODIES = re.compile(r"加起来|合起来|总和|一共|总共|共计|(?<!收入)(?<!支出)(?<!本年)合计(?=是|为|有|多少)"
                             r"|\bcombined\b|\baltogether\b|\bin total\b|\badd(?:ed)? up\b|\bsum of\b")
# A total asked of a line over the several years a question names ("2020年和2021年项目支出合计是多少", "近两年…累计
# 多少"): the years' figures added up.  With one year, "项目支出合计是多少" is that line's total, no sum of years; and
# an "each" word (EACH_SEPARATELY) asks the years one by one ("2018年和2019年的支出合计分别是多少").
YEARS_SUMMED = re.compile(r"(?:合计|累计|总计|加总)(?:是|为|有|共|了)?(?:多少|几)")
EACH_SEPARATELY = re.compile(r"分别|各自|各是|\brespectively\b|\beach year\b|\bfor each\b")
# "Which year" a figure was highest ("哪一年的收入预算更高", "in which year did X budget more"): every year of the body.
WHICH_YEAR = re.compile(r"哪(?:一|个)?年|\b(?:which|what) year\b")
# A line that is the whole budget or account ("收入预算总额", "支出总计", "本年收入合计"): the change a question
# asks of "the budget" as a whole ("今年预算比去年多多少"), before the changes of single lines.
WHOLE_BUDGET_LINE = re.compile(r"(?:收入|支出|收支)?预算总(?:额|计)|(?:收入|支出)总计|本年(?:收入|支出)合计|部门预算(?:总额)?$")
# A share within a named base written base first ("“三公”经费中公务接待费占比多少", "基本支出里人员经费占多少").
SHARE_WITHIN_BASE = re.compile(r"(?P<base>[\u4e00-\u9fff“”\"「」]{2,16}?)(?:中|里|当中|之中)(?:的)?(?P<part>[\u4e00-\u9fff“”\"「」]{2,16}?)(?:占(?:比|了)?|的占比|的比例|的比重)")
# A change or difference of a headcount ("退休人员比2023年多了几个", "how many more staff in 2024"): the two
# years' figures and their computed difference.
STAFF_CHANGE_WORDS = re.compile(r"比.{0,12}(?:多|少)了?(?:几|多少)|增加了?(?:几|多少)|减少了?(?:几|多少)|变化|增减"
                                r"|\bhow many (?:more|fewer)\b|\b(?:change|increase|decrease|difference)\b")
# Which body ranks first on a figure ("2024年哪个总工会的收入预算最多", "which union had the smallest
# basic expenditure"): every federation is compared, not one body asked for.
BODY_RANKING_QUESTION = re.compile(
    r"哪(?:个|家|一个|些)(?:[\u4e00-\u9fff]{0,4})(?:总工会|工会|单位|妇联|残联|科协|团[省市县区]?委|财政局|教育局).{0,20}最(?:多|高|大|少|低|小)"
    r"|(?:总工会|工会|单位)(?:中|里|当中|之中).{0,20}最(?:多|高|大|少|低|小)的是哪(?:个|家|一个)"
    r"|\bwhich (?:[a-z'-]+ ){0,3}(?:federations?|unions?|bod(?:y|ies)|units?|associations?|committees?|bureaus?)\b.{0,60}"
    r"\b(?:most|least|largest|smallest|highest|lowest|biggest|fewest)\b")
# Bodies of county level asked for ("哪个区县总工会…最多", "which county union had the most"): a ranking over
# the bodies whose division code is a county's (not ending in 00), county-level cities included.
COUNTY_LEVEL_WORDS = re.compile(r"区县|县区|县市区|县级|区级|各县|各区|哪(?:个|些|一个)(?:区|县)(?:的)?(?:总工会|工会)|\bcount(?:y|ies)\b|\bdistricts?\b")
# The level of bodies a ranking is asked over ("各省总工会", "which provincial federation", "各市总工会…排名",
# "rank the city unions"), by the depth of their division code (1 province, 2 prefecture, 3 county): only
# bodies of that level are compared.  A question naming two levels ("各市县总工会") is not narrowed.
BODY_LEVEL_WORDS: dict[int, re.Pattern[str]] = {
    1: re.compile(r"各省|省级|省(?:、|和)?(?:自治区|直辖市)|哪(?:个|些|一个)省(?:的)?(?:总工会|工会)|\bprovincial(?:[- ]level)? (?:federations?|unions?|bodies)\b|\bprovinces\b"),
    2: re.compile(r"各(?:地)?市(?!县)|各(?:市)?州|(?<!县)市级|地市|市州|地级|哪(?:个|些|一个)(?:地级)?市(?:的)?(?:总工会|工会)"
                  r"|\b(?:city|municipal|prefecture)(?:[- ]level)? (?:federations|unions|bodies)\b|\bwhich (?:city|municipal|prefecture)(?:[- ]level)? (?:federation|union)\b|\bcities\b"),
    3: COUNTY_LEVEL_WORDS,
}
BODY_LEVEL_NAMES: dict[int, tuple[str, str]] = {1: ("省级", "provincial "), 2: ("市级", "city-level "), 3: ("县级", "county-level ")}
# Words of an English mention that say a level or ask, not name a place ("which district union had the
# most", "the county federation"): such a mention names no body the graph lacks.
ENGLISH_LEVEL_WORDS = frozenset({"district", "county", "city", "provincial", "municipal", "prefecture", "town", "township", "level"})
ENGLISH_NOT_A_PLACE = frozenset({"the", "which", "what", "each", "this", "that", "whose", "every", "any", "all"}) | ENGLISH_LEVEL_WORDS
# Common English words that are never the place before a level word ("how many district unions", "does the
# county union"): the mention then names no place.
ENGLISH_FUNCTION_WORDS = frozenset({
    "does", "did", "many", "much", "how", "were", "was", "are", "has", "have", "had", "for", "and", "to", "from", "with",
    "about", "between", "its", "their", "our", "other", "some", "both", "one", "two", "three", "most", "more", "less",
    "highest", "lowest", "largest", "smallest", "biggest", "top", "local", "same", "another", "these", "those", "your",
})
# The words of a ranking that are no part of the line asked ("哪个区县总工会", "最多", "which union ... most"):
# removed before the line is looked up in each body's figures.
RANKING_WORDS = re.compile(r"哪(?:个|家|一个|些)[\u4e00-\u9fff]{0,4}?(?:总工会|工会|单位)(?:的)?|的是哪(?:个|家|一个)|哪(?:个|家|一个)(?:的)?|谁(?:的)?|最(?:多|高|大|少|低|小)"
                           r"|(?:从高到低|从大到小|从多到少|由高到低|从低到高|从小到大|从少到多|由低到高|由小到大)(?:的)?(?:排名|排序|排行|排列)?|(?:排名|排序|排行)"
                           r"|\bwhich (?:[a-z-]+ ){0,3}?(?:federations?|unions?|bod(?:y|ies)|units?)\b|\b(?:the )?(?:most|least|largest|smallest|highest|lowest|biggest|fewest)\b"
                           r"|\brank(?:ed|ing|s)?\b(?: (?:all )?(?:the )?(?:[a-z-]+ )?(?:federations?|unions?|bodies)(?: by)?)?")
# A ranking of bodies asked without "which ... most" ("各总工会2022年支出排名", "rank the county unions by 项目支出"):
# every federation's figure, sorted, as for "哪个总工会…最多".
# Also "…谁最高" (who is highest, the bodies named before it) and an order asked lowest first ("从低到高").
BODY_RANKING_WORDS = re.compile(r"排名|排序|排行|从高到低|从大到小|从多到少|由高到低|从低到高|从小到大|从少到多|由低到高|由小到大|升序|降序"
                                r"|谁(?:的)?[\u4e00-\u9fff]{0,6}?最(?:多|高|大|少|低|小)"
                                r"|\brank(?:ed|ing|s)?\b|\bin (?:descending|ascending) order\b")
# A body's figure asked per head of its staff ("人均人员经费", "平均每名在职人员的基本支出", "personnel cost per staff
# member", "per-capita spending"): the line divided by the body's count of staff that year.  Not "每人" alone,
# the rate of a benefit ("慰问金每人多少", QUALIFIER rate_per_person), and not a count of people asked.
PER_HEAD_QUESTION = re.compile(r"人均|平均每(?:个|名|位)?(?:在职|在编|实有)?(?:人员|职工|员工|工作人员|人)|每(?:个|名|位)(?:在职|在编|实有)?(?:人员|职工|员工|工作人员)"
                               r"|\bper (?:head|capita|person|staff(?: member)?|employee|worker)\b|\bper-capita\b|\bper (?:member of|head of) staff\b")
# The staff count a per-head figure is divided by, in the order tried: the people actually employed (实有 / 在职),
# the authorised posts (编制) only when the question names them or no count of people is printed.
PER_HEAD_STAFF_CATEGORIES: tuple[str, ...] = ("staff-actual", "staff-in-service", "staff-authorized")
PER_HEAD_AUTHORISED_ASKED = re.compile(r"编制|\bauthori[sz]ed (?:posts|staff|headcount)\b")

# A span of years asked as a whole ("2022年到2024年", "2022-2024年", "from 2022 to 2024", "between 2022 and 2024"):
# a trend over it shows every year of the span the body holds, not its two ends only.
YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?度?\s*(?:到|至|~|～|—|–|-)\s*((?:19|20)\d{2})(?!\d)"
                       r"|\bfrom ((?:19|20)\d{2}) (?:to|through|till|until) ((?:19|20)\d{2})\b|\bbetween ((?:19|20)\d{2}) and ((?:19|20)\d{2})\b")
# Which payee of a body got the most or least ("哪个单位收到的补助最多", "拨给哪个单位的钱最多", "which units got the
# most money from X", "the largest recipients"): the body's payments ranked by amount, not a ranking of bodies' lines.
PAYEE_RANKING_QUESTION = re.compile(
    r"哪(?:个|些|家|一个)(?:下属)?(?:单位|机构|工会|总工会|公司|企业)?.{0,8}(?:收到|获得|得到|拿到|分到)(?:的)?.{0,8}最(?:多|少)"
    r"|(?:拨付|补助|拨款|下拨|支付|拨)(?:给)?(?:了)?哪(?:个|家|一个)(?:单位|机构|工会|总工会)?.{0,8}最(?:多|少)"
    r"|\bwhich (?:units?|bod(?:y|ies)|unions?|recipients?|payees?|organi[sz]ations?|compan(?:y|ies))\b.{0,30}\b(?:got|get|gets|received?|receives)\b.{0,30}\b(?:most|least|largest|biggest|smallest)\b"
    r"|\b(?:largest|biggest|main|top) (?:recipients?|payees?)\b")
# Every year a body holds asked at once ("这几年…涨了还是降了", "历年", "over the years"): a trend from its first to
# its latest year, each year shown.
ALL_YEARS_ASKED = re.compile(r"这几年|近几年|最近几年|这些年|历年|逐年|各年度?|(?:变化)?(?:趋势|走势)|\bover the years\b|\byear by year\b|\beach year\b|\bevery year\b|\btrends?\b")
# A ranking asked lowest first ("从低到高排序", "in ascending order", "smallest first"): sorted upwards.
ASCENDING_ORDER = re.compile(r"从低到高|从小到大|从少到多|由低到高|由小到大|由少到多|升序|\bascending\b|\b(?:lowest|smallest|least) first\b")
# Money units a question names ("多少万元", "几亿元"): the unit asked, never a thing asked beside the line.
MONEY_UNIT_WORD = re.compile(r"(?:[万亿千百]|百万|千万)?元|人民币")
# The unit a question asks an amount in when it is not the documents' 万元 ("是多少元", "多少亿元",
# "in 100 million yuan"): the answer gives the figure in that unit too (English answers print CNY anyway).
ASKED_MONEY_UNITS: dict[str, re.Pattern[str]] = {
    "元": re.compile(r"(?<![万亿千百])元(?=\s*(?:[?？。!！]|呢|吗|$))|(?<![万亿])元为单位|以元计|按元计"),
    "亿元": re.compile(r"亿元|多少亿|几亿|\b(?:in |of )?(?:100|hundred) million (?:yuan|rmb|cny)\b|\byi yuan\b"),
    "百万元": re.compile(r"百万元|(?<!100 )(?<!hundred )\bmillions? (?:of )?(?:yuan|rmb|cny)\b|\bin millions\b"),
}
# Two lines of one body set against each other ("人员经费比公用经费多多少", "决算支出比收入多多少", "是公用经费的几倍",
# "how much more ... than ..."): both figures and the gap (and the ratio when asked), computed.
LINES_GAP_QUESTION = re.compile(r"比.{1,24}?(?:多|少|高|低)(?:了)?(?:多少|几)|相差|差额|差距|几倍|多少倍"
                                r"|\b(?:more|less|higher|lower|bigger|smaller)\b.{0,40}?\bthan\b|\bhow many times\b|\bdifference between\b"
                                # two long line names between ("how much more … on administrative operation than on …")
                                r"|\bhow much (?:more|less)\b.{0,100}?\bthan\b")
# A ranking of bodies by how a line changed on the previous year ("哪个总工会的收入增幅最大", "which federation's
# income grew the most"): the stated changes are ranked, not the amounts.  BY_PERCENT: by the rate (增幅, growth
# rate), else by the amount of the change; FALLING: the largest fall first.
CHANGE_RANKING_WORDS = re.compile(r"增幅|降幅|增速|涨幅|增长|增加|减少|下降|上升|变化|变动|增减|压减|压缩|缩减|削减"  # (q23) 压减: cut
                                  r"|\bgr[eo]w(?:th|n)?\b|\bincrease[ds]?\b|\bdecrease[ds]?\b|\bfell\b|\bfall(?:en)?\b|\brose\b|\brise[ns]?\b|\bdrop(?:ped)?\b|\bchange[ds]?\b"
                                  # (q21) "which body cut its three public spending the most", "reduced ... the most"
                                  r"|\bcut(?:s|ting)?\b|\breduc(?:ed|es|ing|tion)\b|\bslash(?:ed|es)?\b|\btrimm?(?:ed|s)?\b")
CHANGE_RANK_BY_PERCENT = re.compile(r"增幅|降幅|增速|涨幅|增长率|下降率|幅度|百分比|百分点|%|\bpercent(?:age)?\b|\bfastest\b|\brate\b|\bgrowth\b")
CHANGE_RANK_FALLING = re.compile(r"降幅|减少|下降|压减|压缩|缩减|削减|\bfell\b|\bfall(?:en)?\b|\bdrop(?:ped)?\b|\bdecrease[ds]?\b|\bshr[ai]nk\b"
                                 r"|\bcut(?:s|ting)?\b|\breduc(?:ed|es|ing|tion)\b|\bslash(?:ed|es)?\b|\btrimm?(?:ed|s)?\b")
# The phase a ranking names in so many words ("收入预算最多", "决算支出", "largest budget", "final accounts"): then
# bodies are ranked on figures of that phase only.  Not "spent" / "支出了", which say money went out, not which
# account the figure is from.
RANKING_PHASE_WORDS: dict[str, re.Pattern[str]] = {
    "budget": re.compile(r"预算|\bbudget(?:s|ed)?\b|\bplanned\b|\bapproved\b"),
    "final": re.compile(r"决算|\bfinal accounts?\b|\boutturn\b|\bactual(?:ly)?\b"),
}
RATIO_QUESTION = re.compile(r"几倍|多少倍|倍数|\bhow many times\b|\btimes (?:as )?(?:much|large|high|big)\b|\bratio (?:of|between)\b")
# How far two figures are apart ("比汇川区总工会多多少", "相差多少", "how much more than"); not a change on
# the previous year (比上年多多少 is a change question).
DIFFERENCE_QUESTION = re.compile(
    r"比(?!上年|去年|上一年|前一年|上年度|(?:年度)?(?:目标|指标))[^,，。?？]{1,24}(?:多|少|高|低)(?:了)?多少|相差(?:了)?多少|差(?:了|距|额)?(?:是)?多少"
    r"|\bhow much (?:more|less|higher|lower|bigger|smaller)\b|\bdifference between\b")
# Which way a figure moved ("did it go up or down", "增加还是减少了"): a change question.
DIRECTION_QUESTION = re.compile(
    r"(?:增加|增长|上升|提高|涨|多)了?还是(?:减少|下降|降低|降|少)了?|(?:减少|下降|降低|降|少)了?还是(?:增加|增长|上升|提高|涨|多)了?"
    r"|\b(?:up or down|down or up)\b|\b(?:increase|rise|grow)\w* or (?:decrease|fall|drop|decline|shrink)\w*\b"
    r"|\b(?:decrease|fall|drop|decline|shrink)\w* or (?:increase|rise|grow)\w*\b|\bhigher or lower\b(?!.{0,40}\bthan\b)")
# A word without which no REGION_SCOPE can match (a cheap test before the place names are tried).
REGION_WORDS = re.compile(r"\b(?:in|within|across)\b|各|所有|全部|哪(?:个|些|家|一个)|的(?:个|级)?(?:区县|县区|县市区|地市|市州|[市州县区])?(?:级)?(?:总工会|工会|单位)"
                          r"|有(?:几|多少)(?:个|家)?(?:总工会|工会)"  # (q22) "辽宁有几个总工会"
                          r"|\b(?:which|each|every|all)\b(?=.{0,40}\b(?:county|district|city|municipal|prefecture)\b)")

# A question for an amount of money even when it counts ("多少钱", "how much"): never answered with a count.
MONEY_ASKED = re.compile(r"多少钱|金额|多少万|how much|what amount|\bcost\b")

# What an English question says money went to ("spend on the nuclear industry hardship subsidy", "budgeted
# for official receptions in 2024"): group "what".  When no line name, concept or glossary word is in it,
# the question names a thing of its own, and no total of the body answers it.
SPENT_ON_PHRASE = re.compile(
    r"\b(?:spen[dt]|spending|expenditures?|budget(?:ed)?|allocated|paid|pay|cost) (?:\w+ ){0,2}?(?:on|for) "
    r"(?:the |its |their |a |an )?(?P<what>[a-z][a-z' -]{2,60}?)\s*(?:\bin (?:fiscal )?(?:year )?\d{4}\b|\?|$)"
)

# A question for the body a unit belongs to ("青田县职工服务中心属于哪个总工会", "上级单位是谁", "which
# federation does the workers' cultural palace belong to"): answered when the body it names is a unit.
PARENT_QUESTION = re.compile(
    r"(?:属于|隶属于?|归属于?|归)(?:哪个|哪一?个|哪家|什么|谁)|(?:上级|主管)(?:单位|部门|机关|工会)|是(?:哪个|哪家|谁)的(?:下属|直属|所属)"
    r"|是(?:哪个|哪家|哪一个)(?:总工会|工会|单位|部门|机关)(?:的|下属的|管的)"
    r"|\b(?:which|what) (?:\w+ ){0,2}(?:body|federation|union|organi[sz]ation|department|parent)\b.{0,80}\bbelongs? to\b"
    r"|\bbelong(?:s|ed)? to (?:which|what|whom)\b|\b(?:parent|supervising|superior) (?:body|organi[sz]ation|federation|union|unit)\b"
)
# "Which units belong to X": the units of a body, not the body a unit belongs to.
UNITS_BELONGING = re.compile(r"\b(?:units?|bodies|institutions|organi[sz]ations) (?:that |which )?(?:belong|report)(?:s|ing)? to\b")

# A line of the functional or economic classification whose name holds a unit word
# ("机关事业单位基本养老保险缴费支出", "行政事业单位医疗", "pension contributions of government organs and
# public institutions"): the question asks for the line's amount, not for the body's units.
UNIT_WORD_IN_LINE_NAME = re.compile(
    r"(?:机关|行政)事业单位.{0,4}(?:基本养老|养老|职业年金|年金|医疗|离退休|退休|住房|社会保险|保险)"
    r"|\b(?:pensions?|insurance|annuit(?:y|ies)|medical|health care|retirement)\b.{0,60}\bpublic institutions\b"
    r"|\bpublic institutions'? (?:pensions?|insurance|annuit|medical|retirement)"
)

# "2023年…上年决算数": the figure of the year before the one named (not a comparison 比上年决算数).
PRIOR_YEAR_FIGURE = re.compile(r"(?<![比较与和同])上(?:一)?年(?:度)?(?:的)?(?:决算|预算)数|\bprevious year'?s (?:final|budget(?:ed)?) (?:figure|amount)")

# Words for a staffing category (ukg:staffCategory, by concept name), Chinese and English: "编制多少人"
# asks for the authorised posts (行政编制, 事业编制, 编制数), "实有人数" / "how many staff" for the staff
# actually employed, "退休" for the retired.  Every category the question names is answered; the
# categories that answer when the asked one is not printed follow in STAFF_FALLBACK.
STAFF_CATEGORY_WORDS: dict[str, re.Pattern[str]] = {
    "staff-retired": re.compile(r"退休|离休|\bretire(?:d|es?)\b|\bpensioners?\b"),
    "staff-other": re.compile(r"其他人员|\bother staff\b|\bother personnel\b"),
    "staff-actual": re.compile(r"实有|实际(?:人数|人员|在岗)|现有(?:人员|人数|员工)|在岗|有多少(?:个|名)?(?:人|员工|工作人员)(?!次)|多少(?:名|个)?(?:员工|工作人员)|人员规模|\bactual(?:ly)?\b|\bhow many (?:staff|employees|people|workers|personnel)\b(?! (?:posts|positions))"
                               r"|\bnumber of (?:staff|employees)\b|\bstaff (?:numbers?|count|size)\b|\bemploy(?:s|ed)?\b"),
    "staff-in-service": re.compile(r"在职|在编|\bserving\b|\bin service\b|\bon (?:the )?payroll\b|\bcurrently employed\b"),
    "staff-authorized": re.compile(r"编制|定编|核定.{0,4}(?:人数|名额)|\bauthori[sz]ed\b|\bapproved (?:posts|positions|headcount|staffing)\b|\bposts\b|\bestablishment\b|\bheadcount\b|\bquota\b"),
}
# English names of kinds of posts (label fragments of staffing figures): "civil-service posts" are 行政编制.
STAFF_LABEL_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcivil[- ]service\b|\badministrative (?:posts|staff|establishment)\b"), "行政"),
    (re.compile(r"\b(?:public[- ]institution|institutional|service[- ]unit) (?:posts|staff|establishment)\b"), "事业"),
    (re.compile(r"\b(?:logistics|support|manual|blue[- ]collar) (?:posts|staff|workers)\b"), "工勤"),
)

# A category asked but not printed: the figures of these categories answer instead (实有 ~ 在职).
STAFF_FALLBACK: dict[str, tuple[str, ...]] = {
    "staff-actual": ("staff-in-service",), "staff-in-service": ("staff-actual",),
}
# Labels that say the same figure with and without a trailing 数 / 人数 ("行政编制 43" = "行政编制数 43").
STAFF_LABEL_SUFFIX = re.compile(r"(?:人数|数)$")

# (q24) Groups of people a body employs beside its posts, as staffing figures print them ("劳务派遣人员 4 人",
# "另有编外聘用人员 2 人", "公益性岗位人员 2 人"): a question naming one asks that group's head count (the staffing
# family, never passage search).  Keyed by the stem the printed labels contain; the group's money (劳务派遣费,
# 公益性岗位补贴, 编外人员经费) and posts created (开发公益性岗位 50 个) are no head count: a person word or a count of
# people must follow, no money word.
_GROUP_PERSON = r"(?:聘用|用工)?(?:人员|员工|职工|工作人员|人数|的人)(?!经费|工资|费|支出|补助|补贴|资金|收入)|.{0,6}?(?:多少|几)(?:个|名|位)?人(?!次|民币)"
_GROUP_PERSON_EN = r"(?: (?:workers|staff|employees|personnel|hires|people))"
# Money words after a group's noun: the group's pay or funds (雇员工资, 临时工经费), no head count.
_GROUP_MONEY = r"(?:经费|工资|费|支出|补助|补贴|资金|收入|薪酬|报酬)"
STAFF_GROUP_WORDS: dict[str, re.Pattern[str]] = {
    "劳务派遣": re.compile(rf"劳务派遣(?:{_GROUP_PERSON})|派遣(?:人员|员工)(?!经费|费)|\b(?:agency|dispatched){_GROUP_PERSON_EN}\b|\blabou?r dispatch{_GROUP_PERSON_EN}?\b"),
    "编外": re.compile(rf"(?:编外|编制外)(?:{_GROUP_PERSON})|\b(?:non-established|off-establishment|unestablished){_GROUP_PERSON_EN}\b|\b(?:staff|workers|people) outside (?:the|its) (?:establishment|authori[sz]ed posts)\b"),
    "公益性岗位": re.compile(rf"(?:公益性岗位|公益岗)(?:{_GROUP_PERSON})|\bpublic[- ]welfare (?:posts?|positions?|jobs?) (?:workers|staff|holders)\b|\bpeople (?:in|on|holding) public[- ]welfare (?:posts|positions|jobs)\b"),
    "临聘": re.compile(rf"(?:临聘|临时聘用|临时)(?:{_GROUP_PERSON})|\btemporary{_GROUP_PERSON_EN}\b"),
    "购买服务": re.compile(rf"购买服务(?:{_GROUP_PERSON})|\bcontracted[- ]service{_GROUP_PERSON_EN}\b"),
    "返聘": re.compile(rf"返聘(?:{_GROUP_PERSON})|\bre-?hired retirees\b"),
    "借调": re.compile(rf"借调(?:{_GROUP_PERSON})|\bseconded{_GROUP_PERSON_EN}\b"),
    # (q27) groups named by a person noun of their own (雇员, 临时工, 合同工, 劳务工, 外聘): the noun alone asks the
    # head count, unless money follows (雇员工资, 临时工经费) or it is work, not people (临时工作)
    "雇员": re.compile(rf"雇员(?!{_GROUP_MONEY})|\bhired (?:employees|staff)\b|\bemployees hired\b"),
    "临时工": re.compile(rf"临时工(?!作|程|资|{_GROUP_MONEY})|\btemps\b|\bcasual (?:workers|staff|labou?r)\b"),
    "合同": re.compile(rf"合同(?:工|制)(?:{_GROUP_PERSON}|(?!资|{_GROUP_MONEY}))|\bcontract (?:workers|staff|employees|hires)\b"),
    "劳务工": re.compile(rf"劳务工(?!资|{_GROUP_MONEY})|劳务用工(?:{_GROUP_PERSON})"),
    "外聘": re.compile(rf"外聘(?:{_GROUP_PERSON}|(?=(?:的)?(?:有|共有|是)?(?:几|多少)))"),
}
# Other stems a group's printed label may carry ("临时聘用人员", "临时人员" for 临聘).
STAFF_GROUP_LABEL_STEMS: dict[str, tuple[str, ...]] = {"临聘": ("临时",), "劳务派遣": ("派遣",), "公益性岗位": ("公益岗",), "编外": ("编制外",)}

# A question asking for a figure that is not a total (ukg:amountQualifier): "年中追加了多少", "added
# during the year", "结余多少", "每月标准": such figures come first for it, after totals otherwise.
QUALIFIER_QUESTION: dict[str, re.Pattern[str]] = {
    "mid_year_addition": re.compile(r"年中追加|追加了?|追加的|\badded\b.{0,40}\b(?:during|mid-?year|in the course)|\bmid-?year (?:addition|top-?up|increase)|\btopped up\b"),
    # (not the carry-over line 结转和结余 / 结转结余 of the tables, nor a closing/opening balance line)
    "unspent_balance": re.compile(r"(?<!结转和)(?<!结转)结余(?!分配)|未支出|没花完|\bunspent\b|\bleft over\b|(?<!closing )(?<!opening )\bbalance\b"),
    "difference_from_budget": re.compile(r"比(?:年初)?预算(?:数)?(?:增加|减少|多|少)|\b(?:above|below) (?:the |its )?budget\b"),
}

# Words naming a kind of data-quality finding (ukg:findingKind): "单位数对不上" asks for those only.
FINDING_KIND_WORDS: dict[str, re.Pattern[str]] = {
    "unit_count_mismatch": re.compile(r"单位数|单位个数|几个单位|单位的?数量|\bunit counts?\b|\bnumber of units\b|\bunits listed\b"),
    "sum_mismatch": re.compile(r"合计|加总|总数与明细|明细|\bsums?\b|\badd up\b|\btotals?\b"),
    "grade_mismatch": re.compile(r"等级|评级|\bgrades?\b"),
    "score_mismatch": re.compile(r"总分|得分与|\bscores? (?:do|does|did) not\b|\btotal score\b"),
    "indicator_scored_met_but_violates": re.compile(r"违反|严格|\bstrict\b|\bviolat"),
}

# English names of the items an evaluation scores (indicator names as the genre prints them): "how many
# points for budget execution" asks for the score of 预算执行率 / 预算执行情况, not the evaluation's total.
INDICATOR_TRANSLATIONS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\bbudget(?:ary)? execution\b|\bexecution of (?:the |its )?budget\b|\bexecution rate\b|\bspending (?:rate|progress)\b"), re.compile(r"预算执行")),
    (re.compile(r"\bsatisf(?:action|ied)\b"), re.compile(r"满意")),
    (re.compile(r"\bbudget (?:preparation|planning|compilation)\b"), re.compile(r"预算编制")),
    (re.compile(r"\b(?:fund|funds|financial) management\b"), re.compile(r"资金管理|财务管理")),
    (re.compile(r"\basset management\b"), re.compile(r"资产管理")),
    (re.compile(r"\bcost control\b"), re.compile(r"成本控制")),
    (re.compile(r"\bcomplian(?:ce|t)\b"), re.compile(r"合规")),
    (re.compile(r"\bpublicity\b|\boutreach\b"), re.compile(r"宣传")),
    (re.compile(r"\bperformance (?:goals?|targets?) (?:setting|management)\b|\btarget setting\b"), re.compile(r"绩效目标")),
)

# Lines that state a whole year's total (财政拨款本年支出, 本年收入合计, 支出总计 ...): when the budget and the
# final figure of the concept asked are not both printed, a line printed in both phases answers a
# budget-vs-final question, a total of these first.
PAIRED_TOTAL_LINE = re.compile(r"本年(?:支出|收入)|(?:支出|收入)(?:合计|总计|总额)|总计|合计|预算资金|总预算")

# The frame of a Chinese question for a body's total ("某县总工会2023年决算支出一共是多少"): what is left of a
# question once the body, the year and these words are removed names a specific thing ("医疗救助"),
# which a total of the body never answers.
AMOUNT_FRAME_WORDS = re.compile(
    r"请问|一共|总共|共计|合计|总计|总额|总数|大概|大约|具体|分别|主要|是多少|多少钱|多少|多大|几何|花在|花了|花费|花掉|用了|用在|开支|支出"
    r"|收入|预算|决算|资金|经费|金额|本年度|本年|全年|年初|年度|今年|去年|前年|上年|实际|安排|部门|单位|本级|机关|财政|在哪里?|哪里|哪儿|去哪|去向"
    r"|情况|规模|一下|差额|相差|差|对比|比较|相比|整体|总体|全部|所有|加起来|加总|一般公共预算|工会|[总钱的是了吗呢有为在上中和与及其该数额共年花用给]"
    # (q7) the words of a change or trend asked of a line ("收入预算环比变化", "项目支出怎么变化"): no thing asked besides it
    r"|环比|同比|变化|变动|增减|增长率|增长|增加|减少|下降|上升|增幅|降幅|趋势|走势|怎么|如何|较上年|上一年|还是|能|可以|打算|准备"
    # ("收支预算是多少": the budget of income and spending, which the genre balances, names no other thing)
    r"|收支"
    # (q16) a budget phase named by its adjustment ("那调整后呢？", "调整数是多少"): a phase, no thing asked
    r"|调整后?|调整数"
)
# A word that is a place name (湖北省, 杭州市, 某自治州): left of a question once its body is removed, it names
# no thing asked (the province printed before its city's body).
PLACE_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:省|市|自治区|自治州|州|盟|县|区|旗)$")

# Generic totals (AMOUNT_ITEM_WORDS concepts): they answer a question for a total, not one naming something else.
GENERIC_TOTAL_CONCEPTS = frozenset({"income_total", "expenditure_total", "budget_total"})

# "Where did the money go" (主要花在哪, 支出结构): the year's spending by functional class (类), largest first.
SPENDING_BREAKDOWN_QUESTION = re.compile(
    r"(?:主要)?(?:花|用)(?:在|到)(?:了)?(?:哪|什么)|钱(?:主要|都|大多)?(?:花|用)(?:哪|啥)|钱.{0,4}(?:去哪|去向|哪儿去)|支出(?:的)?(?:结构|构成|去向|分布)|主要(?:用于|支出)(?:哪|什么)"
    r"|\bwhere did .{0,60}\b(?:money|funds?|spending|budget) go\b|\bwhat did .{1,60} spend (?:its |the |their )?(?:money|budget|funds?) on\b"
    r"|\b(?:breakdown|composition|structure) of (?:its |the |their )?(?:[\w'-]+ ){0,5}?(?:spending|expenditures?)\b|\bspending by (?:function|category|purpose)\b"
    # (q7) the largest spending item asked ("最大的支出是什么", "what was its biggest expense")
    r"|(?:最大|最多)的(?:一项|一块)?(?:支出|开支|花费)(?:是|在)?(?:哪|什么)|\b(?:biggest|largest|main|top) (?:expenses?|expenditures?|spending items?|costs?)\b"
    # (q22) spending by class asked ("支出预算按功能科目怎么分的"): the classes, not a code look-up
    r"|" + SPENDING_BY_CLASS_ASKED.pattern
)
# Codes of the functional classification's 类 (201 一般公共服务支出, 208 社会保障和就业支出 ...); economic classes are 3xx / 5xx.
FUNCTIONAL_CLASS_CODE = re.compile(r"^2\d{2}$")
# Any functional code (类 3 digits, 款 5, 项 7): a class the body prints only by its 款 or 项 is their sum.
FUNCTIONAL_CODE = re.compile(r"^2\d{2}(?:\d{2}){0,2}$")

# English words for the things the genre's indicators count and its payments are for (English question ->
# fragment of a Chinese name): "how many people actually received the Spring Festival condolence money"
# names 春节慰问金发放人数 (an indicator is picked when it holds at least two of the fragments asked);
# "paid to retired model workers" the payment to 离退休劳动模范.
INDICATOR_GLOSSARY: tuple[tuple[re.Pattern[str], str], ...] = (
    # recipients of money handed down ("transfer to street unions", "give to the staff service center")
    (re.compile(r"\bstreets?(?: (?:unions?|federations?))?\b|\bsub-?districts?\b"), "街道"),
    (re.compile(r"\b(?:staff|workers'?|employees'?) service cent(?:er|re)s?\b"), "职工服务中心"),
    (re.compile(r"\bspring festival\b|\bchinese new year\b|\blunar new year\b"), "春节"),
    (re.compile(r"\b(?:condolence|consolation|sympathy|solatium)\b"), "慰问"),
    (re.compile(r"\b(?:condolence|consolation|sympathy) (?:money|payments?|grants?|funds?|cash)\b|\bsolatium\b"), "慰问金"),
    (re.compile(r"\bmodel workers?\b|\blabou?r models?\b"), "劳模"),
    (re.compile(r"\bmodel workers?\b|\blabou?r models?\b"), "劳动模范"),
    (re.compile(r"\bretired\b|\bretirees?\b"), "退休"),
    (re.compile(r"\bfree (?:bus|metro|subway|transit|travel|ride)\b|\bride codes?\b|\btransit (?:pass|code)"), "乘车码"),
    (re.compile(r"\btrain(?:ing|ees?|ed)?\b"), "培训"),
    # 帮扶 (helping workers in hardship): "how many households did the union help"
    (re.compile(r"\b(?:help(?:ed|ing)?|assist(?:ed|ance)?)\b"), "帮扶"),
    (re.compile(r"\bsummer camps?\b"), "夏令营"),
    (re.compile(r"\b(?:recuperation|sanatorium|rest and recreation|convalescen\w*)\b"), "疗休养"),
    (re.compile(r"\blantern riddles?\b"), "灯谜"),
    (re.compile(r"\b(?:spring festival )?couplets?\b"), "春联"),
    (re.compile(r"\bsatisf(?:action|ied)\b"), "满意度"),
    (re.compile(r"\bcoverage\b"), "覆盖率"),
    # (q8) "training cost per person" -> 人均培训成本, "recuperation batches" -> 组织劳模疗休养批次
    (re.compile(r"\bper (?:person|head|capita|participant|trainee|worker)\b"), "人均"),
    (re.compile(r"\bcosts?\b"), "成本"),
    (re.compile(r"\bbatch(?:es)?\b"), "批次"),
    (re.compile(r"\b(?:needy|poor|struggling) workers\b|\bworkers in (?:difficulty|hardship)\b"), "困难职工"),
    (re.compile(r"\bmedical (?:aid|assistance|relief)\b"), "医疗救助"),
    (re.compile(r"\blegal aid\b"), "法律援助"),
    (re.compile(r"\bhouseholds? in (?:hardship|difficulty)|\b(?:needy|poor|struggling) (?:households?|families)\b|\bfamilies in (?:hardship|difficulty)"), "困难职工家庭"),
    (re.compile(r"\bvisit(?:ed|s|ing)?\b"), "走访"),
    (re.compile(r"\bskills? (?:competitions?|contests?)\b"), "技能竞赛"),
    (re.compile(r"\b(?:cultural|arts?|variety|literary and artistic) (?:performances?|shows?|galas?)\b"), "文艺汇演"),
    (re.compile(r"\bsports? (?:competitions?|contests?|matches|games|events|tournaments?)\b"), "体育比赛"),
    (re.compile(r"\b(?:wechat|official account)\b"), "公众号"),
    (re.compile(r"\bshort videos?\b|\bdouyin\b|\btiktok\b"), "短视频"),
    (re.compile(r"\bhow many (?:people|persons|workers|recipients|beneficiaries)\b|\bnumber of (?:people|persons|workers|recipients|beneficiaries)\b|\bpeople\b"), "人数"),
    (re.compile(r"\bhow many (?:households|families)\b|\bhouseholds\b"), "户数"),
    (re.compile(r"\bhow many times\b|\bvisits\b|\battendances?\b"), "人次"),
)

# Counts the 三公 sections state beside the money (公务接待批次 / 人次, 因公出国团组 / 人次, 公务用车保有量 / 购置数):
# a question for one of them asks for a count, never for the money line of the same name.
SANGONG_COUNT_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"接待(?:的)?(?:批次|人次|人数|次数)|出国(?:\(境\))?(?:的)?(?:团组|人次|人数|批次)|公务用车(?:的)?(?:保有量|购置数|数量|辆数)|(?:几|多少)辆|保有量"),
    "en": re.compile(r"\bhow many (?:official )?(?:receptions?|reception (?:batches|visits|guests)|delegations|(?:trips|visits) abroad|overseas trips|vehicles|cars)\b"
                     r"|\bnumber of (?:official )?(?:receptions|reception guests|vehicles|cars|delegations)\b"),
}
# English words of a 三公 count question -> the counted items that answer it (the total before its parts).
SANGONG_COUNT_TOPICS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\breceptions?\b|\bguests\b"), re.compile(r"公务接待")),
    (re.compile(r"\bvehicles?\b|\bcars?\b"), re.compile(r"公务用车保有量|车辆数合计|^车辆$")),
    (re.compile(r"\babroad\b|\boverseas\b|\bdelegations?\b"), re.compile(r"出国")),
)

# The counter a 三公 count question names -> the units the documents print after such a count.
SANGONG_COUNT_UNITS: dict[str, re.Pattern[str]] = {
    "批次": re.compile(r"批次|批|batch|\breceptions?\b(?! guests)"),
    "人次": re.compile(r"人次|人数|guests|visitors|people"),
    "辆": re.compile(r"保有量|辆|vehicles?|cars?"),
    "个": re.compile(r"团组|delegations?"),
}

# ---------------------------------------------------------------- printed lists (duties, work tasks)
# Punctuation that closes a listed item as printed ("…工作机制。", "…；"): taken off before the answer
# joins the items with its own separator, so no "。；" shows at a joint.
LIST_ITEM_END = re.compile(r"[\s。；;，,、：:．.]+$")
# A mark doubled by extraction or typing ("。。", "；；", "，，", "。；"): the first mark kept.
DOUBLED_PUNCTUATION = re.compile(r"([。；;，,、：:！!？?])(?:\s*[。；;，,、：:])+")

# ---------------------------------------------------------------- indicators named by meaning in English
# English words of the genre's common indicator names -> the words of the printed (Chinese) label they
# describe ("what was the skills competition target" -> 竞赛; "how many model workers got condolence money"
# -> 劳模, 慰问).  Read with INDICATOR_GLOSSARY; the indicator(s) whose label holds the most of them answer.
# A word may map to several label words (a competition is printed 竞赛, 比赛 or 大赛).
INDICATOR_LABEL_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcompetitions?\b|\bcontests?\b"), "竞赛"),
    (re.compile(r"\bcompetitions?\b|\bcontests?\b"), "比赛"),
    (re.compile(r"\bcompetitions?\b|\bcontests?\b"), "大赛"),
    (re.compile(r"\bparticipants?\b|\bparticipat(?:ion|ed|ing)\b|\btook part\b|\bjoined\b"), "参与"),
    (re.compile(r"\bparticipants?\b|\bparticipat(?:ion|ed|ing)\b|\btook part\b"), "参加"),
    (re.compile(r"\bcontestants?\b|\bcompetitors?\b|\bentrants?\b"), "参赛"),
    (re.compile(r"\bsatisf(?:action|ied)\b"), "满意度"),
    (re.compile(r"\bcoverage\b|\bcovered\b"), "覆盖"),
    (re.compile(r"\bmodel workers?\b|\blabou?r models?\b"), "劳模"),
    (re.compile(r"\b(?:condolence|consolation|sympathy)\b|\bconsoled\b"), "慰问"),
    (re.compile(r"\btrain(?:ing|ees?|ed)?\b"), "培训"),
    (re.compile(r"\bassist(?:ance|ed)?\b|\bhelp(?:ed|ing)?\b|\b(?:hardship|poverty) relief\b"), "帮扶"),
    (re.compile(r"\baccura(?:cy|te(?:ly)?)\b"), "准确率"),
    (re.compile(r"\btimel(?:y|iness)\b|\bon time\b|\bpunctual(?:ity)?\b"), "及时"),
    (re.compile(r"\bcomplian(?:ce|t)\b"), "合规"),
    (re.compile(r"\bmembers?(?:hip)?\b|\bjoin(?:ed|ing)? (?:the )?unions?\b|\bunioni[sz](?:ed|ation)\b|\benrol(?:l)?ment\b"), "入会"),
    (re.compile(r"\bnew (?:forms|types) of employment\b|\bgig workers?\b|\bplatform workers?\b"), "新就业形态"),
    (re.compile(r"\bhouseholds?\b|\bfamilies\b"), "户数"),
    (re.compile(r"\bsessions?\b|\bevents?\b|\brounds?\b|\bhow many (?:competitions|contests|matches)\b"), "场次"),
    (re.compile(r"\bexecution rate\b|\bbudget execution\b"), "执行率"),
    # (q25) "the staff satisfaction rate" -> 职工满意度, "the training completion rate" -> 职工培训完成率 (not 职工书屋, a
    # project: "workers' reading rooms" names no indicator)
    (re.compile(r"\b(?:staff|workers?|employees?)\b(?!'?s? (?:reading|service|cultural|centers?|centres?|palace|club))"), "职工"),
    (re.compile(r"\bcompletion rates?\b|\bcompleted rates?\b|\brate of completion\b"), "完成率"),
    (re.compile(r"\b(?:payments?|paid|pay-?outs?|disburse(?:ment|d)?s?)\b"), "发放"),
    (re.compile(r"\b(?:payments?|paid|pay-?outs?|disburse(?:ment|d)?s?|transfers?)\b"), "拨付"),
    (re.compile(r"\bservice (?:users?|recipients?|satisfaction)\b|\bbeneficiar(?:y|ies)\b|\bpeople served\b|\bthose served\b"), "服务对象"),
)
# A yes/no question asked the missing way round ("did it miss its training target", "是否未完成"): a met
# indicator is answered "no, not missed", one asked the meeting way round ("did it meet") "yes, met".
MISSED_ASKED = re.compile(r"\bmiss(?:ed|es)?\b|\bfail(?:ed|s)?\b|\bfall(?:s|en)? short\b|\bfell short\b|未完成|没有?完成|未达标|没达标|未达到|没有?达到")
# An English share of a named base ("what share of basic spending was personnel costs", "personnel costs as a
# percentage of basic expenditure", "the share of official reception in the three public expenses"): the part and
# the base, each read as a line (amount_concept).  Several patterns, as a part or base may come first.
SHARE_OF_NAMED_BASE_EN: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:share|proportion|percentage|per ?cent) of (?:its |the |their )?(?P<base>[a-z' -]{3,40}?) (?:was|were|is|are|went (?:to|on)|did) "
               r"(?:the |its )?(?P<part>[a-z' -]{3,40}?)(?=\s*\?|\s*$|\s+(?:at|of|in|for|by)\b)"),
    re.compile(r"\b(?P<part>[a-z' -]{3,40}?) (?:as|make up|made up|account(?:ed)? for) (?:a |the )?(?:share|proportion|percentage|per ?cent) of "
               r"(?:its |the |their )?(?P<base>[a-z' -]{3,40}?)(?=\s*\?|\s*$|\s+(?:at|of|in|for|by)\b)"),
    re.compile(r"\b(?:share|proportion|percentage) of (?:the |its )?(?P<part>[a-z' -]{3,40}?) (?:in|within|out of) (?:its |the |their )?"
               r"(?P<base>[a-z' -]{3,40}?)(?=\s*\?|\s*$|\s+(?:at|of|in|for|by)\b)"),
)
# A count asked in English ("how many model workers got condolence money", "the number of households"): of the
# indicators a description fits, a count (label ending in a counted word) answers before a rate.
COUNT_ASKED_EN = re.compile(r"\bhow many\b|\bnumber of\b|\bcount of\b")
COUNT_LABEL = re.compile(r"(?:人数|户数|人次|场次|次数|个数|数量|家数|批次|项数)(?:[（(][^（()）]{0,6}[)）])?$")
RATE_LABEL = re.compile(r"(?:率|占比|比例|比重)(?:[（(][^（()）]{0,6}[)）])?$")

# (q19) The short kinds of body people write after a place, with or without its level ("锦州妇联", "某县团委",
# "某市总"): a mention of such a body whose place may be mistyped (heard, not read: 锦洲 for 锦州), read by
# sound against the graph's bodies (Catalog._homophone). The place is two to four characters before the kind;
# a question word or a range word before it names no place ("哪个妇联", "各市总").
ABBREVIATED_BODY_KINDS: tuple[str, ...] = ("总工会", "市总", "省总", "县总", "区总", "妇联", "团委", "团市委", "团县委",
                                           "残联", "科协", "工商联", "文联", "妇女联合会", "残疾人联合会")
ABBREVIATED_BODY_MENTION = re.compile(
    r"((?:(?![年的和与及在是对哪各每全本该其])[\u4e00-\u9fff]){2,4}?)(?:" + "|".join(sorted(ABBREVIATED_BODY_KINDS, key=len, reverse=True)) + ")")

# (q19) Several bodies of one place asked together. A short kind alone right after a body and a conjunction
# ("锦州市总工会和妇联", "某县总工会与团委") is the body of that kind of the same place; a place with a number of its
# units ("锦州两个单位", "某市的这两家单位") is every reporting body of that place. Groups: ``kind`` / ``place``.
SAME_PLACE_KIND_AFTER_BODY = re.compile(r"(?:和|与|及|跟|同|、)(?:该市|该县|该区|本市|同级)?(?P<kind>总工会|妇联|团委|残联|科协|工商联|文联)")
PLACE_BODIES_TOGETHER = re.compile(
    r"(?P<place>(?:(?![年的和与及在是对哪各每全本该其])[\u4e00-\u9fff]){2,8}?)(?:的)?(?:这|那)?(?:两|二|三|四|几|2|3|4)(?:个|家)(?:单位|部门|机构)")
# (q19) English: a place's union or federation and another kind of body of that place joined by "and" ("the Jinzhou
# federation and the Jinzhou women's federation", "the Rizhao trade union and women's federation"): both bodies, the
# union not given up for the kind the question also names.
ENGLISH_UNION_AND_OTHER_KIND = re.compile(
    r"\b(?P<place>[a-z]{3,})(?:'s)?\s+(?:city\s+|municipal\s+)?(?:federation of trade unions|trade union federation|trade union|union|federation)\b"
    r"(?:'s)?\s+(?:and|&)\s+(?:the\s+)?(?:(?P=place)\s+)?(?:city\s+)?(?P<kind>women'?s federation|youth league|disabled (?:persons'?|people'?s?) federation)")
# (q19) One figure asked against another by how far it passed it ("how much did the 2032 budget exceed the 2031 final
# income", "2032年预算超过2031年决算多少"): with two years and two phases named, the difference of the two figures.
EXCEEDED_BY_QUESTION = re.compile(r"\bexceed(?:ed|s)?\b|\bsurpass(?:ed|es)?\b|(?:超过|超出)了?[^，。？?]{0,16}?多少")
EXCEEDED_BY_VERB = re.compile(r"\bexceed(?:ed|s)?\b|\bsurpass(?:ed|es)?\b|超过了?|超出了?")  # the verb alone: the line and phases stay
# (q19) How the documents print each funding type / reform class in a stated count's item ("差额拨款事业单位1个"): an
# English question ("how many partially funded units") picks the count of its kind by these words.
UNIT_CATEGORY_PRINTED: dict[str, str] = {
    "funding-full": "全额", "funding-partial": "差额", "funding-self": "自收自支", "reform-civil-service-managed": "参公",
    "reform-public-welfare-1": "公益一类", "reform-public-welfare-2": "公益二类", "reform-commercial": "经营类",
}
# (q20) What the graph holds, asked of the graph itself ("图谱里有哪些单位和年份的数据", "你们有哪些年份的数据", "what data
# do you have"): the coverage family by rule, so a store with no encoder (UNIONKG_ENCODER=none) does not leave these to
# passage search. Each pattern asks for data, documents, years or bodies held, never for the units under a body
# ("某市有哪些单位" is subordinate units); a question naming a body is kept from coverage by the answerer.
COVERAGE_QUESTIONS: tuple[re.Pattern[str], ...] = (
    # "有哪些单位和年份的数据", "有什么年份的资料": kinds of coverage asked with the word data
    re.compile(r"(?:有|收录了?|包含了?|覆盖了?|存了?)(?:哪些|什么|多少|哪几个)(?:单位|机构|年份|年度|文件|文档|地区|省份|工会)"
               r"(?:(?:和|与|及|、|跟|以及)(?:哪些|什么)?(?:单位|机构|年份|年度|文件|文档|地区|省份|工会))?(?:的)?(?:数据|资料|信息)"),
    # "图谱里有什么", "知识图谱收录了哪些单位", "数据库中包含哪些年份"
    re.compile(r"(?:知识图谱|图谱|数据库|资料库)(?:里|中|内)?(?:都|一共|共)?(?:有|收录了?|包含了?|覆盖了?)(?:哪些|什么|多少|哪几个)"),
    # "你们有哪些年份的数据", "你这里都有什么数据"
    re.compile(r"(?:你们|你)(?:这里|这儿|那里)?(?:都|一共)?(?:有|收录了?)(?:哪些|什么)(?:单位|年份|年度|文件|文档)?(?:的)?(?:数据|资料|文件)"),
    # "收录了哪些单位", "覆盖哪些年度"
    re.compile(r"(?:收录|覆盖)了?(?:哪些|什么|哪几个)(?:单位|年份|年度|文件|文档|地区)"),
    # English: "what data do you have", "which years does the graph cover", "what's in the knowledge graph"
    re.compile(r"\bwhat (?:data|documents|years|bodies|federations|unions) (?:do|does|did) (?:you|the (?:knowledge )?graph) (?:have|hold|cover|contain)\b"
               r"|\bwhich (?:years|bodies|federations|unions|documents) (?:do you|does the (?:knowledge )?graph) (?:have|hold|cover|contain)\b"
               r"|\bwhat(?:'s| is) in (?:the|your) (?:knowledge )?graph\b"),
)

# The years the graph holds for a body the question names ("绵竹市总工会有哪些年份的数据", "某县总工会有哪几年的
# 预算", "which years does the graph hold for the X federation"): the coverage family, limited to that body.
BODY_YEARS_QUESTIONS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?:有|存|收录了?|包含了?)(?:哪些|哪几|什么|几个)(?:年份|年度|个?年)(?:的)?(?:数据|资料|文件|预算|决算|报告|信息|自评)?(?:[？?。]|$)"),
    re.compile(r"\b(?:which|what) years\b.*\b(?:have|hold|cover|held|covered)\b|\bfor which years\b.*\b(?:data|documents?)\b"),
)
# (q20) The units of a body asked in its barest words ("某市有哪些单位", "某市总工会有几个单位"): subordinate units by rule, so
# a store with no encoder does not leave them to passage search. Not a kind of coverage ("有哪些单位和年份的数据") and
# not a unit's figures ("有哪些单位的支出"); the coverage rules weigh more when the graph itself is asked.
UNITS_OF_BODY_ASKED = re.compile(r"有(?:哪些|几个|多少个?|什么)(?:下属|直属|所属)?(?:单位|机构)(?![和与及、的]|.{0,8}(?:数据|资料|信息|支出|收入|预算|决算|得分))")

# (q26) The code of a line named in words, the reverse of "2012901是什么科目": "what is the code for 行政运行",
# "行政运行的科目编码是多少", "行政运行对应哪个功能分类科目". Never the line's money ("行政运行支出多少", "what is the
# budget for 行政运行", "what did code 2012901 spend"): each shape asks for the code itself.
CODE_OF_LINE_QUESTIONS: dict[str, re.Pattern[str]] = {
    "en_code_for": re.compile(r"\bwhat(?:'s| is| are| was)? (?:the )?(?:budget |classification |functional |economic |expenditure |spending )*"
                              r"(?:classification )?codes? (?:for|of)\b(?!.{0,40}\b(?:spen(?:d|t|ding)|how much|amount|budget(?:ed)?)\b)"),
    "en_which_code": re.compile(r"\bwhich (?:budget |classification |functional |economic |expenditure )*(?:code|classification|class)\b"
                                r".{0,40}\b(?:is|does|has|have|falls?|belongs?|comes?)\b(?!.{0,40}\b(?:spen(?:d|t|ding)|how much|amount)\b)"),
    "zh_code_is": re.compile(r"(?:科目|分类)?(?:编码|代码|编号)(?:是|为)(?:多少|什么|啥|几)"),
    "zh_which_subject": re.compile(r"(?:对应|属于|归入|列入|列在|归属)(?:哪个|哪一个|哪一?类|什么)(?:功能|经济)?(?:分类)?(?:科目|类款项|款项)"),
}

# (q26) How far the year's budget was adjusted, asked without naming both phases ("预算调整了多少", "how much was the
# 2031 budget adjusted"): the adjusted budget against the initial one. Not an adjustment's reason or a line named
# "调整" of a table ("为什么调整预算", "调整后的支出是多少").
BUDGET_ADJUSTED_ASKED = re.compile(
    r"预算(?:共|一共|总共)?调(?:整|增|减)了?(?:多少|几)|调(?:整|增|减)了(?:多少|几)(?:万元|元)?预算"
    r"|\bhow much (?:was|were|did|has|had) (?:the |its |their )?(?:(?:19|20)\d{2} )?(?:\w+ )?budgets? (?:been |get )?(?:adjusted|revised)\b"
    r"|\bby how much (?:was|were|did|has|had) (?:the |its |their )?(?:(?:19|20)\d{2} )?(?:\w+ )?budgets? (?:been |get )?(?:adjusted|revised)\b")
