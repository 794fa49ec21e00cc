// Runs in <head>, before the page is drawn: applies the theme the reader
// chose last time, so a dark page never flashes light. No choice stored:
// the page follows prefers-color-scheme through CSS alone.
(function () {
  try {
    var t = localStorage.getItem("treatise-theme");
    if (t === "light" || t === "dark") document.documentElement.setAttribute("data-theme", t);
  } catch (e) { /* storage disabled: follow the system */ }
})();
