"""Table-driven tests for the topic tables of unionkg.extract.patterns:
CONTEXT_PATTERNS, ORG_PATTERNS and NARRATIVE_PATTERNS.

Every named pattern has positive examples (must match) and negative ones
(must not); a pattern added to a table without examples fails
``test_every_topic_pattern_has_examples``.
"""

from __future__ import annotations

import re

import pytest

from unionkg.extract.patterns import CONTEXT_PATTERNS, NARRATIVE_PATTERNS, ORG_PATTERNS, STATISTICS_PATTERNS

TABLES: dict[str, dict[str, re.Pattern[str]]] = {
    "context": CONTEXT_PATTERNS,
    "org": ORG_PATTERNS,
    "narrative": NARRATIVE_PATTERNS,
    "statistics": STATISTICS_PATTERNS,
}

# (table, name) -> (texts that must match, texts that must not)
CASES: dict[tuple[str, str], tuple[list[str], list[str]]] = {
    # ----- context ---------------------------------------------------------
    ("context", "org_name"): (
        ["江西省总工会", "南昌市总工会职工服务中心", "永新县人力资源和社会保障局", "广西壮族自治区总工会", "某某区工人文化宫"],
        ["总工会", "社会保障和就业支出", "职工服务中心", "召开大会"],
    ),
    ("context", "short_county_body"): (
        ["沛县总工会2024年度项目支出绩效自评表", "歙县总工会", "萧县工会"],
        ["全县总工会", "本县工会", "各县总工会", "睢宁县总工会", "关于沛县总工会", "某县总工会"],
    ),
    ("context", "header_body"): (
        ["部门：江西省总工会 2023 年度", "单位名称：南昌市总工会  金额单位：万元", "预算单位：某某县总工会\n", "主管部门：某某市人力资源和社会保障局\n"],
        ["部门主要职责", "单位：万元 2023年", "部门 江西省总工会", "项目单位：某某市职业技能鉴定中心", "实施单位：某某县职工服务中心\n", "评价单位：某某市审计事务中心\n"],
    ),
    ("context", "not_body_field"): (
        ["项目单位：某某市职业技能鉴定中心", "实施单位 某某市总工会权益保障部", "评价单位（盖章）：某某会计师事务所", "项目实施单位：某某县农技中心"],
        ["主管部门：某某市人力资源和社会保障局", "部门：某某市总工会", "实施单位", "委托单位：某某市财政局"],
    ),
    ("context", "date"): (["2022年5月12日", "2022 年 5 月 12 日", "2021年12月31日前"], ["2022年5月", "5月12日", "二〇二二年五月十二日"]),
    ("context", "reference_date_lead"): (["截至", "截止到 ", "截止", "至"], ["日期：", "印发", "某某县总工会"]),
    ("context", "toc_heading"): (["目录", "目  录", "目次", "CONTENTS"], ["目标", "项目", "录入"]),
    ("context", "table_title_line"): (["部门支出总表", "公开03表", "附表1", "收入决算表 公开02表", "表一"], ["工作总结", "(草案)", "公开"]),
    ("context", "title_year"): (
        ["2021年部门预算", "2023 年度部门决算", "2024年度部门整体支出绩效自评", "2022年项目支出绩效自评表", "2019年单位预算"],
        ["2021年主要工作任务", "2023年12月31日", "部门预算"],
    ),
    ("context", "title_plain_year"): (
        ["某县总工会2023年度工作总结", "2022年工作报告", "2021 年度情况"],
        ["2023年12月31日", "截至2024年6月", "工作总结"],
    ),
    # ----- organisations ----------------------------------------------------
    ("org", "funding_list"): (
        ["全额拨款事业单位 4 个：A中心、B宫", "差额拨款事业单位1个，是某某市职工物价监督站", "自收自支事业单位2个，是A、B", "全额事业单位3个，分别是A、B、C"],
        ["全额拨款事业单位", "差额拨款收入 10 万元", "自收自支 2 人"],
    ),
    ("org", "reform_list"): (
        ["参照公务员法管理事业单位1个，为某某学校", "公益一类事业单位 2 个：A、B", "公益二类单位有1个"],
        ["公益一类", "参照公务员法管理的群团机关", "公益性岗位 3 个"],
    ),
    ("org", "list_after_count"): (["（A中心、B宫）", "：A中心、B宫", "，分别为A、B", "（公益一类），为X"], ["。", "；另设X"]),
    ("org", "unit_list"): (
        [
            "下属 2 个事业单位，分别为：A（公益一类）、B",
            "直属事业单位有3个，分别为A、B、C",
            "所属二级预算单位 5 个，包括：A、B",
            "下设2个单位，是A、B",
            "下属单位2个：某县财政事务中心、某县国库集中支付中心",
            "下属二级机构2个，分别为A中心、B中心",
            "局属事业单位两个，即A中心、B中心",
            "厅直属单位3个：A、B、C",
        ],
        ["下属单位情况", "直属事业单位有3个。", "所属单位支出 5 万元", "下属单位2个。", "内设股室18个，分别为办公室、预算股"],
    ),
    ("org", "unit_list_uncounted"): (
        ["所属二级单位包括某县财政事务中心、某县国库集中支付中心", "局属事业单位有某市职业技能鉴定中心、某市就业服务中心", "下属单位：A中心、B中心", "直属机构为A中心"],
        ["下属单位情况", "所属单位支出 5 万元", "下属单位有2个，分别为A、B", "下设机构有办公室、财务科", "直属事业单位有3个。"],
    ),
    ("org", "department_list"): (
        ["内设 7 个部室，分别为：办公室、人事部", "设立 12 个内设机构，分别是：办公室、组织部", "内设3个股室，分别为：办公室、就业股"],
        ["内设机构", "设立 12 个内设机构。", "内设7个部室"],
    ),
    ("org", "department_list_before_count"): (
        ["机关内设办公室、组织部、宣传教育部等13个职能部室", "内设办公室、财务部2个科室"],
        ["内设13个职能部室", "内设办公室、财务部"],
    ),
    ("org", "staffing"): (
        [
            "编制人数 52人",
            "行政编制 23 名",
            "实有人数 22人",
            "退休人员 28人",
            "在编在职实有人数 5 名",
            "编内在职73人",
            "离退休人员 33 人",
            "编制总数为86人",
            "行政编制（含参公单位）37人",
            "全额事业在职30人",
            "行政人员 39 人",
            "退休补助 5人",
            "机关共有行政编制 23 名",
        ],
        ["编制人数", "行政编制数据", "退休人员经费 28 万元", "在职职工 5 万人", "工作人员 3 人", "行政编制（2019年）37人"],
    ),
    ("org", "staffing_breakdown"): (["，其中：", "，其中；", " 其中", "，包括", "含"], ["（其中", "。其中", "，分别为"]),
    ("org", "duty_heading"): (
        ["一、部门主要职责", "主要职能", "单位主要职责职能", "部门职责"],
        ["主要工作任务", "职工权益保障", "预算执行情况"],
    ),
    ("org", "task_heading"): (
        ["二、部门 2021 年主要工作任务", "（二）2019年部门主要工作安排", "二、2023年重点工作安排", "2024年工作计划", "年度总体工作和重点工作任务", "（二）部门2024年度履职总体目标、工作任务"],
        ["主要工作完成情况", "重点工作任务完成情况", "部门基本情况", "工作任务完成情况良好"],
    ),
    ("org", "task_list_heading"): (
        ["三、2025年重点工作", "2024年度主要工作", "（三）2023年部门重点工作", "二、2025年工作重点", "本年度重点工作"],
        ["重点工作完成情况", "2023年重点工作任务完成情况", "四、工作开展情况", "主要工作", "工作重点突出"],
    ),
    ("org", "list_item"): (
        ["（一）团结动员职工", "(3)负责", "1.深化改革", "2、做好帮扶", "一是加强理论武装", "十二是统筹"],
        ["团结动员职工", "2021年预算", "是加强"],
    ),
    # ----- narrative --------------------------------------------------------
    ("narrative", "share_after_amount"): (["，占支出预算总额的 96%", "，占一般公共预算37.9%", "；分别占 5.5％"], ["，增长 15.9%", "占比较大"]),
    ("narrative", "reason"): (
        ["主要原因：送温暖资金减少", "增加的原因主要是劳模乘地铁资金", "减少原因：公车改革", "原因是人员增加"],
        ["原因分析", "主要用于困难职工帮扶"],
    ),
    ("narrative", "completion_reason_lead"): (["超支的主要原因是", "预决算差异主要原因：", "决算数大于预算数的主要原因是", "未完成预算的原因是", "执行率较低主要是"], ["主要原因是", "比上年增加", "其中：", "超额完成"]),
    ("narrative", "reason_after_change"): (["主要是会议费增加 2 万元", "主要系人员增加", "由于人员增加"], ["主要用于困难职工帮扶", "原因分析", "系统运维"]),
    ("narrative", "placeholder"): (["增加/减少的原因主要是******", "比上年增加（减少）", "XX万元"], ["比上年增加 5 万元", "注**"]),
    ("narrative", "bare_number_in_list"): (["社会保障和就业支出 209.03，占支出预算总额 6.5%", "教育支出 344.97；", "住房保障 12 占比"], ["教育支出 344.97 万元", "增长 6.5%", "2021 年", "共 3 个"]),
    ("narrative", "prior_year_label"): (["比2018年（上一年）预算", "较上年", " 上年", "同比"], ["上年结转", "上年结余", "年初结转", "其中：上年结转"]),
    ("narrative", "threshold_after_amount"): (["以上大型设备", "（含）以上", " 以内"], ["，占比 5%", "设备以上"]),
    ("narrative", "project_list"): (
        ["项目共计 9 个，分别是：送温暖资金 3100 万元", "项目共 2 个，包括：A 10 万元", "项目3个，是A、B"],
        ["项目共计 9 个。", "项目支出 130 万元"],
    ),
    ("narrative", "project_list_item"): (["送温暖资金 3100 万元", "副省专项37万元"], ["送温暖资金", "3100 万元"]),
    ("narrative", "project_named"): (["一级项目 1 个，是劳模免费乘坐地铁公交项目。", "项目1个，为职工帮扶项目；"], ["项目 1 个。", "一级项目1个，是"]),
    ("narrative", "project_field"): (["项目概述：为劳模安装电子劳模卡", "实施主体：南昌市总工会", "实施周期：2021 年 4月 30 日—2022 年 4月 30 日", "年度预算安排：130 万元"], ["项目概述", "实施主体为南昌市总工会"]),
    ("narrative", "period"): (["2021 年 4月 30 日—2022 年 4月 30 日", "2023年1月至2023年12月", "2021年4月-2022年4月"], ["2021 年 4月 30 日", "2021年至2022年"]),
    ("narrative", "execution_rate"): (["送温暖资金项目预算执行率 100%", "总体预算执行率为97.09%", "资金执行率达到 95%"], ["执行率较高", "执行率 100 分"]),
    ("narrative", "flow_payment"): (
        ["市总工会拨付给江西鹭鹭行科技有限公司 130 万元包干费用，用于开展劳模乘车", "支付给某某物业公司 12 万元服务费"],
        ["拨付给某某公司", "支付给某某公司的费用"],
    ),
    ("narrative", "flow_aid"): (
        ["向核工业特殊困难群体实际发放生活补贴 800 万元，其中退休人员 597 人", "对困难职工发放慰问金 50 万元", "为劳模发放津贴10万元"],
        ["向困难职工发放慰问金", "发放补贴 800 万元"],
    ),
    ("narrative", "recipient_then_paid"): (
        ["走访慰问困难职工 120 人，发放慰问金 36 万元", "慰问困难职工一百二十人，发放慰问金36.00万元", "救助困难职工家庭 80 户，累计发放救助金 24 万元"],
        ["慰问困难职工 120 人。发放慰问金 36 万元", "慰问困难职工 120 人，开展培训 3 场", "发放慰问金 36 万元"],
    ),
    ("narrative", "paid_then_recipient"): (
        ["给予困难职工生活救助补助资金58.20万元，惠及困难职工家庭三百六十户", "发放助学金 13.5 万元，资助困难学生 45 名"],
        ["发放慰问金 36 万元。惠及职工 120 人", "发放慰问金 36 万元，惠及职工近万人", "发放慰问金 36 万元，惠及职工 120 人以上企业"],
    ),
    ("narrative", "recipient_count"): (["对 80 户帮扶对象实施帮扶救助", "核实认定 80 户困难职工开展专项医疗救助", "发放 55 名市直离退休劳动模范津贴", "为四十五名困难职工子女发放"], ["80 户", "对帮扶对象实施救助", "为第三名职工发放"]),
    ("narrative", "evaluation_score"): (["自评93.75分", "平均得分为 99.41 分", "综合得分 88 分", "评价得分是90分", "自评得分为 72 分", "平均分 95.5 分"], ["自评等级为优", "得分率 90%", "93.75分"]),
    ("narrative", "evaluation_grade"): (
        ["评价等级为“优”", "评价结果为良好", "自评完成情况“优秀”", "绩效评价等级：中", "自评结论为差", "评价等级为中等。", "评价结果为“差”", "自评等级为良，"],
        ["评价等级", "评价结果较好", "等级划分", "在评价结果中发现", "评价结果为差异较大", "评价结果差"],
    ),
    ("narrative", "evaluation_score_not_total"): (["分值≥", "满分", "共", "扣", "该指标"], ["经综合评价，本部门整体支出绩效", "平均"]),
    ("narrative", "evaluation_grade_rule"): (["分值≥90 分，", "9 个项目", "80 分≤"], ["经综合评价，", "组织开展部门整体支出绩效评价，"]),
    ("narrative", "evaluation_context"): (["整体支出绩效自评", "绩效评价", "评价"], ["考核", "检查结果"]),
    ("narrative", "evaluation_mean"): (["平均得分", "项目平均分"], ["总得分", "综合得分"]),
    ("narrative", "evaluation_project_in_sentence"): (["职工书屋建设项目预算执行率为 45.2%", "送温暖项目，"], ["从部门基本支出和项目支出情况", "9个项目", "项目"]),
    ("narrative", "evaluation_not_one_project"): (["所有项目", "各项目", "9个项目", "从部门基本支出和项目", "部门项目"], ["职工书屋建设项目", "送温暖资金项目"]),
    ("narrative", "evaluation_project"): (["送温暖资金项目自评", "对职工帮扶项目绩效评价", "劳模补助项目"], ["项目支出进行绩效评价，", "送温暖资金"]),
    ("narrative", "project_report_title"): (
        ["2023年度职业技能提升行动专项资金部门评价报告", "部门评价报告", "某某项目绩效评价报告", "某某区总工会2023年度项目支出绩效自评报告"],
        ["某某县财政局2022年度部门整体支出绩效自评报告", "项目部门评价报告见第五部分附件。", "关于评价报告的说明", "2023年部门决算"],
    ),
    ("narrative", "project_name_field"): (["项目名称：职业技能提升行动专项资金", "项目名称 困难职工帮扶资金", " 项目名称： 省劳模专项补助资金"], ["项目名称", "本项目名称为X", "项目名称：\n"]),
    ("narrative", "evaluation_whole_body"): (["本部门整体支出绩效", "经综合评价，全部门"], ["经评价，该项目综合", "项目自评"]),
    ("narrative", "completion_after_amount"): (
        ["，完成年初预算的 114.70%", "，完成全年预算的98%", "，为年初预算的 100.00%", "，完成调整预算的 99.5%"],
        ["，占支出预算总额的 96%", "，增长 15.9%", "，完成年初预算"],
    ),
    ("narrative", "overall_execution_rate"): (
        ["。总体预算执行率为96.13%", "，预算执行率为 97.09%", "整体支出执行率达 100%"],
        ["厂务公开项目预算执行率 66.68%", "8 个项目预算执行率达到100%", "执行率较高"],
    ),
    ("narrative", "reason_component"): (
        ["离退休费减少 362.52 万元", "住房公积金增加 57.18万元", " 职业年金缴费增加了 11.45 万元", "公务用车运行维护费比上年减少12万元"],
        ["比上年减少 362.52 万元，下降", "按年初预算执行", "减少 200 万元", "离退休人员增加 5 人"],
    ),
    ("narrative", "reason_component_verb_first"): (
        ["年初预算减少工资福利支出 4 万元", "财政年中增加引进人才费用 5万元", "增加办公设备购置 3.2 万元"],
        ["离退休费减少 362.52 万元", "年初预算减少工资福利支出", "增加 5 万元"],
    ),
    ("narrative", "count_in_prose"): (
        ["团组 0 个", "累计 0 人次", "公务用车保有量 3 辆", "共有车辆 12 辆（台）", "接待 5 批", "设备 2 台(套)", "国内公务接待十二批次", "公务用车保有量两辆"],
        ["3100 万元", "2023 年", "12 月", "4.5%", "第三批", "十二月", "一、车辆"],
    ),
    ("narrative", "count_reference_date"): (
        ["截至2022年12月31日", "截止到2022年底", "截至 2021 年末", "截止2023年6月"],
        ["2022年12月31日", "截至目前", "至2022年", "截至二〇二二年底"],
    ),
    ("narrative", "count_year_end_day"): (
        ["2023年末，本部门共有车辆3辆", "。2022年底，共有", "2023年12月31日，本单位"],
        ["2023年12月，购置", "截至2023年末共有", "2023年底前完成", "比2022年末"],
    ),
    ("narrative", "count_day_after"): (
        ["（截至2023年12月31日）", "(截止2022年底)", " （截至2021年末）"],
        ["（2023年12月31日）", "（含截至2023年）购置", "，截至2023年底"],
    ),
    ("narrative", "count_clause_year"): (
        ["，2024年计划购置公务用车", "；2025年度安排", "2024年计划新建"],
        ["，2024年底共有", "，2024年6月", "比2022年减少", "共有车辆3辆", "，2024年末"],
    ),
    ("narrative", "count_equipment"): (
        ["单价 100 万元（含）以上设备（不含车辆）0 台（套）", "单价50万元以上通用设备 3 台", "单位价值50万元以上通用设备0台（套）", "单价 100 万元以上设备两台"],
        ["单价 100 万元（含）以上设备", "购置单位价值 200 万元以上大型设备具体为：0 设备"],
    ),
    # ----- statistics (counts of work done) ----------------------------------
    ("statistics", "output_count"): (
        ["开展竞赛 250 多场次", "参与职工 6 万人次", "慰问职工人数 2 万人", "建立制度 30 余项", "近 3 万人", "提出意见建议 1.08 万条", "担任77家", "举办培训班 12 期", "征集建议 1059 条"],
        ["投入资金 50.7 万元", "第14次会议", "3个月", "5 个工作日", "提高 2 个百分点", "10 人/年", "2021 年", "528.73 人力资源", "30310 个人农业生产补贴", "100%"],
    ),
    ("statistics", "output_count_any"): (
        ["开展竞赛 250 多场次", "慰问困难职工一百二十人", "开展培训三十余场", "覆盖两千余名职工", "组织竞赛十二项", "举办汇演两场", "两万余人次"],
        ["第三次会议", "第14次会议", "三个月", "二〇二三年", "一、", "投入资金 50.7 万元", "提高两个百分点", "统一名"],
    ),
    ("statistics", "output_target_before"): (
        ["组织基层工会开展不少于 ", "预期举办及服务的活动数量为 ", "计划培训 ", "慰问人数≥", "力争新建 "],
        ["开展竞赛 ", "累计创建劳模和工匠人才创新工作室 ", "实际办理人数为 "],
    ),
    ("statistics", "output_threshold_after"): (["以上非公企业", "（含）以下", " 及以上"], ["规模以上非公企业", "，参评会员", "次会议"]),
    ("statistics", "output_excluded_sentence"): (
        ["设置指标为全年办理人数≥1760人", "9 个项目中 8 个项目预算执行率达到 100%", "二级项目 9 个全面开展绩效自评", "目标值为 50 人", "对 1 个项目开展了部门评价"],
        ["开展竞赛 250 多场次", "超额完成项目预期的产出指标", "数量指标：慰问省劳模人数 7004 人"],
    ),
    ("statistics", "output_indicator_label"): (["数量指标：慰问省劳模人数 7004 人", "时效指标: 12 月底前"], ["产出指标完成情况", "超额完成项目预期的产出指标。"]),
    ("statistics", "output_table_row"): (["528.73 24.00 0.00", "年度资金总额 3100 3100 3100 10"], ["开展竞赛 250 多场次，参与职工 6 万人次", "2023 年 12 月"]),
    ("statistics", "item_period_lead"): (["月共组织活动", "月底前完成职工书屋建设", "月份开展", "日起，开展", "月以来共慰问"], ["月嫂培训", "日常巡查", "开展活动", "号召职工"]),
    ("statistics", "output_count_before_list_mark"): (["建立重点隐患企业台账23个", "奖章 1 名", "小组 30 余人"], ["供电局", "2023年", "50.7 万元"]),
    ("statistics", "output_noun_after"): (["市直离退休劳动模范津贴", " 镇（街）", "“快乐暑期”职工子女托管班"], ["、劳动关系监测点", "，参与职工", "）工作机制"]),
    ("statistics", "output_item_link_tail"): (["工会律师团律师担任", "个人和", "职工、"], ["工会律师团律师", "先进集体"]),
    ("statistics", "output_amount_ahead"): (["233.84 万元占比", " 30 万元"], ["30 个", "233.84"]),
    ("statistics", "output_amount_behind"): ([" 万元与", "元和"], ["与", "万人"]),
}

