import { createHash } from 'node:crypto';

/** The report's only stylesheet, inline: screen and print (A4, no page break inside a control or item). */
export const COMPLIANCE_STYLE = `
:root{--pass:#17663a;--pass-bg:#e3f4e9;--warn:#8a5300;--warn-bg:#fdf0d5;--fail:#a3161a;--fail-bg:#fbe2e2;--info:#3d4a5c;--info-bg:#e8ecf1;--line:#d5dae1;--muted:#5b6573}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:2rem 1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b2430;background:#fff}
header{border-bottom:2px solid #1b2430;padding-bottom:1rem;margin-bottom:1.5rem}
.product{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.08em;text-transform:uppercase}
h1{margin:.2rem 0 .1rem;font-size:1.8rem}
h2{margin:2rem 0 .75rem;font-size:1.3rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
h3{margin:0 0 .4rem;font-size:1.05rem;display:flex;gap:.6rem;align-items:baseline}
.edition{margin:0;color:var(--muted)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:1rem 0}
dl.meta dt{color:var(--muted)}
dl.meta dd{margin:0;overflow-wrap:anywhere}
.overall{font-size:1.05rem;margin:.5rem 0 0}
.status{display:inline-block;min-width:3.4rem;padding:.05rem .45rem;border-radius:.25rem;font-size:.78rem;font-weight:700;letter-spacing:.05em;text-align:center;text-transform:uppercase;border:1px solid currentColor}
.status.pass{color:var(--pass);background:var(--pass-bg)}
.status.warn{color:var(--warn);background:var(--warn-bg)}
.status.fail{color:var(--fail);background:var(--fail-bg)}
.status.info{color:var(--info);background:var(--info-bg)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
thead th{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
td.id{white-space:nowrap;font-weight:600}
.desc{color:var(--muted);font-size:.9rem}
ul.refs{list-style:none;margin:0;padding:0}
ul.refs li{margin:.1rem 0}
a{color:inherit}
article.evidence{border:1px solid var(--line);border-radius:.4rem;padding:.9rem 1rem;margin:0 0 1rem}
article.evidence .finding{margin:.2rem 0 .6rem}
table.details th{width:32%;font-weight:500;color:var(--muted)}
table.details td{overflow-wrap:anywhere}
.supports{margin:.6rem 0 0;font-size:.85rem;color:var(--muted)}
footer{margin-top:2.5rem;padding-top:.8rem;border-top:1px solid var(--line);font-size:.85rem;color:var(--muted)}
@page{size:A4;margin:16mm 14mm}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2{break-after:avoid}
tr,article.evidence{break-inside:avoid}
thead{display:table-header-group}
a{text-decoration:none}
}
`;

/**
 * The content security policy of a report page: nothing may load, nothing may run; only the stylesheet
 * above, by its hash, applies.
 */
/**
 * The CSP source that allows the report's stylesheet, by its hash. The dashboard allows it too: a report opened
 * from the dashboard (a blob URL) keeps the dashboard's policy.
 */
export const COMPLIANCE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(COMPLIANCE_STYLE).digest('base64')}'`;
export const COMPLIANCE_CSP = `default-src 'none'; style-src ${COMPLIANCE_STYLE_SOURCE}; base-uri 'none'; form-action 'none'`;
