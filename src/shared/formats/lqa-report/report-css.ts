/*
 * The LQA report's own stylesheet: served as /api/report.css beside the page (the app's CSP allows styles from
 * the app only, never inline), embedded in the page the CLI writes (a file opened on its own). Printable: A4,
 * tables that break between rows, the issue rows kept whole.
 */
export const REPORT_CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
body { margin: 2rem auto; max-width: 70rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .25rem; }
.meta { color: #555; margin: 0 0 1rem; }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0; }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; }
.result-pass { color: #0a6b2c; font-weight: 700; }
.result-fail { color: #a4161a; font-weight: 700; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: start; vertical-align: top; }
th { background: #f0f0f0; }
td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; }
.issues td { overflow-wrap: anywhere; }
.not-counted { color: #666; }
.flagged { background: #fff1a8; }
.comments { margin: 0; padding-inline-start: 1rem; }
.empty { color: #666; font-style: italic; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
