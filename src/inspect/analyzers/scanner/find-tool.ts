import type { ProbeHit } from './probe-hit.js';
import { TOOL_TOKENS } from './scanner-tools.js';

const MAX_AGENT = 512;
// A tool name as a word of the agent (`Mozilla/5.0 zgrab/0.x`, `DirBuster-1.0`), so names inside other
// words (`urlgrabber`, `ecairn-grabber`) do not count. Built from the list; the names are plain words.
const TOOL = new RegExp(`(?:^|[^a-z0-9])(${[...TOOL_TOKENS.keys()].join('|')})(?![a-z])`, 'gi');
// Nessus names some requests after the plugin that sends them (`…_sql_injection.nasl`).
const NASL_PLUGIN = /\w\.nasl\b/i;

// Tool names that are words of some language too (`Vega del Codorno`, a Hydra bike): they count only
// written as a product, with a version or in parentheses (`Paros/3.2.13`, `(Hydra)`).
const WORD_NAMES: ReadonlySet<string> = new Set(['vega', 'paros', 'hydra', 'medusa', 'expanse', 'morfeus']);

function namesProduct(text: string, at: number, length: number): boolean {
  const after = text.charCodeAt(at + length);
  if (after === 47 || after === 41 || (after >= 48 && after <= 57)) return true;
  return text.charCodeAt(at - 1) === 40 && (after === 59 || after === 32);
}

/** The most telling security tool named in a User-Agent. */
export function findTool(agent: string): ProbeHit | undefined {
  const text = agent.length > MAX_AGENT ? agent.slice(0, MAX_AGENT) : agent;
  let best: ProbeHit | undefined;
  TOOL.lastIndex = 0;
  for (let m = TOOL.exec(text); m !== null; m = TOOL.exec(text)) {
    const name = m[1]!.toLowerCase();
    if (WORD_NAMES.has(name) && !namesProduct(text, m.index + m[0].length - name.length, name.length))
      continue;
    const confidence = TOOL_TOKENS.get(name) ?? 0;
    if (confidence > (best?.confidence ?? 0))
      best = { rule: 'tool-agent', confidence, evidence: text.slice(0, 64) };
  }
  if (best === undefined && NASL_PLUGIN.test(text))
    best = { rule: 'tool-agent', confidence: 0.9, evidence: text.slice(0, 64) };
  return best;
}
