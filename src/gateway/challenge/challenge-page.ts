import type { IssuedChallenge } from '../../defend/index.js';
import { escapeHtml } from '../../labyrinth/index.js';

/** Where challenge pages send their answers; requests under it never reach the upstream. */
export const CHALLENGE_PATH = '/.infinisec/challenge/';

// The proof of work, in a Web Worker so the page stays responsive: SHA-256 of seed + nonce until the digest
// starts with `difficulty` zero bits.
const WORKER = `onmessage = async (e) => {
  const { seed, difficulty } = e.data;
  const encoder = new TextEncoder();
  const zeros = (d) => { let bits = 0; for (const b of d) { if (b === 0) { bits += 8; continue; } return bits + Math.clz32(b) - 24; } return bits; };
  for (let n = 0; ; n++) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(seed + n)));
    if (zeros(digest) >= difficulty) { postMessage(String(n)); return; }
  }
};`;

/**
 * The challenge page: a short check a browser passes on its own (the proof of work runs in a Web Worker),
 * and, for a browser without JavaScript or without Web Crypto, a meta refresh that lets it through after the
 * wait. It says what is happening in words a person understands, and nothing about why.
 */
export function challengePage(issued: IssuedChallenge, returnTo: string, waitS: number): string {
  const query = (action: string) =>
    `${CHALLENGE_PATH}${action}?t=${encodeURIComponent(issued.token)}&r=${encodeURIComponent(returnTo)}`;
  const wait = query('wait');
  // Script content is raw text: `<` is escaped the JSON way, so nothing in it can close the element.
  const data = JSON.stringify({
    seed: issued.seed,
    difficulty: issued.difficulty,
    verify: query('verify'),
    wait,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Checking your browser</title>
<noscript><meta http-equiv="refresh" content="${waitS};url=${escapeHtml(wait)}"></noscript>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head>
<body>
<h1>Checking your browser</h1>
<p id="status">This takes a moment and happens once.</p>
<noscript><p>Without JavaScript this page continues by itself in ${waitS} seconds.</p></noscript>
<script id="challenge" type="application/json">${data}</script>
<script>
(() => {
  const c = JSON.parse(document.getElementById('challenge').textContent);
  if (!window.Worker || !window.crypto || !crypto.subtle) {
    setTimeout(() => location.replace(c.wait), ${waitS * 1000});
    return;
  }
  const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(WORKER)}], { type: 'text/javascript' })));
  worker.onmessage = (e) => location.replace(c.verify + '&n=' + e.data);
  worker.postMessage({ seed: c.seed, difficulty: c.difficulty });
})();
</script>
</body>
</html>
`;
}
