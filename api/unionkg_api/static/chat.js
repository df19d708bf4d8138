// Chat page: POST /ask, show the answer, its rows, its sources and a link to its SPARQL.
(function () {
  "use strict";
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const statusLine = document.getElementById("status");
  const conversation = document.getElementById("conversation");
  const template = document.getElementById("answer-template");
  let session = null;
  const MAX_CELL_CHARS = 48;
  const MAX_IRI_CHARS = 18;
  // Columns holding money (yuan in the graph) are shown in 万元, as the documents print them.
  const MONEY_COLUMNS = new Set(["amount", "budget", "adjusted", "final", "delta", "total", "budgetAmount", "adjustedAmount", "finalAmount"]);

  // Code-list concepts (ontology/codes/comparators.ttl) shown as the documents print them, not as "cmp-ge".
  const CODE_LABELS = {
    "cmp-ge": "≥", "cmp-le": "≤", "cmp-eq": "=", "cmp-gt": ">", "cmp-lt": "<", "cmp-qualitative": "定性 qualitative",
  };

  // Row columns as the other pages head them, Chinese and English (the rows of /ask keep the SPARQL names).
  const COLUMN_NAMES = {
    fact: "详情 fact", org: "机构 body", parent: "上级 parent", year: "年度 year", years: "年度 years",
    phase: "阶段 phase", direction: "收支 direction", item: "科目 item", code: "科目编码 code", category: "类别 category",
    amount: "金额 amount", amount_wan: "金额 amount", budget: "预算 budget", adjusted: "调整预算 adjusted", final: "决算 final",
    delta: "增减 change", difference_wan: "差额 difference", total: "合计 total", rate: "比率 rate", rate_percent: "比率 rate",
    share: "占比 share", fundSource: "资金来源 fund", fundingType: "经费形式 funding", scope: "范围 scope",
    column: "栏目 column", table: "表 table", quote: "原文 quote", doc: "文件 file", genre: "类型 genre",
    project: "项目 project", indicator: "指标 indicator", level1: "一级指标 level 1", level2: "二级指标 level 2",
    comparator: "比较 comparator", target: "目标 target", targetText: "目标 target", actual: "实际 actual",
    actualText: "实际 actual", unit: "单位 unit", weight: "分值 weight", score: "得分 score", grade: "等级 grade",
    met: "达成 met", subject: "评价对象 subject", type: "类型 type", label: "名称 name", role: "类型 role",
    headcount: "人数 headcount", payee: "收款方 payee", purpose: "用途 purpose", implementer: "实施单位 implementer",
    kind: "问题 kind", severity: "级别 severity", expected: "应为 expected", stated: "列示 stated", comment: "说明 comment",
    parentCode: "上级编码 parent code", parentLabel: "上级科目 parent", source: "出处 source", text: "内容 text",
  };
  // Code values of the rows in the same two languages ("final" alone read as English in a Chinese answer).
  const VALUE_NAMES = {
    phase: { budget: "预算 budget", adjusted: "调整预算 adjusted", final: "决算 final" },
    direction: { revenue: "收入 revenue", expenditure: "支出 expenditure" },
    scope: { department: "部门 department", body: "本级 body", unit: "单位 unit" },
    genre: { budget: "预算 budget", final_accounts: "决算 final accounts", performance: "绩效自评 performance" },
    severity: { error: "错误 error", warning: "警告 warning", info: "提示 info" },
    met: { true: "✓ 达成 met", false: "✗ 未达成 missed" },
  };
  // Names the page adds from the server's tables (finding kinds as /findings names them).
  const served = document.getElementById("value-names");
  if (served) Object.assign(VALUE_NAMES, JSON.parse(served.textContent || "{}"));
  // The vocabulary's concepts by name (item and staff categories...), served with the page.
  const conceptNode = document.getElementById("concept-labels");
  const CONCEPT_LABELS = conceptNode ? JSON.parse(conceptNode.textContent || "{}") : {};
  // Columns in percent (63.08 means 63.08 %).
  const PERCENT_COLUMNS = new Set(["share", "rate_percent", "changePercent", "completionPercent", "executionRate"]);
  // A finding's stated and expected values: money in yuan when the row gives the printing unit (unitMult).
  const FINDING_VALUE_COLUMNS = new Set(["stated", "expected"]);
  // Columns shown through another one: the printed target already holds its comparator and unit.
  const SHOWN_BY = { target: "targetText", actual: "actualText", comparator: "targetText", unit: "targetText" };
  // Columns for programs, not readers: a character offset, a scale factor.
  const HIDDEN_COLUMNS = new Set(["start", "end", "unitMult"]);
  // "<name>_wan": the same money in 万元, hidden beside its yuan column; alone, shown with its unit.
  const WAN_SUFFIX = "_wan";

  function entityHref(iri) {
    return "/entity?iri=" + encodeURIComponent(iri);
  }

  // Long IRIs are shown by their last path segment (cut); the link and its title keep the whole IRI.
  function shortIri(iri) {
    const last = iri.replace(/[#/]$/, "").split(/[/#]/).pop() || iri;
    return last.length > MAX_IRI_CHARS ? "…" + last.slice(-MAX_IRI_CHARS) : last;
  }

  function wan(value) {
    const yuan = Number(value);
    if (value === null || value === undefined || value === "" || !isFinite(yuan)) return null;
    return (yuan / 10000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " 万元";
  }

  function isIri(value) {
    return typeof value === "string" && /^(https?:|urn:)/.test(value);
  }

  function cell(value, column, linkTo, row) {
    const td = document.createElement("td");
    if (linkTo && isIri(linkTo)) {
      // a label column: the label links to the IRI of its companion column
      const a = document.createElement("a");
      a.href = entityHref(linkTo);
      a.title = linkTo;
      a.textContent = value === null || value === undefined || value === "" ? shortIri(linkTo) : String(value);
      if (a.textContent.length <= 20) a.className = "name";  // short names on one line
      if (column === "doc") td.className = "file";  // wide enough that a file name is not cut every few characters
      td.appendChild(a);
      return td;
    }
    if (column && column.endsWith(WAN_SUFFIX) && value !== null && value !== "" && isFinite(Number(value))) {
      td.textContent = Number(value).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " 万元";
      td.className = "num";
      return td;
    }
    if (PERCENT_COLUMNS.has(column) && value !== null && value !== "" && isFinite(Number(value))) {
      td.textContent = value + "%";
      td.className = "num";
      return td;
    }
    if (FINDING_VALUE_COLUMNS.has(column) && row && row.unitMult !== undefined && row.unitMult !== null && value !== null && value !== "" && isFinite(Number(value))) {
      // printed in 元 (unitMult 0) or 万元 (4): the finding's figures in the document's own unit
      td.textContent = Number(row.unitMult) === 0 ? Number(value).toLocaleString("zh-CN") + " 元" : wan(value);
      td.title = value + " 元";
      td.className = "num";
      return td;
    }
    if (column && Object.prototype.hasOwnProperty.call(VALUE_NAMES, column) && value !== null && value !== undefined
        && Object.prototype.hasOwnProperty.call(VALUE_NAMES[column], String(value))) {
      td.textContent = VALUE_NAMES[column][String(value)];
      return td;
    }
    if (MONEY_COLUMNS.has(column) && wan(value) !== null) {
      td.textContent = wan(value);
      td.title = value + " 元";
      td.className = "num";
      return td;
    }
    if (value && typeof value === "object" && !Array.isArray(value)) {
      // {value, label, iri} style cells
      const iri = value.iri || (isIri(value.value) ? value.value : null);
      const text = value.label || value.value || iri || "";
      if (iri) {
        const a = document.createElement("a");
        a.href = entityHref(iri);
        a.textContent = text;
        td.appendChild(a);
      } else {
        td.textContent = String(text);
      }
    } else if (column === "fact" && isIri(value)) {
      // the row's own node: its IRI ends in a pinyin slug, which says nothing; the link leads to its page
      const a = document.createElement("a");
      a.href = entityHref(value);
      a.title = value;
      a.textContent = "详情 ›";
      a.className = "iri";
      td.appendChild(a);
    } else if (isIri(value)) {
      const a = document.createElement("a");
      a.href = entityHref(value);
      a.title = value;
      const code = value.split(/[/#]/).pop();
      if (Object.prototype.hasOwnProperty.call(CODE_LABELS, code)) a.textContent = CODE_LABELS[code];
      else if (Object.prototype.hasOwnProperty.call(CONCEPT_LABELS, value)) a.textContent = CONCEPT_LABELS[value];
      else a.textContent = shortIri(value);
      a.className = "iri";
      td.appendChild(a);
    } else {
      // Long texts (quotes, reasons) are cut so that rows stay one glance high.
      const raw = value === null || value === undefined ? "" : String(value);
      const text = Object.prototype.hasOwnProperty.call(CODE_LABELS, raw) ? CODE_LABELS[raw] : raw;  // rows give "cmp-ge"
      td.textContent = text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) + "…" : text;
      if (text.length > 12) td.className = "long";
      if (text.length > MAX_CELL_CHARS) td.title = text;
    }
    return td;
  }

  function rowsTable(rows) {
    if (!Array.isArray(rows) || rows.length === 0) return null;
    const table = document.createElement("table");
    table.className = "data rows-table";
    const all = Array.isArray(rows[0]) ? rows[0].map((_, i) => "#" + (i + 1)) : Object.keys(rows[0]);
    // An IRI column with a companion "<name>Label" column is shown as that label, linked;
    // a "<name>Iri" column (docIri) is the link of its "<name>" column (doc: the file name).
    const labelled = new Set(all.filter((c) => all.includes(c + "Label")));
    const linkedBy = new Set(all.filter((c) => c.endsWith("Iri") && all.includes(c.slice(0, -3))));
    const columns = all.filter((c) => !labelled.has(c) && !linkedBy.has(c) && !hiddenColumn(c, all));
    const head = table.createTHead().insertRow();
    columns.forEach((c) => {
      const th = document.createElement("th");
      const base = c.endsWith("Label") && labelled.has(c.slice(0, -5)) ? c.slice(0, -5) : c;
      th.textContent = Object.prototype.hasOwnProperty.call(COLUMN_NAMES, base) ? COLUMN_NAMES[base] : base;
      th.dataset.column = base;
      head.appendChild(th);
    });
    const body = table.createTBody();
    rows.forEach((row) => {
      const tr = body.insertRow();
      if (Array.isArray(row)) { row.forEach((v) => tr.appendChild(cell(v))); return; }
      columns.forEach((c) => {
        let companion = c.endsWith("Label") && labelled.has(c.slice(0, -5)) ? row[c.slice(0, -5)] : null;
        if (linkedBy.has(c + "Iri")) companion = row[c + "Iri"];
        tr.appendChild(cell(row[c], c, companion, row));
      });
    });
    return table;
  }

  // A column left out of the table: technical, shown through its printed form, or money shown in 万元 already.
  function hiddenColumn(column, all) {
    if (HIDDEN_COLUMNS.has(column)) return true;
    if (Object.prototype.hasOwnProperty.call(SHOWN_BY, column) && all.includes(SHOWN_BY[column])) return true;
    return column.endsWith(WAN_SUFFIX) && MONEY_COLUMNS.has(column.slice(0, -WAN_SUFFIX.length)) && all.includes(column.slice(0, -WAN_SUFFIX.length));
  }

  function showAnswer(question, data) {
    const node = template.content.firstElementChild.cloneNode(true);
    node.querySelector(".q").textContent = question;
    node.querySelector(".a").textContent = data.answer || "";
    const meta = [];
    if (data.intent) meta.push("intent: " + data.intent);
    if (data.found === false) meta.push("未找到数据 no data found");
    node.querySelector(".meta").textContent = meta.join(" · ");
    const table = rowsTable(data.rows);
    if (table) node.querySelector(".rows").appendChild(table);
    const list = node.querySelector(".sources");
    (data.sources || []).forEach((s) => {
      const li = document.createElement("li");
      const quote = document.createElement("span");
      quote.className = "quote";
      quote.textContent = "“" + (s.quote || "") + "” ";
      li.appendChild(quote);
      if (s.doc_iri || s.doc) {
        const a = document.createElement("a");
        a.className = "source-link";
        a.href = s.doc_iri ? entityHref(s.doc_iri) : "#";
        a.textContent = s.doc || s.doc_iri;
        li.appendChild(a);
      }
      if (s.iri) {
        const fact = document.createElement("a");
        fact.href = entityHref(s.iri);
        fact.textContent = " (fact)";
        li.appendChild(fact);
      }
      list.appendChild(li);
    });
    const sparqlLink = node.querySelector(".show-sparql");
    if (data.sparql) {
      sparqlLink.href = "/editor?query=" + encodeURIComponent(data.sparql);
    } else if (data.intent === "search") {
      sparqlLink.replaceWith(document.createTextNode("passage-search result (no SPARQL)"));
    } else {
      sparqlLink.remove();  // an answer that found nothing ran no query: it is no search result either
    }
    conversation.prepend(node);
  }

  function showError(question, problem) {
    const node = document.createElement("section");
    node.className = "answer error";
    node.textContent = question + " — " + (problem.title || "Error") + ": " + (problem.detail || "");
    conversation.prepend(node);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question) return;
    statusLine.textContent = "…";
    try {
      const response = await fetch("/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ question: question, session: session }),
      });
      const data = await response.json();
      if (!response.ok) { showError(question, data); return; }
      session = data.session || session;
      showAnswer(question, data);
    } catch (err) {
      showError(question, { title: "Network error", detail: String(err) });
    } finally {
      statusLine.textContent = "";
    }
  });

  const preset = new URLSearchParams(window.location.search).get("q");
  if (preset) { input.value = preset; form.requestSubmit(); }
})();