# Patterns used with .match at a position (the text right after an amount).
ANCHORED = {
    ("narrative", "share_after_amount"),
    ("narrative", "completion_after_amount"),
    ("narrative", "reason_component"),
    ("narrative", "reason_component_verb_first"),
    ("narrative", "reason_after_change"),
    ("narrative", "completion_reason_lead"),
    ("narrative", "count_day_after"),
    ("narrative", "threshold_after_amount"),
    ("org", "list_item"),
    ("org", "staffing_breakdown"),
    ("org", "list_after_count"),
    ("narrative", "prior_year_label"),
    ("statistics", "output_threshold_after"),
    ("statistics", "output_noun_after"),
    ("statistics", "output_amount_ahead"),
    ("statistics", "output_amount_behind"),
}


def _matches(table: str, name: str, text: str) -> bool:
    pattern = TABLES[table][name]
    if (table, name) in ANCHORED:
        return pattern.match(text) is not None
    return pattern.search(text) is not None


POSITIVE = [(t, n, text) for (t, n), (pos, _neg) in CASES.items() for text in pos]
NEGATIVE = [(t, n, text) for (t, n), (_pos, neg) in CASES.items() for text in neg]


@pytest.mark.parametrize(("table", "name", "text"), POSITIVE)
def test_topic_pattern_matches(table: str, name: str, text: str) -> None:
    assert _matches(table, name, text), f"{table}.{name} should match {text!r}"


