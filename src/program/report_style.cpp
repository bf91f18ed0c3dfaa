#include "program/report_style.h"

namespace cc::program {

std::string_view report_stylesheet() {
  // Text colours are chosen for a contrast ratio of at least 4.5:1 on their background.
  static constexpr std::string_view kCss = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1f2328; background: #ffffff; }
header.cover, main, nav.contents, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header.cover { padding-top: 32px; padding-bottom: 16px; border-bottom: 4px solid #0550ae; }
h1 { font-size: 28px; margin: 0 0 12px; }
h2 { font-size: 21px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 16px; margin: 20px 0 8px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
nav.contents ol { columns: 2; margin: 8px 0 0; }
a { color: #0550ae; }
p.note { color: #424a53; }
div.licensed { margin-top: 4px; padding-left: 6px; border-left: 3px solid #d0d7de; color: #424a53; }
div.licensed p { margin: 2px 0; }
.licensed-label { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
/* Paths and digests have no spaces: they may break anywhere rather than widen the table. */
.loc, code { overflow-wrap: anywhere; }
#findings-table tbody th { min-width: 16em; }
thead th { background: #eaeef2; }
tbody th { font-weight: 600; }
table#status-counts { width: auto; min-width: 320px; }
#controls-table tbody th, #soa-table tbody th, #responsibility-table tbody th { white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
code, .loc { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.state { display: inline-block; padding: 0 6px; border-radius: 4px; white-space: nowrap; font-weight: 600; }
.s-implemented, .v-pass, .f-current { background: #dafbe1; color: #116329; }
.s-partial, .f-expiring, .v-unknown { background: #fff8c5; color: #6c4a00; }
.s-not-implemented, .v-fail, .f-expired { background: #ffebe9; color: #a40e26; }
.s-not-assessed { background: #eaeef2; color: #424a53; }
.s-inherited { background: #ddf4ff; color: #0a3069; }
.s-not-applicable { background: #fbefff; color: #6e40c9; }
.worse { color: #a40e26; font-weight: 600; }
.better { color: #116329; font-weight: 600; }
figure { margin: 12px 0 20px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { fill: #1f2328; }
footer { color: #424a53; padding-top: 24px; padding-bottom: 32px; font-size: 12px; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; }
  header.cover, main, nav.contents, footer { max-width: none; padding: 0; }
  header.cover { min-height: 60vh; }
  main > section { break-before: page; }
  h2, h3, caption, figcaption { break-after: avoid; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, figure, svg.chart { break-inside: avoid; }
  th, td { padding: 2px 4px; }
  a { color: inherit; text-decoration: none; }
  .state { border: 1px solid currentColor; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";
  return kCss;
}

}  // namespace cc::program
