/**
 * The inline style and script of report.html. The page loads nothing (its Content-Security-Policy forbids it),
 * so it opens from a CI artifact, a mail attachment or a laptop with no network alike.
 */

/** System fonts only: a web font would be a network load. */
export const STYLE = `
:root { --err: #f8d0d0; --err-ink: #8a1111; --warn: #fbe7b5; --warn-ink: #7a5200; --pass: #d3f0d3; --none: #eee; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem; color: #1d1d1f; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
.muted { color: #777; font-weight: normal; }
.verdict { font-size: 1.1rem; font-weight: 600; }
.summary td { padding: .1rem .8rem .1rem 0; vertical-align: top; }
.matrix-wrap { overflow: auto; max-height: 80vh; border: 1px solid #ddd; }
#matrix { border-collapse: collapse; }
#matrix th, #matrix td { border: 1px solid #e2e2e2; padding: 2px 6px; white-space: nowrap; }
#matrix thead th { position: sticky; top: 0; background: #fafafa; vertical-align: bottom; }
#matrix th.check span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; }
#matrix tbody th { text-align: left; font-weight: normal; position: sticky; left: 0; background: #fff; }
#matrix td[data-verdict] { text-align: center; min-width: 1.6rem; }
.v-error { background: var(--err); color: var(--err-ink); font-weight: 600; cursor: pointer; }
.v-warning { background: var(--warn); color: var(--warn-ink); cursor: pointer; }
.v-pass { background: var(--pass); color: #1e5e1e; }
.v-not-run { background: var(--none); color: #999; }
.legend span { display: inline-block; min-width: 1.4rem; text-align: center; margin-left: .8rem; }
#filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; position: sticky; top: 0;
  background: #fff; padding: .5rem 0; border-bottom: 1px solid #eee; z-index: 1; }
#filter-text { width: 22rem; }
.group h3 { margin: 1.2rem 0 .4rem; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
.finding { border: 1px solid #ddd; border-left: 4px solid #bbb; border-radius: 4px; padding: .3rem .8rem; margin: .5rem 0; }
.finding[data-severity="error"] { border-left-color: var(--err-ink); }
.finding[data-severity="warning"] { border-left-color: #d9a100; }
.finding h4 { margin: .3rem 0; font-weight: 500; }
.sev { text-transform: uppercase; font-size: 11px; padding: 1px 5px; border-radius: 3px; }
.sev-error { background: var(--err); color: var(--err-ink); } .sev-warning { background: var(--warn); color: var(--warn-ink); }
.badge { font-size: 11px; border: 1px solid #aaa; border-radius: 3px; padding: 0 4px; }
pre { background: #f6f8fa; padding: .5rem; overflow: auto; max-height: 24rem; white-space: pre-wrap; word-break: break-word; }
.block .label { font-weight: 600; margin-top: .5rem; }
summary { cursor: pointer; color: #0b57d0; }
[hidden] { display: none !important; }
`;

/**
 * Filtering and grouping, client-side only. It reads text with `textContent` and builds nodes with
 * `createElement`, never `innerHTML`, so no finding text is ever parsed as markup.
 */
export const SCRIPT = `
(function () {
  var list = document.getElementById('findings');
  if (!list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll('.finding'));
  var text = document.getElementById('filter-text');
  var sev = document.getElementById('filter-severity');
  var chk = document.getElementById('filter-check');
  var grp = document.getElementById('group-by');
  var count = document.getElementById('shown-count');
  var haystack = items.map(function (el) {
    return (el.querySelector('h4').textContent + '\\n' + el.querySelector('.message').textContent).toLowerCase();
  });
  function apply() {
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (el, i) {
      var ok = (!q || haystack[i].indexOf(q) >= 0) && (!sev.value || el.dataset.severity === sev.value) &&
        (!chk.value || el.dataset.check === chk.value);
      el.hidden = !ok;
      if (ok) shown++;
    });
    list.querySelectorAll('.group').forEach(function (g) { g.hidden = !g.querySelector('.finding:not([hidden])'); });
    count.textContent = shown + ' of ' + items.length;
  }
  function regroup() {
    var key = grp.value;
    var groups = new Map();
    items.forEach(function (el) {
      var k = el.dataset[key];
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(el);
    });
    list.replaceChildren();
    groups.forEach(function (els, k) {
      var section = document.createElement('section');
      section.className = 'group';
      var title = document.createElement('h3');
      title.textContent = k + ' (' + els.length + ')';
      section.appendChild(title);
      els.forEach(function (el) { section.appendChild(el); });
      list.appendChild(section);
    });
    apply();
  }
  [text, sev, chk].forEach(function (el) { el.addEventListener('input', apply); });
  grp.addEventListener('input', regroup);
  document.querySelectorAll('#matrix td.v-error, #matrix td.v-warning').forEach(function (td) {
    td.addEventListener('click', function () {
      text.value = td.dataset.operation;
      chk.value = td.dataset.check;
      sev.value = '';
      apply();
      document.getElementById('filters').scrollIntoView();
    });
  });
  apply();
})();
`;
