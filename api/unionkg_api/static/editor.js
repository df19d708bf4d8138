// SPARQL editor: the vendored YASGUI, pointed at this service's /sparql,
// with the graph's prefixes, the named example queries, links to entity pages
// and CSV/JSON download links. No request leaves this service: the
// autocompleters that call public web services are switched off.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("editor-config").textContent);
  const endpoint = window.location.origin + config.endpoint;
  const base = config.base_iri;

  // Prefix completion offers this graph's prefixes (typing "uk" proposes
  // "ukg: <...>" and declares it); the bundled list needs no network either.
  const Yasqe = Yasgui.Yasqe;
  const completers = ["variables"];
  if (Yasqe.registerAutocompleter && Yasqe.Autocompleters && Yasqe.Autocompleters.prefixes) {
    const own = Object.entries(config.prefixes).map(([p, ns]) => p + ": <" + ns + ">").sort();
    Yasqe.registerAutocompleter(Object.assign({}, Yasqe.Autocompleters.prefixes, {
      name: "unionkgPrefixes", persistenceId: null, get: () => Promise.resolve(own),
    }));
    completers.unshift("unionkgPrefixes");
  }
  Yasqe.defaults.autocompleters = completers;

  // Results start in the table's "simple view" (no datatypes, no row numbers):
  // wide result sets stay readable; the checkbox brings the details back.
  const Table = Yasgui.Yasr && Yasgui.Yasr.plugins && Yasgui.Yasr.plugins.table;
  if (Table && Table.prototype && !Table.prototype.unionkgCompact) {
    const draw = Table.prototype.draw;
    Table.prototype.draw = function (options) {
      return draw.call(this, Object.assign({ compact: true }, options || {}));
    };
    Table.prototype.unionkgCompact = true;
  }
  // IRIs in results are shortened with the graph's prefixes and the base IRI's spaces.
  const resultPrefixes = Object.assign({}, config.prefixes, { id: base + "id/", data: base + "data/", def: base + "def/" });
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null,
    yasqe: { value: config.default_query },
    yasr: { prefixes: resultPrefixes },
  });
  window.unionkgYasgui = yasgui;

  function tab() { return yasgui.getTab(); }
  function currentQuery() { return tab().getYasqe().getValue(); }

  function setQuery(text) {
    tab().getYasqe().setValue(text);
  }

  const params = new URLSearchParams(window.location.search);
  if (params.get("query")) setQuery(params.get("query"));

  document.getElementById("examples").addEventListener("change", (event) => {
    const example = config.examples.find((e) => e.name === event.target.value);
    if (example) setQuery(example.query);
  });

  function downloadHref(format) {
    return config.endpoint + "?format=" + format + "&query=" + encodeURIComponent(currentQuery());
  }
  for (const [id, format] of [["download-csv", "csv"], ["download-json", "json"]]) {
    const link = document.getElementById(id);
    link.addEventListener("click", () => { link.href = downloadHref(format); link.download = "results." + format; });
  }

  // Result links lead to the entity pages of this service, not to the IRIs themselves.
  function localHref(iri) {
    if (iri.startsWith(base) && !iri.includes("#")) {
      const path = iri.slice(base.length);
      if (/^(id|data|def)\//.test(path)) return "/" + path;
    }
    return "/entity?iri=" + encodeURIComponent(iri);
  }
  function relink(root) {
    root.querySelectorAll("a[href^='http']").forEach((a) => {
      if (a.dataset.relinked || a.closest(".yasr_header, .yasr_btnGroup")) return;
      a.dataset.relinked = "1";
      a.href = localHref(a.getAttribute("href"));
      a.removeAttribute("target");
    });
  }
  const observer = new MutationObserver(() => relink(document.getElementById("yasgui")));
  observer.observe(document.getElementById("yasgui"), { childList: true, subtree: true });
})();
