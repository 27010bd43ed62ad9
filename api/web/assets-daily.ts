/**
 * Styles of the daily-tool pages (work queue, stream page by phase, plan editor, admin) and the phone-width rules,
 * served after WEB_CSS from the same /assets/web.css.
 */
export const DAILY_CSS = `
.badge { display:inline-block; min-width:1.4em; margin-left:4px; padding:0 6px; border-radius:999px; background:#dc2626; color:#fff; font-size:.8em; font-weight:700; text-align:center; }
ol.phases .when { color:#374151; }
input[type="checkbox"], input[type="radio"] { width:1.5rem; height:1.5rem; margin:0; vertical-align:middle; accent-color:var(--accent); }
.check { display:flex; align-items:center; gap:8px; min-height:2.75rem; }
.check label { margin:0; }
.table-wrap { max-width:100%; overflow-x:auto; }
.table-wrap:focus-visible { outline:3px solid #f59e0b; }
td, th { overflow-wrap:anywhere; }
/* Long ids, emails and URLs break rather than push the page wider than a phone. */
main { overflow-wrap:anywhere; } fieldset { min-width:0; } pre { overflow-wrap:anywhere; }
.banner { padding:8px 12px; border-radius:6px; margin:8px 0; border:1px solid; }
.banner.info { background:#eff6ff; border-color:#bfdbfe; }
.banner.warn { background:#fffbeb; border-color:#fcd34d; color:#78350f; }
.banner.bad { background:#fef2f2; border-color:#fecaca; color:#7f1d1d; }
.tiles { display:grid; grid-template-columns:repeat(auto-fill, minmax(150px, 1fr)); gap:8px; list-style:none; padding:0; margin:8px 0; }
.tile { background:#fff; border:1px solid var(--line); border-radius:8px; padding:8px 12px; }
.tile .label { display:block; color:#4b5563; font-size:.85em; }
.tile .value { display:block; font-size:1.4em; font-weight:700; font-variant-numeric:tabular-nums; }
.tile .target { display:block; font-size:.8em; color:#4b5563; }
.tile.reached { border-color:#86efac; } .tile.behind { border-color:#fca5a5; }
.tile progress { width:100%; }
section.live { border-color:#fca5a5; }
.toolbar { display:flex; flex-wrap:wrap; gap:8px; align-items:flex-start; }
.toolbar details.action-card { flex:1 1 260px; border:1px solid var(--line); border-radius:6px; padding:6px 10px; }
ul.alerts { list-style:none; padding:0; } ul.alerts li { border-left:4px solid var(--bad); padding:4px 8px; margin:4px 0; background:#fef2f2; }
del.diff { background:#fee2e2; color:#7f1d1d; } ins.diff { background:#dcfce7; color:#14532d; text-decoration:none; }
.diff-seg { margin:6px 0; } .diff-seg .seg-kind { display:block; }
.preview { border:1px dashed var(--line); border-radius:6px; padding:4px 8px; margin:4px 0; background:#fafafa; }
form.filter select, form.filter input { max-width:100%; }
.bulk { border:1px solid var(--line); border-radius:8px; padding:8px 12px; background:#fff; }
fieldset.rows { padding:8px; } fieldset.rows .row { display:grid; grid-template-columns:repeat(auto-fill, minmax(140px, 1fr)); gap:4px 8px; align-items:end; border-bottom:1px dashed var(--line); padding-bottom:8px; margin-bottom:8px; }
fieldset.rows .row label { margin:4px 0 2px; font-size:.9em; }
fieldset.rows .row .wide { grid-column:1 / -1; }
fieldset.rows input, fieldset.rows select, fieldset.rows textarea { width:100%; }
.field-error { color:var(--bad); font-size:.9em; display:block; }
[aria-invalid="true"] { border-color:var(--bad); }
@media (max-width: 720px) {
  th, td { padding:4px 6px; }
  .tools { margin-left:0; flex-wrap:wrap; }
  dl.summary { grid-template-columns:1fr; } dl.summary dd { margin-bottom:4px; }
  .charts figure { flex-basis:100%; }
  figure.bars li { grid-template-columns:70px 1fr max-content; }
}
`;

/**
 * A link to a form inside a closed card (the inbox's links to #act-extend and the like) opens the card, so the form
 * it points at is what the person sees.
 */
export const DAILY_JS = `(function () {
  'use strict';
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) if (el.tagName === 'DETAILS') el.open = true;
    if (target) target.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', openTarget); else openTarget();
})();
`;
