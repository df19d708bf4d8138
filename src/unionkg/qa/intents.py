"""Intent selection: keyword rules plus multilingual exemplars matched by embeddings.

``INTENTS`` is the one table of question families.  Each intent has rules
(regexes over the normalised question, with a weight: specific families weigh
more than generic ones) and exemplars in Chinese and English.  The score of an
intent is its best rule weight plus the best cosine similarity between the
question and its exemplars; the best intent wins when its score passes
``MIN_SCORE``, otherwise the question goes to passage search.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from unionkg.qa.asset_counts import ASSET_COUNT_QUESTION
from unionkg.qa.completion_reasons import COMPLETION_REASON_QUESTION
from unionkg.qa.english_questions import ENGLISH_FAMILY_PHRASES
from unionkg.qa.item_rankings import ITEM_AMOUNT_RANKING
from unionkg.qa.item_words import LINE_AMOUNT_RANKING
from unionkg.qa.line_facts import LINE_CHANGE_QUESTION, LINE_CHANGE_RANKING, LINE_RATE_QUESTION
from unionkg.qa.patterns import (
    ALIAS_QUESTION,
    BALANCE_QUESTION,
    BODY_RANKING_QUESTION,
    BUDGET_ADJUSTED_ASKED,
    BUDGET_DIFFERENCE_QUESTION,
    BY_UNIT_FOLLOW_UP,
    CHANGE_ASKED_COLLOQUIAL,
    CODE_AMOUNT_ASKED,
    CODE_OF_LINE_QUESTIONS,
    COVERAGE_QUESTIONS,
    DIFFERENCE_QUESTION,
    DIRECTION_QUESTION,
    ENGLISH_LINE_NAMES,
    LINE_AMOUNT_QUESTION,
    MEASURES_QUESTION,
    PARENT_QUESTION,
    PAYEE_RANKING_QUESTION,
    PAYEES_ASKED_COLLOQUIAL,
    PROJECTS_ADDED_OR_DROPPED,
    RATE_REASON_QUESTION,
    RENAME_QUESTION,
    SANGONG_COUNT_QUESTION,
    SPENDING_BREAKDOWN_QUESTION,
    SPENDING_BY_CLASS_ASKED,
    STAFF_BODIES_COMPARED,
    STAFF_GROUP_WORDS,
    STATED_COUNT_QUESTION,
    TARGET_AND_ACTUAL_ASKED,
    TARGETS_NOT_REACHED_ASKED,
    UNIT_CATEGORY_QUESTION,
    UNIT_RANKING_QUESTION,
    UNITS_BELONGING,
    UNITS_OF_BODY_ASKED,
)
from unionkg.qa.rate_questions import BODY_RATE_RANKING, RATE_BOUND_QUESTION_ZH
from unionkg.qa.rate_questions import EXECUTION_RATE_QUESTIONS_EN as RATE_EN
from unionkg.qa.thresholds import NAMED_RATE_THRESHOLD_EN
from unionkg.search.encoders import Encoder


@dataclass(frozen=True, slots=True)
class Intent:
    name: str
    rules: tuple[tuple[re.Pattern[str], float], ...]
    exemplars: tuple[str, ...]


def _r(pattern: str, weight: float = 1.0) -> tuple[re.Pattern[str], float]:
    return (re.compile(pattern), weight)


# The shape of answer a question asks for within its family (one table; tests/qa/test_round8_facts.py
# checks each with positive and negative examples).  Matched on the normalised (lower-cased) question.
QUESTION_SHAPES: dict[str, re.Pattern[str]] = {
    # every item of a list asked one by one ("各项目得分分别是多少", "each project's score"): not their average
    "each": re.compile(r"各(?:个)?(?:项目|指标|评价)|分别|每(?:个|一个|项)(?:项目|指标|评价)|\beach\b|\bevery (?:project|indicator)|\bper project\b|\bone by one\b"),
    # which one scored lowest / highest, the thing left to the context or a project ("哪个得分最低", "哪个项目评分最高")
    "score_ranking": re.compile(r"哪(?:个|一个|项|一项)(?:项目)?(?:的)?(?:自评)?(?:得分|分数|评分|分)(?:最|更)(?:高|低|多|少)"
                                r"|\bwhich (?:one|project)\b.{0,30}\bscored? (?:the )?(?:lowest|highest|worst|best)\b"),
    # the units of the body a chat just named ("and its units?", "它有哪些下属单位")
    "its_units": re.compile(r"\b(?:its|their) (?:subordinate |affiliated )?units\b|^(?:and )?(?:the )?units[?？]?$|^(?:那)?(?:它|其)的?(?:下属)?单位(?:呢|有哪些)"),
    # which bodies were paid ("向哪些单位拨付了资金", "拨给了哪些单位")
    "payees_asked": re.compile(r"(?:向|给|对)哪些(?:单位|机构|总工会|工会|下属单位|公司).{0,8}(?:拨付|下拨|拨款|拨|补助|支付|付款|转拨)"
                               r"|(?:拨付|下拨|拨|补助|支付|转拨)(?:给|了)*哪些(?:单位|机构|总工会|工会|公司)"),
    # money given to a unit of the body ("how much did X pay its sanatorium", "what did it give the cultural palace")
    "paid_to_unit": re.compile(r"\b(?:pay|paid|give|gave|given|grant(?:ed)?|transfer(?:red)?|allocate[ds]?)\b.{0,20}\b(?:its|the|their) (?:[\w'-]+ ){0,2}"
                               r"(?:sanatori(?:um|a)|cultural palaces?|service cent(?:er|re)s?|units?|unions)\b"),
    # which one ranks at an end, nothing else named ("哪个最低？", "and the lowest?"): in a chat, of the list just shown
    "bare_extreme": re.compile(r"^(?:那)?(?:哪个|哪一个|哪项|哪一项)(?:项目)?(?:的)?(?:最|更)(?:高|低|多|少|大|小|好|差)(?:呢)?[?？]?$"
                               r"|^(?:and |so )?(?:which (?:one )?(?:is|was) )?(?:the )?(?:lowest|highest|largest|smallest|best|worst)(?: one)?[?？]?$"),
    # the share of a project's money that arrived (资金到位率): printed by some tables, else the execution figures
    "funds_in_place": re.compile(r"到位率|资金到位|到位(?:了)?多少|\bfunds?[- ]in[- ]place\b|\bfunding (?:in place|received|arrived)\b|\bdisbursement rate\b"),
    # the indicators that were met ("哪些指标达标了", "which indicators were met")
    "met_list": re.compile(r"哪些(?:绩效)?指标(?:已经?|都)?(?:达标|完成|达到|实现)(?:了)?(?:目标)?(?:[?？]|$)|(?<![没未不])(?:已)?达标的(?:绩效)?指标"
                           r"|\b(?:which|what) (?:indicators|targets|goals)\b.{0,50}\b(?:were|have been|was) (?:met|achieved|reached|hit)\b|\bindicators? (?:that|which) (?:were )?met\b"
                           r"|\bhow many (?:of )?.{0,60}\b(?:indicators|targets)\b.{0,20}\b(?:were|was|have been) (?:met|achieved|reached|hit)\b"
                           # (q21) "which indicators did the X federation meet in 2031", "what targets did it hit"
                           r"|\b(?:which|what) (?:of (?:its|their|the) )?(?:indicators|targets|goals)\b.{0,20}\b(?:did|has|have)\b(?!.{0,60}\b(?:not|n't|miss|fail)\w*).{0,60}\b(?:meet|met|achieved?|reach(?:ed)?|hit)\b"),
    # the indicator at an end of the scores ("得分最低的指标", "扣分最多的指标", "which indicator lost the most points")
    "indicator_ranking": re.compile(r"(?:得分|分数|扣分|失分)(?:最|更)(?:低|高|多|少)的(?:绩效)?指标|指标.{0,6}(?:得分|扣分|失分)(?:最|更)(?:低|高|多|少)"
                                    r"|\b(?:lowest|highest|worst|best)[- ]scor(?:ing|ed) (?:performance )?indicators?\b"
                                    r"|\bwhich (?:\w+ ){0,2}indicator\b.{0,40}\b(?:lowest|highest|most|least|fewest)\b"),
    # how many indicators were set ("有多少个绩效指标"), not how many missed
    "indicator_count": re.compile(r"(?:多少|几)(?:个|项)(?:绩效)?指标(?!.{0,8}(?:没|未|不|扣|失))|\bhow many (?:performance )?indicators\b(?!.{0,40}\b(?:miss|fail|short|not|lost|below)\w*)"),
    # money given to the body's own units ("给下属单位补助了多少", "transfers to its subordinate units")
    # (also "下属单位拿了多少补助": the units named as receivers)
    "to_units": re.compile(r"(?:给|向|对|拨付给|补助)(?:其|所属|下属|直属|二级)+(?:事业)?单位|(?:其|所属|下属|直属|二级)(?:事业)?单位(?:一共|总共)?(?:拿|收|得|分)(?:了|到)(?:了)?多少|\bto (?:its |their )?(?:subordinate|affiliated) (?:units|institutions)\b"),
    # every payment of a body added up ("对外拨付资金合计多少", "how much did it transfer in total")
    "flows_total": re.compile(r"(?:对外|向外|对下)?拨付(?:的)?(?:资金|经费)?(?:合计|总额|一共|共计|总共)|对外拨付|下拨(?:的)?(?:资金|经费)?(?:合计|总额|一共|共计)"
                              r"|\b(?:transferr?ed|paid out|disbursed|handed down) in total\b|\btotal (?:transfers|payments|disbursements)\b"),
    # the target of a named indicator ("组织劳模疗休养人数的目标是多少", "what was the target for …")
    "target_of_named": re.compile(r"(?:的)?(?:年度)?(?:目标|目标值|指标值)(?:是|为)(?:多少|什么|几)|\bwhat (?:was|is) the target (?:for|of)\b"),
    # the indicators that scored their full weight ("哪些指标得了满分", "which indicators scored full marks"), not those that lost points
    "full_marks": re.compile(r"(?:(?<![没未不])(?:得了?|拿了?|获得)|(?<![没未不得拿了])(?<!低于)(?<!不到)(?<!不足)(?<!少于)(?<!没达到)(?<!未达到))满分(?:的)?(?:指标)?(?!.{0,2}(?:吗|没))|\b(?:scored|got|received|earned|given) (?:the )?full (?:marks|points|score)\b"),
    # who a body pays ("who does X transfer money to", "whom did it pay")
    "payees_asked_en": re.compile(r"\bwho(?:m)? (?:does|did|do) .{1,60}\b(?:pay|transfer|give|allocate|grant|send|remit)\b|\b(?:transfers?|pays?|gives?|sends?) (?:money|funds|funding) to whom\b"),
    # who carries a project out ("实施单位是哪个", "由谁实施", "who implemented the project")
    "implementer": re.compile(r"实施单位|实施主体|执行单位|承办单位|(?:由谁|谁来?|哪个(?:单位|部门))(?:负责)?(?:实施|执行|承办)"
                              r"|\bimplement(?:ed|ing|s)? (?:by|unit|body|agency)\b|\bwho (?:implemented|implements|carried out|carries out|ran|runs)\b"
                              # (q21) "which unit is responsible for the training project", "who is in charge of the fund"
                              r"|\b(?:which|what) (?:unit|body|department|agency|organi[sz]ation|office)\b.{0,12}\b(?:is|was|were) (?:responsible for|in charge of)\b.{0,60}\b(?:projects?|programm?es?|funds?|subsid(?:y|ies)|schemes?)\b"
                              r"|\bwho (?:is|was) (?:responsible for|in charge of)\b.{0,60}\b(?:projects?|programm?es?|funds?|subsid(?:y|ies)|schemes?)\b"),
    # what a payee received ("某疗养院收到了多少补助", "获得了多少拨款", "how much did X receive")
    "received": re.compile(r"(?:收到|获得|得到|拿到)(?:了)?(?:多少|几笔|哪些)?(?:补助|资金|拨款|钱|经费|补贴)|\bhow much (?:money |funding )?did .{1,60}\breceive\b"),
    # figures asked as wrong or not adding up ("which figures don't add up", "数字对不上", "算错了")
    "figures_wrong": re.compile(r"\b(?:do|does|did)(?: not|n't) add up\b|\b(?:wrong|incorrect|inconsistent) (?:figures|numbers|totals|sums)\b"
                                r"|\b(?:figures|numbers|totals|sums) (?:are|were|look) (?:wrong|off|inconsistent)\b|(?:数字|数据|合计|总数)(?:对不上|不对|算错|有出入)|算错"
                                r"|(?:数据|数字)(?:有|存在)(?:什么|哪些)?(?:问题|错误|差错)"
                                r"|(?:之和|加起来|相加)(?:的)?(?:相)?差(?:了)?(?:多少|几)|与.{1,20}之和(?:不符|不一致|不等|相差|差)"),
    # how far an indicator fell from its target ("比目标差多少", "离目标还差几", "how far below its target")
    "gap_to_target": re.compile(r"比(?:年度)?(?:目标|指标)(?:值)?(?:多|少|高|低|差)(?:了)?(?:多少|几)|(?:离|距离?)(?:年度)?目标(?:值)?(?:还)?差(?:了)?(?:多少|几)"
                                r"|\bhow (?:far|much) (?:below|above|short of|over|under) (?:its |the |their )?(?:target|goal)\b"),
    # every target of a body or project asked at once ("指标都完成了吗", "did it meet all its targets"): not one named
    "all_of_them": re.compile(r"都|全部|全都|所有|\ball\b|\bevery\b"),
    # whether one named indicator reached its target ("走访户数达标了吗", "was the satisfaction target met")
    "status_of_named": re.compile(r"(?:达标|完成|达到|实现)(?:了)?(?:目标)?(?:吗|没有?|与否)|是否(?:达标|完成|达到|实现)"
                                  r"|^(?:did|does|was|were|has|have|is)\b.{0,80}\b(?:meet|met|reach|reached|achieve|achieved|hit)\b"),
}


# (q8) Shapes of questions about indicators, evaluations, staffing and findings (one table; tests/qa/test_round9_facts.py
# checks each with positive and negative examples).  Matched on the normalised (lower-cased) question.
FACT_QUESTION_SHAPES: dict[str, re.Pattern[str]] = {
    # the headcount against the authorised posts ("超编了吗", "is it overstaffed"): both figures and their gap
    "overstaffed": re.compile(r"超编|缺编|空编|满编|超(?:出|过)(?:了)?编制|编制(?:够不够|够吗|满了吗)|编制(?:还)?空缺|空缺(?:的)?编制"
                              r"|(?:实有|在职|实际)(?:人数|人员)?比编制(?:数)?(?:多|少)|编制(?:数)?比(?:实有|在职|实际)(?:人数|人员)?(?:多|少)"
                              r"|\b(?:headcount|staff)\b.{0,30}\b(?:versus|vs\.?|against|compared (?:with|to))\b.{0,30}\b(?:posts|establishment)\b"
                              r"|\b(?:over|under)[- ]?staffed\b|\b(?:over|above|exceed\w*|beyond|within) (?:its |the |their )?(?:authori[sz]ed )?(?:headcount|establishment|posts)\b"),
    # the indicators whose actual value beat the target ("哪些指标超额完成了", "which targets were exceeded")
    "exceeded_list": re.compile(r"\b(?:which|what) (?:\w+ ){0,2}(?:indicators|targets)\b.{0,60}\b(?:exceed\w*|surpass\w*|beat|overachiev\w*)\b|超额(?:完成|达成|实现)|超(?:过|出)(?:了)?(?:年度)?(?:目标|指标值)|\b(?:exceed(?:ed|s)?|surpass(?:ed|es)?|beat|overachiev\w*) (?:its |their |the )?(?:targets?|goals?)\b"
                                r"|\b(?:targets?|goals?) (?:were|was) (?:exceeded|surpassed|beaten)\b"),
    # the indicators of one kind ("有哪些满意度指标", "成本指标完成得怎么样", "list the satisfaction indicators"):
    # not a kind's missed ones ("满意度指标没有达标") nor whether all of them were met ("满意度指标达标了吗")
    "indicator_kind_list": re.compile(r"(?:满意度|数量|质量|时效|成本|效益|社会效益|经济效益|生态效益|可持续影响|产出|定性|定量)(?:类)?(?:绩效)?指标(?!.{0,8}(?:没有?(?:完成|达标|达到|实现)|未|不达标|扣|失|达标|达到|完成了|实现了))"
                                      r"|(?:满意度|满意率)(?:怎么样|咋样|如何|情况|高不高)|(?:满意度|满意率)(?:最|更)(?:低|高)的(?:绩效)?指标"
                                      r"|\b(?:satisfaction|output|outcome|quantity|quantitative|quality|timeliness|cost|benefit|impact|qualitative) (?:performance )?indicators\b(?!.{0,40}\b(?:miss|not|fell|short|fail|lost|met)\w*)"),
    # scores of one evaluation over years, or of two ("得分对比", "自评得分比上年低了多少", "how did X score in 2022 compared with 2023")
    "score_over_years": re.compile(r"(?:得分|评分|分数|自评分?)(?:的)?.{0,8}(?:对比|相比|比较|变化|差多少|差了多少|高了多少|低了多少)|(?:对比|比较)(?:一下)?.{0,12}(?:得分|评分|分数)"
                                   r"|(?:得分|评分|分数|自评).{0,8}(?:上升|下降|提高|降低|升|降|涨|跌)(?:了)?(?:还是|吗|没|多少)"
                                   r"|\bscores?\b.{0,10}\btrend\b|\btrend\b.{0,30}\bscores?\b|\bscores?\b.{0,30}\bfrom (?:19|20)\d{2} to\b"
                                   r"|\bscored?\b.{0,40}\b(?:compared|against|versus|vs\.?)\b|\bcompare\b.{0,60}\bscores?\b|\bscores?\b.{0,40}\b(?:change|changed|compare|r[io]se|fell|drop(?:ped)?|go up|go down|went up|went down)\b"),
    # which body's own evaluation scored highest / lowest ("哪个单位自评得分最高", "which federation had the lowest score")
    "project_score_ranking": re.compile(r"(?:扣分|失分|丢分)(?:最|更)(?:多|少)的项目|项目.{0,8}(?:扣分|失分|丢分)(?:最|更)(?:多|少)|(?:得分|分数|评分)(?:最|更)(?:低|高)的项目"
                                        r"|\bprojects?\b.{0,30}\blost (?:the )?(?:most|fewest|least) points\b"),
    "body_score_ranking": re.compile(r"哪(?:个|家|一个|些)(?:单位|总工会|工会|部门).{0,12}(?:自评|评价|绩效)?(?:得分|分数|评分|等级)(?:最|更)(?:高|低|好|差)"
                                     r"|\bwhich (?:[a-z'-]+ ){0,2}(?:federation|union|body|department)s?\b.{0,50}\b(?:highest|lowest|best|worst|top)\b.{0,30}\b(?:score|grade|evaluation)"),
    # evaluations scored below / above a threshold, or failed ("得分低于90分的项目", "有几个项目不及格",
    # "which projects failed their evaluation"): the scores against the threshold, not a list of every project
    "score_threshold": re.compile(r"(?:低于|不到|小于|少于|不足|高于|大于|超过|以下|以上)\s*\d+(?:\.\d+)?\s*分|\d+(?:\.\d+)?\s*分(?:以下|以上)|不及格|没(?:有)?及格|未及格"
                                  r"|\b(?:below|under|less than|lower than|above|over|more than|higher than) \d+(?:\.\d+)? (?:points|marks)\b|\bfail(?:ed|s)? (?:its |the |their )?(?:evaluations?|assessments?)\b"
                                  r"|\bscored? (?:below|under|less than|lower than|above|over|more than|higher than) \d+"
                                  r"|\bprojects?\b.{0,20}\bfail(?:ed|s)?\b(?! to)|\bfail(?:ed|ing)? projects?\b"),
    # whether a body's figures or report has problems, asked colloquially ("这份决算有什么问题吗", "预算有问题吗")
    "problems_asked": re.compile(r"(?:有|存在)(?:什么|啥|哪些)?(?:数据|数字|计算)?(?:问题|错误|毛病)(?:吗|么|没有?)[?？]?$|有没有(?:什么)?(?:问题|错误|毛病)"
                                 r"|\b(?:is|was) (?:there )?(?:anything|something) wrong\b|\b(?:are|were) there (?:any )?(?:problems|errors|mistakes|issues)\b"),
}

# Kinds of body an English question names, and how the documents print them: a payee ("transfer to county
# unions" -> 各县（市、区）总工会, the payments to that kind only) or a unit of a named body ("the Qujing workers'
# sanatorium" -> that federation's 职工疗养院).
ENGLISH_BODY_KINDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\b(?:count(?:y|ies)|district|county[- ]level)(?: and (?:district|county|city))?(?:[- ]level)? (?:unions|federations|trade unions)\b"),
     re.compile(r"[县区].{0,6}(?:总工会|工会)")),
    (re.compile(r"\bstreet(?: and township)? unions\b|\bsub-?district unions\b"), re.compile(r"街道.{0,4}工会")),
    (re.compile(r"\b(?:grassroots|primary[- ]level|enterprise) unions\b"), re.compile(r"基层.{0,4}工会|企业.{0,4}工会")),
    (re.compile(r"\b(?:workers'? )?cultural palaces?\b"), re.compile(r"文化宫")),
    (re.compile(r"\bsanatori(?:um|a)\b|\brecuperation (?:home|cent(?:er|re))s?\b"), re.compile(r"疗养院|疗休养")),
    (re.compile(r"\b(?:staff |workers'? )?service cent(?:er|re)s?\b"), re.compile(r"服务中心")),
)

# Words of an English question that name a project by what it pays for, and how project names print them
# ("the medical mutual aid project" -> 职工医疗互助补助资金): used when no project name is linked.
ENGLISH_PROJECT_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bmutual (?:medical )?aid\b|\bmedical mutual\b"), "互助"),
    (re.compile(r"\bmedical\b"), "医疗"),
    (re.compile(r"\b(?:recuperation|sanatorium|rest and recreation)\b"), "疗休养"),
    (re.compile(r"\bmodel workers?\b|\blabou?r models?\b"), "劳模"),
    (re.compile(r"\bnuclear(?: industry)?\b"), "核工业"),  # (q21) "the nuclear industry hardship subsidy"
    (re.compile(r"\blabou?r (?:competitions?|contests?|emulation)\b"), "劳动竞赛"),  # (q21) "the labour competition project"
    (re.compile(r"\bskills? (?:competitions?|contests?)\b"), "技能竞赛"),
    (re.compile(r"\bskills? (?:subsid(?:y|ies)|upgrad\w*|improvement|enhancement|certificat\w*)\b"), "技能"),
    (re.compile(r"\b(?:hardship|needy|poor) (?:workers|households|families)\b|\bhardship (?:relief|funds?|assistance|aid|support)\b"), "困难职工"),
    (re.compile(r"\bsending warmth\b|\bwarmth\b"), "送温暖"),
    (re.compile(r"\btraining\b"), "培训"),
    # (q21) "the workers' reading rooms project" -> 职工书屋建设经费; "the skills training project" -> 职工技能培训经费
    (re.compile(r"\breading rooms?\b|\bbook (?:houses?|rooms?|corners?)\b|\blibrar(?:y|ies)\b"), "书屋"),
    (re.compile(r"\bskills? training\b|\bvocational training\b"), "技能"),
    (re.compile(r"\b(?:winter )?heating\b"), "取暖"),  # (q23) "the winter heating subsidy" -> 冬季取暖补助经费
)


INTENTS: tuple[Intent, ...] = (
    Intent("missed_targets", (
        _r(r"未完成|没有完成|没完成|未能完成|没能完成|未达到|没有达到|没达到|未能达到|没能达到|未达标|没有?达标|不达标|未能达标|未实现|没有实现|偏差|差距", 1.4),
        # yes/no: "目标都完成了吗", "指标全部达标了没", "did X meet all its targets"
        _r(r"(?:都|全部|全都|是否|有没有)(?:完成|达标|达到|实现)|(?:完成|达标|达到)(?:了)?(?:吗|没有?|与否)", 1.5),
        _r(r"^(?:did|has|have|was|were|is)\b.{0,80}\b(?:reach|meet|achieve|hit|attain)\w*\b.{0,60}\b(?:targets?|goals?)\b", 1.5),
        # "was the satisfaction target met?": the target named first
        _r(r"^(?:was|were|is|are|has|have)\b.{0,80}\b(?:targets?|goals?)\b.{0,20}\b(?:met|reached|achieved|hit|attained)\b", 1.5),
        _r(r"\b(?:meet|met|reach(?:ed)?|achieve[d]?|hit)\b.{0,12}\ball\b|\ball (?:of )?(?:its |their |the )?(?:targets?|indicators?|goals?) (?:were |been )?(?:met|achieved|reached)", 1.5),
        # "共有多少个项目未完成目标": a count of what missed, not a count of projects (whose rule weighs 1.6)
        _r(r"(?:几|多少)个?(?:项目|指标|单位|总工会).{0,12}(?:未完成|没有完成|没完成|未能完成|未达到|没有达到|没达到|未达标|没有?达标|不达标|未实现|没有实现)", 1.7),
        (QUESTION_SHAPES["met_list"], 1.75),
        (FACT_QUESTION_SHAPES["exceeded_list"], 1.75),
        # (q22) "绩效目标没实现", "目标完成情况怎么样": before a list of projects the question names
        *((pattern, 1.45) for pattern in TARGETS_NOT_REACHED_ASKED.values()),
        # improvement measures: printed with the deviation reasons of the indicators that missed
        (MEASURES_QUESTION["zh"], 1.5),
        (MEASURES_QUESTION["en"], 1.5),
        (ENGLISH_FAMILY_PHRASES["missed_targets"], 1.4),  # (q21) "which targets did the X federation not meet"
        _r(r"miss(?:ed|ing)?\b|fell short|falls? short|short of|not (?:been )?(?:met|achieved|reached|fulfilled)|(?:did not|didn't|does not|doesn't|do not|don't|failed to|fail to) (?:meet|reach|achieve|hit|attain|fulfil)|fail(?:ed)? to|underperform|below (?:the |their |its )?targets?", 1.4),
    ), (
        "哪些项目没有完成绩效目标？", "2024年哪些指标未达到目标值", "未完成的绩效指标有哪些",
        "Which projects missed targets in 2024?", "Which indicators did not reach their target?", "targets that were not met",
    )),
    Intent("strict_violations", (
        _r(r"严格|虽然.{0,12}(?:达标|完成|满分)|违反|违背|判为达标|算作达标", 1.6),
        _r(r"\bstrict|violat|although|despite|even though|wrongly (?:scored|marked)", 1.6),
    ), (
        "哪些指标实际值违反了严格目标却被评为达标？", "虽然实际值不符合目标但仍得满分的指标",
        "Which indicators were scored as met although the actual value violates a strict target?",
    )),
    Intent("lost_points", (
        _r(r"扣分|失分|扣了|没得满分|未得满分|丢分", 1.3),
        # (q17) "得分低于满分的指标有几个", "没拿满分的指标": the indicators that lost points, before a stated count (1.8)
        _r(r"(?:低于|不到|不足|少于|没(?:有)?(?:拿|得|达)到?|未(?:能)?(?:拿|得|达)到?)满分", 1.85),
        # why points were lost: the indicators that lost them, each with its stated deviation reason
        _r(r"(?:为什么|为何|原因|怎么).{0,6}(?:扣分|失分|扣了|丢分)|(?:扣分|失分|丢分)(?:的)?原因|\bwhy\b.{0,40}\b(?:lost points|lose points|deducted|points? (?:were )?lost)", 1.65),
        (QUESTION_SHAPES["indicator_ranking"], 1.75),
        (QUESTION_SHAPES["full_marks"], 1.5),
        _r(r"lost points|lose points|deduct|points? (?:were )?lost|not (?:get|receive) full|not (?:been )?(?:fully|full) (?:scored|marked)|(?:without|short of|below) (?:the )?full (?:marks|points|score)|not (?:given|awarded) full", 1.3),
    ), (
        "哪些指标被扣分了？", "湖州市总工会哪些指标失分", "Which indicators lost points?", "where were points deducted",
    )),
    Intent("evaluation_score", (
        _r(r"自评|评分|得分|分数|等级|评级|评价结果"),
        _r(r"score|grade|\brating|\brated|self-evaluation|evaluation result|who evaluated|evaluated by|who (?:did|carried out|conducted) the evaluation"),
        # colloquial: "湖州总工会24年干得咋样", "项目评得怎么样", "自评是不是优秀"
        _r(r"(?:干|做|搞|评|完成)得(?:怎么样|咋样|如何|好不好)|表现(?:怎么样|咋样|如何)|(?:是不是|是否|有没有)(?:评为|评上|得了?)?(?:优秀|优|良好|良)", 1.3),
        _r(r"how (?:well )?did .{1,60}\b(?:do|perform)\b|(?:graded|rated) (?:as )?(?:excellent|good|fair|poor)", 1.3),
        _r(r"谁评价|谁做的评价|评价机构|评价主体|由谁评价|评价方"),
        # the score of one item: "预算执行情况得了几分" (not its execution rate)
        _r(r"得了?(?:几|多少)分|(?:几|多少)分(?:[?？吗呢]|$)|\bhow many points\b|\bwhat score\b", 1.45),
        # the score of an evaluation named with its genre ("整体支出绩效自评得分", "项目支出绩效评价总分"):
        # the 支出 / 预算 of the genre's name must not make it a question about an amount
        _r(r"(?:自评|评价|绩效)(?:的)?(?:总|综合|最终)?(?:得分|分数|总分|评分|等级|结果)|(?:self-)?evaluation (?:score|grade|result)|(?:overall|total|final) (?:score|grade)", 1.3),
        # one evaluation's scores over years ("项目得分两年对比"): above a comparison of two bodies' amounts
        (FACT_QUESTION_SHAPES["score_over_years"], 1.65),
        # "…资金等级", "…自评得分": the evaluation's grade or score named last, over the money word of a project's name
        _r(r"(?:等级|评级|得分|分数)(?:是什么|是多少|多少|如何|怎样)?[?？]?$", 1.3),
        (FACT_QUESTION_SHAPES["score_threshold"], 1.7),
        (FACT_QUESTION_SHAPES["body_score_ranking"], 1.8),
    ), (
        "浙江省总工会2023年项目自评平均得分是多少？", "自评等级是什么", "绩效自评得分多少分",
        "What was the average self-evaluation score of the projects?", "What grade did the evaluation give?",
    )),
    Intent("execution_rate", (
        _r(r"执行率|执行进度|完成率|支出进度", 1.3),
        _r(r"execution rate|spending rate|implementation rate|(?:share|percentage|proportion|per ?cent) of (?:its |the |their )?budget|how much of (?:its |the |their )?budget", 1.3),
        _r(r"(?:用|花|支出|执行)(?:了|掉)?(?:百分之多少|多少比例|几成)|what percent(?:age)?", 1.3),
        _r(r"预算执行(?:得|情况|的情况)|执行了(?:多少|百分之)|完成(?:了)?(?:年初)?预算的", 1.3),
        # (q7) "一般公共服务支出执行得怎么样": how a line was executed, asked colloquially
        _r(r"执行得(?:怎么样|咋样|如何|好不好|怎样)|执行(?:情况)?(?:怎么样|咋样|如何)", 1.3),
        (QUESTION_SHAPES["funds_in_place"], 1.6),
        # (q18) a classification line's rate ("行政运行的预算完成率"): clearly before the line's amount (LINE_AMOUNT_QUESTION, 1.5)
        (LINE_RATE_QUESTION, 1.85),
        # (q21) English phrasings ("which projects were completed below 90%", "what share of the project funds were used",
        # "did X spend its whole budget"): the same family as 执行率 / 完成率, above a share of a total (amount, 1.65)
        # and a budget against its final figure (1.55)
        (RATE_EN["completed_below"], 1.75),
        (RATE_EN["share_spent"], 1.75),
        (RATE_EN["share_of_budget_used"], 1.75),
        (RATE_EN["whole_budget_spent"], 1.6),
        (RATE_BOUND_QUESTION_ZH, 1.75),  # "哪些项目执行率低于90%": the rates under the bound, not every project
        # "哪个总工会预算执行率最高": bodies ranked by their rate, before bodies ranked by an amount (BODY_RANKING_QUESTION, 1.7)
        (BODY_RATE_RANKING["zh"], 1.8),
        (BODY_RATE_RANKING["en"], 1.8),
    ), (
        "预算执行率是多少？", "项目资金执行率", "What was the budget execution rate?", "How much of the budget was spent?",
    )),
    Intent("budget_vs_final", (
        _r(r"预算.{0,8}(?:和|与|跟|及|对比|相比|比较).{0,4}决算|决算.{0,8}(?:和|与|跟|及|对比|相比|比较).{0,4}预算|预决算|决算.{0,6}(?:超|少于|低于|高于)(?:了)?预算|超(?:出|过)?(?:了)?(?:年初)?预算|超支|预算.{0,4}(?:差|差额|差异)", 1.55),
        _r(r"budget(?:ed)? (?:vs\.?|versus|and|against) (?:the )?(?:actual|final|outturn|spending)|(?:actual|final|outturn|spending) (?:vs\.?|versus|and|against) (?:the )?budget|compare.{0,40}(?:with|to|against) (?:its |the |their )?budget|(?:over|under)spen[dt]|(?:over|under) (?:the |its )?budget", 1.55),
        (BUDGET_DIFFERENCE_QUESTION, 1.6),
        (BUDGET_ADJUSTED_ASKED, 1.7),  # (q26) "预算调整了多少": the two budgets, before a figure's amount
    ), (
        "湖州市总工会2024年预算和决算差多少？", "预算数和决算数分别是多少", "How did actual spending compare with the budget?", "Budget versus final accounts",
    )),
    Intent("unit_amounts", (
        _r(r"(?:各|每个|分别|各个)(?:下属|所属|直属|二级)?(?:预算)?单位.{0,12}(?:收入|支出|预算|决算|经费)|各单位", 1.6),
        _r(r"(?:each|every|per|by) (?:subordinate |affiliated )?unit|broken down by unit|for each of (?:its|the) units", 1.6),
        # (q17) the units ranked by a line, before a comparison of bodies (BODY_RANKING_QUESTION, 1.7)
        (UNIT_RANKING_QUESTION, 1.8),
        (BY_UNIT_FOLLOW_UP, 1.8),
    ), (
        "各下属单位的收入预算分别是多少？", "每个单位的支出是多少", "What was the income budget of each subordinate unit?",
    )),
    Intent("amount", (
        _r(r"收入|支出|预算|决算|经费|资金|拨款|合计|总计|多少钱|金额|人员经费|公用经费|三公|结转|结余"),
        _r(r"income|revenue|expenditure|spending|spen[dt]|budget|appropriation|funds?|money|costs?|total|how much"),
        _r(r"花了|花费|开支|用了多少钱|花(?:在)?哪|钱.{0,4}去哪|(?:花|用)(?:在|到)(?:了)?[\u4e00-\u9fff]{1,6}身上"),
        # money paid to people, named by its purpose ("春节慰问金发了多少"): an amount, or the rate and count stated
        _r(r"(?:慰问|补助|补贴|救助|助学|帮扶|抚恤|奖励|津贴)(?:金|款)(?!.{0,8}(?:人数|户数|人次|户次|多少人|多少户|几人|几户))"),
        _r(r"\bexpenses?\b|\bprocurement\b|\boutlays?\b"),
        # the genre's named lines without a money word ("因公出国费", "公务接待费多少")
        _r(r"公务接待|因公出国|出国\(境\)|公务用车|机关运行|政府采购|工资福利|商品和服务支出|对个人和家庭的?补助|住房公积金|(?:办公|差旅|会议|培训|印刷|邮电|物业管理|维修\(护\)|租赁|福利)费"),
        (SPENDING_BREAKDOWN_QUESTION, 1.3),
        (SPENDING_BY_CLASS_ASKED, 1.5),  # (q22) "支出预算按功能科目怎么分的": before the code look-up 科目 suggests (1.3)
        # (q17) what was left of the income after spending ("收支差额", "a surplus"): a computed amount, not a comparison
        (BALANCE_QUESTION, 1.8),
        # the share of a total a line has ("what percentage of its income came from appropriations"): not an execution rate
        _r(r"\b(?:share|percentage|proportion|per ?cent)\b.{0,60}\b(?:income|revenue|spending|expenditure|budget)\b.{0,30}\b(?:came from|come from|comes from|went to|go(?:es)? to|was spent on|were spent on|(?:was|were|is|are)(?! (?:spent|used|executed|implemented|disbursed|paid out)\b))\b"
           r"|(?:收入|支出|预算).{0,12}(?:中|里)?.{0,12}占(?:了)?(?:多少|比例|比重|百分之)", 1.65),
        # money paid as salaries is an amount (工资福利支出), not a staffing question although "staff" is named
        # (English only: a Chinese staffing question never says 工资; a change of the salaries is a change question)
        _r(r"^(?!.*\b(?:increase|decrease|change|grow|grew|fell|fall|rose|rise|drop|why)\w*\b)(?:.*\b(?:salar(?:y|ies)|wages?|payroll)\b"
           r"|.*\b(?:spen[dt]|spending|paid|pay|costs?)\b.{0,30}\b(?:retire\w*|pensions?|staff|employees|personnel|workers)\b)", 1.45),
        _r(r"\bcarr(?:y|ied|ies)[- ](?:over|forward)|\bbrought forward\b|\b(?:opening|closing) balance\b"),
        # a functional-classification line or code asked without a money word ("2012901是多少", "行政运行是多少"):
        # an amount, before the code look-up that 科目 / 功能分类 suggest ("科目2070101预算多少")
        (LINE_AMOUNT_QUESTION, 1.5),
        (ENGLISH_LINE_NAMES, 1.5),
        # (q21) a body's coded lines ranked by amount ("哪个科目预算最多"): before a code look-up (科目, 1.3) or bodies ranked (1.7)
        (LINE_AMOUNT_RANKING["zh"], 1.8),
        (LINE_AMOUNT_RANKING["en"], 1.8),
        # (q25) a body's spending items ranked, prose items with the table's ("哪几项支出最多", "支出排名前三的项目"): above a
        # list of projects (1.6) and the parts of a total (LINE_PARTS)
        (ITEM_AMOUNT_RANKING["zh"], 1.85),
        (ITEM_AMOUNT_RANKING["en"], 1.85),
        (CODE_AMOUNT_ASKED, 1.5),  # (q22) "2080505科目某市总工会2023年预算多少": the line's amount, not what the code is
        # an amount asked for a classification code ("how much ... on code 2080505", "2012901支出多少")
        _r(r"(?:how much|spen[dt]|paid|income|revenue).{0,50}(?:\bcode\b|\b(?:\d{3}|\d{5}|\d{7})\b)|(?:\bcode\b|\b(?:\d{3}|\d{5}|\d{7})\b).{0,40}(?:how much|spen[dt]|amount)|(?:科目|(?<!\d)(?:\d{3}|\d{5}|\d{7})(?!\d)).{0,12}(?:支出|收入|金额)(?:是)?多少|(?:支出|收入|花)(?:了)?多少.{0,6}(?:科目|(?<!\d)(?:\d{3}|\d{5}|\d{7})(?!\d))", 1.45),
    ), (
        "浙江省总工会2023年本年收入合计是多少？", "湖州市总工会2021年项目支出预算多少", "人员经费是多少",
        "What was the total income in 2023?", "How much was the project expenditure budget?", "What were the personnel costs?",
    )),
    Intent("targets", (
        # the targets set for a project or body (绩效目标表): not whether they were met
        _r(r"绩效目标(?:是|有|包括|分别|表|值)|目标值(?:是|有|分别)|(?:设定|设置|设立|确定)了?(?:哪些|什么)(?:绩效)?(?:目标|指标)|(?:有|包括)哪些(?:绩效)?(?:目标|指标)(?!.{0,8}(?:没|未|不|扣|失|完成|达))|(?:绩效)?指标(?:有哪些|是什么|包括哪些|分别是)(?!.{0,8}(?:没|未|不|扣|失))", 1.35),
        _r(r"\b(?:what|which) (?:was|is) the (?:[\w\u4e00-\u9fff'-]+ ){1,6}?target\b(?!.{0,40}\b(?:miss|not|fell|short|fail|lost|met|reach)\w*)|\btarget (?:value|figure) (?:of|for)\b", 1.35),
        (QUESTION_SHAPES["indicator_count"], 1.5),
        (QUESTION_SHAPES["target_of_named"], 1.4),
        # the indicators of one kind, with their values ("有哪些满意度指标", "成本指标完成得怎么样")
        (FACT_QUESTION_SHAPES["indicator_kind_list"], 1.5),
        # "X项目的绩效目标" / "…的绩效指标？" with nothing after: the targets, not the project's money
        _r(r"^(?!.*(?:没有?|未能?|不|为什么|为何|为啥)(?:完成|达到|达标|实现)).*的(?:绩效)?(?:目标|指标)(?:值)?[?？。]?$", 1.5),
        _r(r"(?:what|which) (?:(?:are|were) (?:the )?)?(?:performance )?(?:targets|kpis|indicators|goals)\b(?!.{0,40}\b(?:miss|not|fell|short|fail|lost)\b)|\b(?:targets|kpis|performance goals|performance indicators) (?:of|for|set)\b(?!.{0,40}\b(?:miss|not|fell|short|fail|lost)\b)", 1.35),
    ), (
        "学生资助补助经费的绩效目标是什么？", "这个项目设定了哪些绩效指标", "What are the performance targets of the project?", "List the KPIs set for the fund",
    )),
    Intent("indicator_value", (
        # the actual value of one indicator named in the question ("服务农民工人次完成了多少")
        _r(r"实际完成(?:了|值|数|情况)?(?:是)?多少|完成了?多少|完成值|完成数(?:是|为)?多少|实际(?:值|数|达到)(?:是|为)?多少|达到了?多少|实际完成", 1.3),
        # an indicator's count or rate "actually" ("发放人数实际是多少"), not an amount actually spent (实际支出)
        _r(r"(?:人数|人次|户数|次数|场次|个数|数量|率|度)实际(?:上)?(?:是|为|有)?多少", 1.3),
        # a rate or degree an indicator measures ("参赛职工满意度是多少"), or how far it fell from its target
        _r(r"(?:满意度|满意率|合格率|达标率|覆盖率|知晓率|准确率|取证率|参与率|完好率|及时率)(?:是|为|有|达到|达到了)?(?:多少|几)", 1.3),
        # (above a difference of two figures: the two are an indicator's actual and target)
        (QUESTION_SHAPES["gap_to_target"], 1.85),
        (TARGET_AND_ACTUAL_ASKED, 1.45),  # (q22) "帮扶户数目标和实际分别是多少": the value with its target
        # the people a payment or service reached ("慰问金发放人数是多少"): an indicator's count, not a staffing
        # figure (在职人数) and never the money's rate
        _r(r"(?:发放|受助|慰问|帮扶|救助|补助|资助|培训|服务|参与|参加|参赛|覆盖|走访)[\u4e00-\u9fff]{0,6}?(?:人数|户数|人次|户次)(?:是|为|有)?(?:多少|几)", 1.3),
        (NAMED_RATE_THRESHOLD_EN, 1.25),  # (q25) "was the training completion rate above 95%": that indicator's value
        _r(r"\bhow satisfied\b|\bsatisfaction (?:rate|level)\b|\bactual (?:value|figure|result|number|count|outcome)|(?:how many|how much|what) .{0,60}\b(?:actually|achieved|attained|reached in practice)\b|\bachieved\b", 1.3),
    ), (
        "服务农民工人次实际完成了多少？", "培训人次完成值是多少", "What was the actual value of the training indicator?", "How many workers were actually served?",
    )),
    Intent("projects", (
        _r(r"哪些项目|什么项目|项目有|项目清单|项目列表|有几个项目|多少个项目|的项目|项目及|项目和|项目.{0,6}(?:金额|资金|预算)分别", 1.2),
        (PROJECTS_ADDED_OR_DROPPED, 1.6),  # (q22) "新增了哪些项目", "比2022年少了哪个项目": before a change of amounts (1.1-1.45)
        # rankings and sums over projects: "哪个项目钱最多", "前3个项目", "所有项目预算加起来", "top 3 projects"
        _r(r"项目(?!支出).{0,12}(?:最多|最大|最高|最少|最小|最低|排名|排序|加起来|合计|总和|一共|总共)|(?:最多|最大|最高|最少|最小|最低|前\d+|前几).{0,8}项目|(?:总共|一共|共)(?:有)?(?:几|多少)个项目", 1.6),
        _r(r"\btop \d+\b.{0,20}projects?|\b(?:largest|biggest|smallest|highest|lowest|most expensive|cheapest|best|worst)\b.{0,30}\bprojects?\b|\bprojects?\b.{0,40}\b(?:largest|biggest|smallest|highest|lowest|most|least)\b|\b(?:sum|total) of (?:all )?(?:the )?projects?|projects?\b.{0,20}\b(?:in total|combined|altogether|add up)", 1.6),
        _r(r"which projects|what projects|list (?:of )?(?:the )?projects|projects (?:and|with) (?:their )?(?:amounts|budgets)|how many projects", 1.2),
        (ENGLISH_FAMILY_PHRASES["projects"], 1.25),  # (q21) "list the X federation's projects"
        # which one scored lowest / highest, no body word between ("哪个得分最低？" after a list of projects):
        # a ranking of evaluation scores, not a comparison of two bodies' amounts
        (QUESTION_SHAPES["score_ranking"], 1.65),
        # the project that lost the most points ("扣分最多的项目"): the lowest evaluation score, not the largest budget
        (FACT_QUESTION_SHAPES["project_score_ranking"], 1.8),
        # who carries a named project out: a fact of the project, not its amount
        (QUESTION_SHAPES["implementer"], 1.65),
    ), (
        "浙江省总工会2023年有哪些项目？", "项目及其金额", "What projects did the federation run in 2023?", "List the projects and their budgets",
    )),
    Intent("project_detail", (
        _r(r"多少人|多少户|多少名|多少个|多少次|多少场|多少期|多少项|多少届|多少批|多少轮|几个|几人|几户|几场|几期|几项|几次|几届|补助了|救助了|帮扶了|慰问了|帮(?:助)?了", 0.8),
        _r(r"how many|number of (?:people|households|beneficiaries|workers|recipients)", 0.8),
        # (q21) "how many retirees did the hardship subsidy cover": the people a subsidy reached, above staffing (1.1-1.2)
        (ENGLISH_FAMILY_PHRASES["project_detail"], 1.5),
    ), (
        "核工业特殊困难群体补助经费补助了多少人？", "对多少户困难职工实施了医疗救助？", "How many people did the subsidy reach?",
    )),
    Intent("stated_counts", (
        # numbers the documents state: projects by grade / self-evaluated / at 100% execution, budget units
        (STATED_COUNT_QUESTION["zh"], 1.8),
        (STATED_COUNT_QUESTION["en"], 1.8),
        (SANGONG_COUNT_QUESTION["zh"], 1.8),
        (SANGONG_COUNT_QUESTION["en"], 1.8),
        # (q27) how many vehicles / buildings / pieces of equipment a body holds
        (ASSET_COUNT_QUESTION["zh"], 1.8),
        (ASSET_COUNT_QUESTION["en"], 1.8),
    ), (
        "有几个项目评价结果为优？", "开展绩效自评的项目有多少个", "本部门有几个预算单位",
        "How many projects were graded excellent?", "How many budget units does the department have?",
    )),
    Intent("renames", (
        (RENAME_QUESTION["zh"], 1.7),
        (RENAME_QUESTION["en"], 1.7),
        (ALIAS_QUESTION["zh"], 1.7),
        (ALIAS_QUESTION["en"], 1.7),
    ), (
        "这个单位现在叫什么名字？", "原来叫什么", "What was the unit's former name?", "What is the unit called now?",
    )),
    Intent("subordinate_units", (
        _r(r"下属单位|直属单位|所属单位|二级单位|事业单位|下级单位|二级预算单位", 1.2),
        # colloquial: "下面有几个单位", "底下有哪些单位"
        _r(r"(?:下面|底下|下边|手下)(?:有|管着?)?(?:几个|哪些|多少个?|什么)(?:单位|事业单位|机构)|(?:下辖|管辖|所辖)(?:了)?(?:哪些|几个|多少个?)?(?:单位|事业单位)", 1.3),
        # the units a budget or final account covers ("部门决算包括哪些单位"): not an amount although 决算 is named
        _r(r"(?:包括|包含|涵盖|纳入|编入)(?:了)?哪些(?:预算)?单位|哪些(?:预算)?单位(?:纳入|编入|包括在)|纳入.{0,12}(?:范围|汇编)的(?:预算)?单位|单位构成|which (?:units|bodies) (?:does|do|did) .{0,60}\b(?:budget|final accounts?|accounts?) (?:cover|include)|\bunits (?:covered|included) (?:by|in) .{0,60}\b(?:budget|accounts?)\b", 1.3),
        (UNIT_CATEGORY_QUESTION, 1.2),
        _r(r"subordinate|affiliated|sub-?units?|units (?:under|below|of)|public institutions", 1.2),
        (UNITS_BELONGING, 1.2),
        (UNITS_OF_BODY_ASKED, 1.0),  # (q20) "某市有哪些单位": a body's units, also without an encoder
        (PARENT_QUESTION, 1.3),  # the body a unit belongs to: the same relation read upwards
        # "and its units?" / "它的下属单位呢" in a chat: the units of the body just asked
        (QUESTION_SHAPES["its_units"], 1.5),
        (ENGLISH_FAMILY_PHRASES["subordinate_units"], 1.3),  # (q21) "which units does the X federation have"
    ), (
        "湖州市总工会有哪些下属单位？", "Which subordinate units did the federation report?", "What units are under the federation?",
        "某市工人文化宫属于哪个总工会？", "Which federation does the workers' cultural palace belong to?",
    )),
    Intent("departments", (
        _r(r"内设机构|内设部门|职能部室|处室|部室|科室|内设|(?:哪些|几个)部门", 1.3),
        _r(r"internal (?:departments?|divisions?|offices)|departments? (?:of|inside)", 1.3),
    ), (
        "湖州市总工会有哪些内设机构？", "What internal departments does the federation have?",
    )),
    Intent("staffing", (
        _r(r"编制|人员编制|实有人数|在职人员|在职人数|在编(?:人员|人数)|编内(?:人员|人数)|在岗人员|离退休人员|退休人数|职工人数|人员构成|其他人员|离休干部|退休人员|遗属|雇员|(?:多少|几)(?:个|名)?(?:人|员工|工作人员)(?!次)", 1.2),
        # (not the "staff service center", a kind of unit)
        (FACT_QUESTION_SHAPES["overstaffed"], 1.5),
        *((group, 1.25) for group in STAFF_GROUP_WORDS.values()),  # (q24) "有多少劳务派遣人员", "how many agency workers"
        (ENGLISH_FAMILY_PHRASES["staffing"], 1.45),  # (q25) "how many staff does X actually have": before an actual value (1.3)
        (STAFF_BODIES_COMPARED, 1.5),  # (q22) "A和B的编制人数哪个多": head counts compared, before amounts compared (1.2)
        _r(r"staff(?:ing)?(?! service cent(?:er|re))|headcount|employees|personnel numbers|authori[sz]ed posts|\bposts\b|\bestablishment\b|retirees|how many (?:people|persons|workers) (?:work|are employed)", 1.1),
    ), (
        "深圳市总工会有多少编制？", "实有人数是多少", "How many staff does the federation have?", "What is the authorised headcount?",
    )),
    Intent("duties", (
        _r(r"职责|职能|主要任务|负责什么|做什么|(?:是)?干(?:嘛|什么)的|管(?:哪些|什么)事", 1.2),
        _r(r"dut(?:y|ies)|responsibilit|mandate|functions|what does .* do", 1.2),
        (ENGLISH_FAMILY_PHRASES["duties"], 1.3),  # (q21) "what is the X federation responsible for"
    ), (
        "湖州市总工会的主要职责是什么？", "What are the duties of the federation?",
    )),
    Intent("work_tasks", (
        # the year's work programme (主要工作任务 / 工作安排), not the standing duties
        _r(r"工作任务|工作安排|重点工作|工作计划|工作重点|主要工作|年度任务|打算(?:干|做)|(?:要|准备)(?:干|做)(?:些)?(?:啥|什么)|干(?:些)?啥"
           r"|重点(?:干|做|抓|搞)(?:了)?(?:些)?(?:什么|啥|哪些)", 1.35),
        _r(r"\b(?:work|main) (?:tasks?|plans?|programme|program|priorities)\b|\b(?:tasks|priorities|plans) (?:for|of|in)\b|\bwhat did .{1,40} plan\b|\bwhat (?:tasks|work|projects|activities) did .{1,60}\bplan\b", 1.35),
    ), (
        "桂林市总工会2019年的主要工作安排是什么？", "湖州市总工会2021年的主要工作任务有哪些", "What were the federation's main work tasks in 2021?",
    )),
    Intent("flows", (
        # money given to a group ("给困难职工子女发了多少助学金", "给各县市总工会拨了多少钱")
        # (also with nothing after 多少: "给工人文化宫补助了多少？"; not "补助了多少人", a count)
        _r(r"给.{1,12}(?:发放|发|拨付|下拨|拨|支付|付|补助|补贴)了?多少(?:钱|资金|经费|补助|补贴|[\u4e00-\u9fff]{0,3}金|(?:万元|元)?(?:[?？。!！]|$))|发(?:放)?了多少(?:钱|资金)", 1.4),
        (QUESTION_SHAPES["to_units"], 1.5),
        (QUESTION_SHAPES["flows_total"], 1.5),
        (PAYEES_ASKED_COLLOQUIAL, 1.45),  # (q22) "某市总工会给谁拨了钱", "钱拨给了谁"
        # money handed back to the finance bureau (上缴 / 缴回 剩余资金): a flow from the body
        _r(r"(?:上缴|缴回|交回|退回|返还)(?:了|给)?.{0,10}财政|财政(?:局|厅|部门).{0,6}(?:上缴|缴回|交回|退回)|(?:上缴|缴回|退回)(?:了)?(?:多少|的)?(?:剩余|结余)?资金", 1.6),
        _r(r"\breturn(?:ed|s)?\b.{0,40}\b(?:to )?(?:the )?(?:finance|treasury)|\b(?:hand(?:ed|s)?|paid|pay|sent|send|gave|give|given) back\b", 1.6),
        _r(r"支付给|付给|拨付给|收款|谁收到|谁获得|给了谁|给了哪|付给了?哪|向.{1,20}支付|收款方|受益单位|中标|哪(?:家|些|个)(?:公司|企业|机构)", 1.4),
        # which bodies were paid ("向哪些单位拨付了资金"), or what a named payee received ("某疗养院收到了多少补助")
        (QUESTION_SHAPES["payees_asked"], 1.5),
        (QUESTION_SHAPES["paid_to_unit"], 1.5),
        (QUESTION_SHAPES["payees_asked_en"], 1.5),
        (QUESTION_SHAPES["received"], 1.5),
        # (q7) which payee got the most: above a ranking of bodies (BODY_RANKING_QUESTION, 1.7)
        (PAYEE_RANKING_QUESTION, 1.8),
        # money handed down to other bodies ("how much did X transfer to street unions", "allocated to its units")
        _r(r"\b(?:transfer(?:red|s)?|disburse[ds]?|remit(?:ted|s)?|hand(?:ed)? down|pass(?:ed)? down|allocate[ds]?|grant(?:ed|s)?|gave|give[ns]?) (?:\w+ ){0,3}to (?:the |its |their )?(?!projects?\b)(?:\w+ ){0,3}(?:unions?|federations?|units?|bod(?:y|ies)|cent(?:er|re)s?|palaces?|workers|households|families)\b", 1.45),
        _r(r"who (?:received|got|was paid|were paid|gets)|paid to|payee|recipient|contractor|money went|which (?:compan(?:y|ies)|firms?|contractors?|organi[sz]ations?|suppliers?) (?:received|got|was paid|were paid)|(?:received|got) (?:the )?(?:money|funds?|payments?)", 1.4),
    ), (
        "这笔钱支付给了谁？", "哪些公司收到了资金", "Who received money for what?", "Which companies were paid?",
    )),
    Intent("change_reason", (
        # why a rate was low: the stated deviation reasons (before the rate itself or a missed target)
        (RATE_REASON_QUESTION["zh"], 1.6),
        (RATE_REASON_QUESTION["en"], 1.6),
        # (e17) why a line did not reach or exceeded its budget ("为什么没完成预算", "为什么超支"): its stated reason,
        # before the line's amount, its budget against its final figure (超支 1.55) or missed targets (未完成 1.4)
        (COMPLETION_REASON_QUESTION["zh"], 2.0),
        (COMPLETION_REASON_QUESTION["en"], 2.0),
        _r(r"为什么|为何|原因|怎么会|缘由|为啥|咋(?:这么|那么)", 1.3),
        _r(r"\bwhy\b|\breasons?\b|\bcaus(?:e|es|ed)\b|\bexplain", 1.3),
    ), (
        "浙江省总工会2023年收入为什么下降？", "支出增加的原因是什么", "Why did the federation's income fall in 2023?", "What explains the increase in spending?",
    )),
    Intent("yoy_change", (
        _r(r"比上年|同比|较上年|与上年相比|比去年|比前一年|上年同期", 1.45),
        _r(r"year[- ]on[- ]year|compared (?:with|to) (?:the )?(?:previous|last|prior) year|(?:than|over|on) (?:the )?(?:previous|last|prior) year|how much did .{1,60}\b(?:grow|increase|rise|fall|drop|decrease|decline|change)\b|by how much", 1.45),
        _r(r"(?:增长|增加|减少|下降|上升|降低|提高)了?多少|增幅|降幅|增长率", 1.45),
        (CHANGE_ASKED_COLLOQUIAL, 1.45),  # (q22) "预算这两年怎么变的", "变了多少", "涨了还是降了"
        # the direction asked ("go up or down", "增加还是减少"): the stated or computed change, not the figure
        # (q21: 1.55, above a line named in English, ENGLISH_LINE_NAMES 1.5: "did its spending on pension contributions go
        # up or down" asks the change, not the line's figure)
        (DIRECTION_QUESTION, 1.55),
        # (q18) a classification line's change ("行政运行比上年增减多少"): clearly before the line's amount (LINE_AMOUNT_QUESTION, 1.5)
        (LINE_CHANGE_QUESTION, 1.85),
        # (q18) one body's lines ranked by their change ("哪个科目比上年增长最多"): before a code look-up (科目) or bodies ranked
        (LINE_CHANGE_RANKING, 1.9),
        _r(r"增减|增长|减少|下降|上升|增加|变化|少了|多了", 1.1),
        # (q7) a trend asked ("三公经费的变化趋势", "what's the trend of"): the figures of every year and the change
        _r(r"趋势|走势|\btrends?\b", 1.45),
        # whole words: "authorised" holds "rise", "exchange" holds "change"
        _r(r"\b(?:chang(?:e|ed|es|ing)|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|grow(?:s|n|th|ing)?|grew|fell|fall(?:s|en|ing)?|rose|ris(?:e|es|en|ing)|drop(?:s|ped|ping)?)\b", 1.1),
    ), (
        "收入比上年增加了多少？", "支出同比变化多少", "How did income change compared with the previous year?",
    )),
    Intent("comparison", (
        _r(r"比较|对比|相比|哪个更|谁更|谁的.{0,6}(?:高|多|大)|和.{1,12}(?:相比|比)", 1.2),
        # (q17) "A和B预算谁多", "谁少一些": which of the bodies named has more
        _r(r"谁(?:的)?(?:更|比较)?(?:多|高|大|少|低|小)(?:一些|一点|些)?(?:[?？]|$|呢|啊)", 1.3),
        _r(r"compare|comparison|versus|\bvs\.?\b|higher than|more than .* or|which (?:body|federation) (?:had|spent)", 1.2),
        _r(r"\bwhich\b.{0,40}\b(?:more|less|higher|lower|bigger|larger|smaller)\b|\b(?:more|less|higher|lower)\b.{0,40}\bor\b", 1.2),
        _r(r"哪个.{0,12}(?:多|高|大|少|低)|哪(?:一)?年.{0,8}(?:多|高|大|少|低)", 1.2),
        # which body ranks first / how far two figures are apart: before a project ranking or a plain amount
        (BODY_RANKING_QUESTION, 1.7),
        _r(r"\b(?:in )?(?:which|what) year\b.{0,60}\b(?:more|less|higher|lower|most|least|bigger|larger|smaller|highest|lowest)\b|哪(?:一|个)?年.{0,12}(?:更|最)(?:多|高|大|少|低|小)", 1.5),
        (DIFFERENCE_QUESTION, 1.5),
        _r(r"(?:\d{4}|\d{2})年?.{0,4}(?:和|与|跟|同).{0,4}(?:\d{4}|\d{2})年?.{0,4}(?:相比|比|对比|比较)|\b(?:19|20)\d{2} (?:and|vs\.?|versus|with) (?:19|20)\d{2}\b", 1.5),
    ), (
        "比较湖州市总工会和浙江省总工会的收入", "2022年和2023年的支出对比", "Compare the income of the two federations", "Which federation spent more?",
    )),
    Intent("code_lookup", (
        _r(r"科目|分类代码|功能分类|经济分类|编码|代码", 1.3),
        _r(r"classification|\bcode\b|function(?:al)? code|economic code", 1.3),
        (ENGLISH_FAMILY_PHRASES["code_lookup"], 1.6),  # (q25) "what is budget code 2210201": before a line's amount (1.5)
        # (q26) the code of a line named in words ("what is the code for 行政运行"): before that line's amount
        *((pattern, 1.7) for pattern in CODE_OF_LINE_QUESTIONS.values()),
    ), (
        "支出功能分类科目2012901是什么？", "行政运行的科目编码是多少", "What is classification code 2080712?", "What is the code for 行政运行?",
    )),
    Intent("findings", (
        _r(r"数据质量|质量问题|错误|不一致|矛盾|不符|对不上|不相等|有误|核对|有错|出错|错了|对得上|前后矛盾", 1.5),
        _r(r"data[- ]quality|quality (?:issues|findings|problems)|inconsisten|errors?|mismatch|do(?:es)? not add up|discrepanc|(?:do|does|did)(?: not|n't) match|\bchecks? (?:find|found|show(?:ed)?)\b", 1.5),
        # "which figures don't add up", "are the numbers wrong": before the units a body name may suggest, and
        # before a difference of two figures ("总额与各项之和差多少" asks how far a total is from its parts)
        (QUESTION_SHAPES["figures_wrong"], 1.85),
        (FACT_QUESTION_SHAPES["problems_asked"], 1.5),
    ), (
        "数据有哪些质量问题？", "哪些合计数与明细不符", "What data-quality problems were found?", "Which totals do not add up?",
    )),
    Intent("coverage", (
        _r(r"有哪些数据|有什么数据|收录了|包含哪些(?:单位|文件|文档)|数据范围", 1.3),
        # (not an indicator's "coverage rate": the coverage of the graph itself)
        _r(r"what data|which (?:bodies|documents|years) (?:are|do you)|\bcoverage\b(?! rate)(?!.{0,30}\b(?:indicator|target|actual)\b)|what do you (?:know|have)", 1.3),
        # (q20) what the graph holds, asked in words no other family's rule takes: chosen without an encoder
        *((pattern, 1.6) for pattern in COVERAGE_QUESTIONS),
    ), (
        "图谱里有哪些单位和年份的数据？", "What data do you have?", "Which bodies and years are covered?",
    )),
)

INTENT_BY_NAME: dict[str, Intent] = {i.name: i for i in INTENTS}
MIN_SCORE = 0.3  # without a rule hit: exemplar cosine >= 0.6 (score = 0.5 * cosine)


@dataclass(frozen=True, slots=True)
class IntentChoice:
    name: str | None  # None -> passage search
    score: float
    rule_hit: bool
    scores: dict[str, float]


class IntentClassifier:
    """Rules + exemplar similarity; exemplar vectors are encoded once."""

    def __init__(self, encoder: Encoder | None):
        self.encoder = encoder
        self._names = [i.name for i in INTENTS for _ in i.exemplars]
        self._vectors = encoder.encode([e for i in INTENTS for e in i.exemplars]) if encoder else None

    def rule_scores(self, text: str) -> dict[str, float]:
        scores: dict[str, float] = {}
        for intent in INTENTS:
            best = max((w for pattern, w in intent.rules if pattern.search(text)), default=0.0)
            if best:
                scores[intent.name] = best
        return scores

    def exemplar_scores(self, question: str, vector: np.ndarray | None = None) -> dict[str, float]:
        if self.encoder is None or self._vectors is None:
            return {}
        sims = self._vectors @ (vector if vector is not None else self.encoder.encode([question])[0])
        best: dict[str, float] = {}
        for name, sim in zip(self._names, sims):
            best[name] = max(best.get(name, -1.0), float(sim))
        return best

    def classify(self, text: str, original: str, vector: Callable[[], np.ndarray] | None = None,
                 without: frozenset[str] = frozenset()) -> IntentChoice:
        """The best family; ``without``: families ruled out by what the question names (see the answerer)."""
        rules = {n: w for n, w in self.rule_scores(text).items() if n not in without}
        ranked = sorted(rules.values(), reverse=True)
        if len(ranked) == 1 or (len(ranked) > 1 and ranked[0] - ranked[1] >= 0.3):
            # one family's rule clearly wins: no need to encode the question (the slow step)
            best = max(rules, key=lambda n: rules[n])
            return IntentChoice(best, rules[best], True, dict(rules))
        exemplars = self.exemplar_scores(original, vector() if vector else None)
        # exemplars weigh half: they break ties between rules and catch unruled phrasings
        scores = {i.name: rules.get(i.name, 0.0) + 0.5 * max(exemplars.get(i.name, 0.0), 0.0) for i in INTENTS if i.name not in without}
        name = max(scores, key=lambda n: scores[n])
        if scores[name] < MIN_SCORE and not rules:
            return IntentChoice(None, scores[name], False, scores)
        return IntentChoice(name, scores[name], name in rules, scores)
