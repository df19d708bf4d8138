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

  function cell(value, column, linkTo) {
    const td = document.createElement("td");
    if (linkTo && isIri(linkTo)) {
      // a label column: the label links to the IRI of its companion column
      const a = document.createElement("a");
      a.href = entityHref(linkTo);
      a.title = linkTo;
      a.textContent = value === null || value === undefined || value === "" ? shortIri(linkTo) : String(value);
      if (a.textContent.length <= 20) a.className = "name";  // short names on one line
      td.appendChild(a);
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
      a.textContent = Object.prototype.hasOwnProperty.call(CODE_LABELS, code) ? CODE_LABELS[code] : shortIri(value);
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
    // An IRI column with a companion "<name>Label" column is shown as that label, linked.
    const labelled = new Set(all.filter((c) => all.includes(c + "Label")));
    const columns = all.filter((c) => !labelled.has(c));
    const head = table.createTHead().insertRow();
    columns.forEach((c) => {
      const th = document.createElement("th");
      const base = c.endsWith("Label") && labelled.has(c.slice(0, -5)) ? c.slice(0, -5) : c;
      th.textContent = base;
      head.appendChild(th);
    });
    const body = table.createTBody();
    rows.forEach((row) => {
      const tr = body.insertRow();
      if (Array.isArray(row)) { row.forEach((v) => tr.appendChild(cell(v))); return; }
      columns.forEach((c) => {
        const companion = c.endsWith("Label") && labelled.has(c.slice(0, -5)) ? row[c.slice(0, -5)] : null;
        tr.appendChild(cell(row[c], c, companion));
      });
    });
    return table;
  }

  function showAnswer(question, data) {
    const node = template.content.firstElementChild.cloneNode(true);
    node.querySelector(".q").textContent = question;
    node.querySelector(".a").textContent = data.answer || "";
    const meta = [];
    if (data.intent) meta.push("intent: " + data.intent);
    if (data.found === false) meta.push("no data found");
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
    } else {
      sparqlLink.replaceWith(document.createTextNode("passage-search result (no SPARQL)"));
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
