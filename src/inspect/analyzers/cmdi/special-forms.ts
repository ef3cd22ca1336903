import type { CommandSuspicion } from './judge-command.js';

const SSI = /<!--\s*#\s*(exec|include|echo|config|printenv|set|fsize|flastmod)\b/i;
const SSI_CONFIDENCE: Readonly<Record<string, number>> = { exec: 1, include: 0.9, printenv: 0.9 };
const MAX_NAME = 32;
const MAX_BOMBS = 8;

// A directive written out with its attribute (`<!--#echo var="DATE_LOCAL" -->`): a probe for SSI.
const SSI_ATTRIBUTE = /^\s+[a-z]{2,16}\s*=/i;
// Edge Side Includes: the cache or CDN in front of the application fetches, evaluates or prints them.
const ESI =
  /<esi:(include|inline|eval|vars|assign|debug|choose|when|otherwise|try|attempt|except|remove|comment)\b/i;
const ESI_CONFIDENCE: Readonly<Record<string, number>> = { include: 1, inline: 1, eval: 1 };

/**
 * Server-side include directives (`<!--#exec cmd="…"-->`) and Edge Side Includes tags
 * (`<esi:include src="…"/>`): the web server or the cache in front of it runs them.
 */
export function findSsi(text: string): CommandSuspicion | undefined {
  if (text.includes('<!--')) {
    const m = SSI.exec(text);
    if (m !== null) {
      const end = m.index + m[0].length;
      const base = SSI_CONFIDENCE[m[1]!.toLowerCase()] ?? 0.8;
      const confidence = SSI_ATTRIBUTE.test(text.slice(end, end + 24)) ? Math.max(base, 0.9) : base;
      return { rule: 'cmdi/ssi-directive', confidence, start: m.index, end: end + 32 };
    }
  }
  if (!text.includes('<esi:') && !text.includes('<ESI:')) return undefined;
  const e = ESI.exec(text);
  if (e === null) return undefined;
  const confidence = ESI_CONFIDENCE[e[1]!.toLowerCase()] ?? 0.9;
  return { rule: 'cmdi/esi-tag', confidence, start: e.index, end: e.index + e[0].length + 32 };
}

function skipBlanks(text: string, i: number): number {
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return j;
}

// `name () {` at `open` (the `(`): the name before it and where the body starts, or undefined.
function functionHead(text: string, open: number): { name: string; start: number; body: number } | undefined {
  const close = skipBlanks(text, open + 1);
  if (text[close] !== ')') return undefined;
  const brace = skipBlanks(text, close + 1);
  if (text[brace] !== '{') return undefined;
  let end = open;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && end - start < MAX_NAME && !' \t(){};|&'.includes(text[start - 1]!)) start--;
  return start === end ? undefined : { name: text.slice(start, end), start, body: brace + 1 };
}

/**
 * A shell function that calls itself in a pipe or in the background: the fork bomb `:(){ :|:& };:` and its
 * renamed variants. The nameless `() {` of Shellshock is another family's.
 */
export function findForkBomb(text: string): CommandSuspicion | undefined {
  let open = text.indexOf('(');
  for (let n = 0; open >= 0 && n < MAX_BOMBS; open = text.indexOf('(', open + 1)) {
    const head = functionHead(text, open);
    if (head === undefined) continue;
    n++;
    const close = text.indexOf('}', head.body);
    const body = text.slice(head.body, close < 0 ? text.length : close);
    if (body.split(head.name).length - 1 >= 1 && /[|&]/.test(body)) {
      return { rule: 'cmdi/fork-bomb', confidence: 1, start: head.start, end: head.start + 64 };
    }
  }
  return undefined;
}