@pytest.mark.parametrize(("table", "name", "text"), NEGATIVE)
def test_topic_pattern_rejects(table: str, name: str, text: str) -> None:
    assert not _matches(table, name, text), f"{table}.{name} should not match {text!r}"


def test_every_topic_pattern_has_examples() -> None:
    named = {(t, n) for t, patterns in TABLES.items() for n in patterns}
    assert named - set(CASES) == set(), "patterns without examples"
    assert set(CASES) - named == set(), "examples for patterns that no longer exist"
    for key, (pos, neg) in CASES.items():
        assert pos and neg, f"{key} needs positive and negative examples"


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("全额拨款事业单位 4 个：南昌市职工科技大学、南昌市工人文化宫", {"type": "全额拨款", "count": "4"}),
        ("（公益一类），为某某学校。", {"plist": "公益一类", "list": "某某学校"}),
        ("行政编制 23 名", {"label": "行政编制", "count": "23", "unit": "名"}),
        ("平均得分为 99.41 分", {"what": "平均得分", "number": "99.41"}),
        ("评价等级为“良好”", {"grade": "良好"}),
        ("2023年1月至2023年12月", {"y1": "2023", "m1": "1", "y2": "2023", "m2": "12"}),
    ],
)
def test_topic_pattern_groups(text: str, groups: dict[str, str]) -> None:
    for table in TABLES.values():
        for pattern in table.values():
            m = pattern.search(text)
            if m and set(groups) <= set(m.groupdict()) and all(m.group(k) == v for k, v in groups.items()):
                return
    pytest.fail(f"no topic pattern yields {groups} from {text!r}")
