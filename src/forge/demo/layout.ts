import { html, SafeHtml } from './safe-html.js';

const NAV: readonly (readonly [href: string, label: string])[] = [
  ['/', 'Home'],
  ['/products', 'Products'],
  ['/search', 'Search'],
  ['/about', 'About'],
  ['/login', 'Sign in'],
];

// Inline so the demo needs no static file route and looks the same behind any gateway.
const STYLE = new SafeHtml(`
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2933;background:#f5f7fa}
header{background:#1f4e3d;color:#fff;padding:0.75rem 1.5rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
nav{display:flex;gap:1rem}header a{color:#e6f4ea;text-decoration:none}header a:hover{text-decoration:underline}
.brand{font-weight:700;font-size:1.2rem;color:#fff}
main{max-width:56rem;margin:1.5rem auto;padding:0 1.5rem}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:1rem 1.25rem;margin:0.75rem 0}
.price{font-weight:700;color:#1f4e3d}.error{color:#b42318;font-weight:600}.hint{color:#52606d}
form{display:grid;gap:0.5rem;max-width:22rem}input,button{font:inherit;padding:0.4rem 0.6rem}
button{background:#1f4e3d;color:#fff;border:0;border-radius:4px;cursor:pointer}
footer{text-align:center;color:#7b8794;font-size:0.85rem;margin:2rem 0}
`);

/** A complete HTML document in the shop's shared layout. */
export function renderPage(title: string, body: SafeHtml): string {
  const nav = NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Acme Outfitters</title>
<style>${STYLE}</style>
</head>
<body>
<header><a class="brand" href="/">Acme Outfitters</a><nav>${nav}</nav></header>
<main>
<h1>${title}</h1>
${body}
</main>
<footer>Acme Outfitters is a demo shop. Nothing here is for sale.</footer>
</body>
</html>
`.toString();
}
