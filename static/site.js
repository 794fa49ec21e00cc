// Enhancements for the default theme. Every page works without them:
// they add the theme toggle, sorting and filtering of tables, and a copy
// button for citations.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme toggle: a button that says whether the dark theme is on.
  function themeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    var media = window.matchMedia("(prefers-color-scheme: dark)");
    function isDark() {
      var chosen = root.getAttribute("data-theme");
      return chosen ? chosen === "dark" : media.matches;
    }
    function show() { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); }
    button.hidden = false;
    show();
    media.addEventListener("change", show);
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("treatise-theme", next); } catch (e) { /* not remembered */ }
      show();
    });
  }

  // What a cell sorts by: its data-value (an ISO date), else its text.
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var v = cell.getAttribute("data-value");
    return (v !== null ? v : cell.textContent).trim();
  }

  // What a cell shows, for filter menus.
  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  // Sortable tables: each header with data-sort becomes a button.
  function sortable(table) {
    var headers = table.tHead.rows[0].cells;
    var body = table.tBodies[0];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (!th.hasAttribute("data-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          if (x === "" && y !== "") return 1;
          if (y === "" && x !== "") return -1;
          var c = x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // Filterable tables: a text box, and a menu for each header with data-filter.
  function filterable(table, n) {
    var headers = table.tHead.rows[0].cells;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var tools = document.createElement("div");
    tools.className = "table-tools";
    var controls = [];
    function field(label, control) {
      var l = document.createElement("label");
      l.appendChild(document.createTextNode(label));
      l.appendChild(control);
      tools.appendChild(l);
    }
    var text = document.createElement("input");
    text.type = "search";
    text.id = "filter-text-" + n;
    field("Filter", text);
    Array.prototype.forEach.call(headers, function (th, index) {
      var name = th.getAttribute("data-filter");
      if (!name) return;
      var values = {};
      rows.forEach(function (r) { var v = cellText(r, index); if (v) values[v] = true; });
      var select = document.createElement("select");
      select.appendChild(new Option("All", ""));
      Object.keys(values).sort().forEach(function (v) { select.appendChild(new Option(v, v)); });
      field(name, select);
      controls.push({ index: index, select: select });
    });
    var status = document.createElement("output");
    status.setAttribute("aria-live", "polite");
    tools.appendChild(status);
    function apply() {
      var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (r) {
        var all = r.textContent.toLowerCase();
        var ok = words.every(function (w) { return all.indexOf(w) !== -1; }) &&
          controls.every(function (c) { return !c.select.value || cellText(r, c.index) === c.select.value; });
        r.hidden = !ok;
        if (ok) shown++;
      });
      status.textContent = shown === rows.length ? rows.length + " shown" : shown + " of " + rows.length + " shown";
    }
    text.addEventListener("input", apply);
    controls.forEach(function (c) { c.select.addEventListener("change", apply); });
    apply();
    var wrap = table.closest(".table-wrap") || table;
    wrap.parentNode.insertBefore(tools, wrap);
  }

  // Citations: a button that copies the text.
  function copyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll(".cite-text"), function (p) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy citation";
      var status = document.createElement("span");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        var text = p.textContent.replace(/\s+/g, " ").trim();
        var done = function () { status.textContent = "Copied."; };
        var fallback = function () {
          var range = document.createRange();
          range.selectNodeContents(p);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, fallback);
        } else {
          fallback();
        }
      });
      p.parentNode.appendChild(button);
      p.parentNode.appendChild(status);
    });
  }

  function init() {
    themeToggle();
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), sortable);
    Array.prototype.forEach.call(document.querySelectorAll("table[data-filterable]"), filterable);
    copyButtons();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
