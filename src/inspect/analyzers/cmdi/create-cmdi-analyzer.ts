import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, InspectedValue } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { analyzeShellText } from './analyze-shell-text.js';
import { decodeKeepingBreaks } from './decode-keeping-breaks.js';
import type { CommandSuspicion } from './judge-command.js';
import { findMailCommand } from './mail-command.js';
import { mayHoldCommand } from './may-hold-command.js';

const NONE: readonly Finding[] = Object.freeze([]);
const STRONG = 0.95;
const BREAKS_TRANSFORM = 'url-decode-keep-breaks';

interface Candidate {
  readonly text: string;
  readonly transforms: readonly string[];
}

function formEncoded(item: Inspectable): boolean {
  return (
    item.kind.startsWith('query') || item.kind.startsWith('cookie') || item.location.startsWith('body.form')
  );
}

// A variant still percent-encoded says nothing the decoded variant after it does not.
function stillEncoded(text: string, v: number, count: number): boolean {
  return v === 0 && count > 1 && text.indexOf('%') >= 0;
}

function hasBreak(text: string): boolean {
  return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
}

// One cheap pass over each spelling: most values end here.
function worthParsing(value: InspectedValue, maxLength: number): boolean {
  const { variants } = value;
  for (let v = 0; v < variants.length; v++) {
    const text = variants[v]!.value;
    if (stillEncoded(text, v, variants.length)) continue;
    if (hasBreak(text) || mayHoldCommand(text.length > maxLength ? text.slice(0, maxLength) : text))
      return true;
  }
  const raw = variants[0]!.value;
  return raw.indexOf('%0') >= 0 || raw.indexOf('&#') >= 0;
}

// The spellings worth parsing: every variant but a still-encoded raw one, plus a decoding that keeps line
// breaks when the value encodes some (the shared normalizer folds them into spaces).
function candidates(value: InspectedValue, maxLength: number): Candidate[] {
  const cap = (s: string) => (s.length > maxLength ? s.slice(0, maxLength) : s);
  const { variants } = value;
  const out: Candidate[] = [];
  for (let v = 0; v < variants.length; v++) {
    const text = variants[v]!.value;
    if (!stillEncoded(text, v, variants.length))
      out.push({ text: cap(text), transforms: variants[v]!.transforms });
  }
  const breaks = decodeKeepingBreaks(cap(variants[0]!.value), formEncoded(value.item));
  if (breaks !== undefined && !out.some((c) => c.text === breaks)) {
    out.push({ text: breaks, transforms: [BREAKS_TRANSFORM] });
  }
  return out;
}

/**
 * Command injection: the value read as a shell command line (bare, and after a closing `'` or `"`), flagging
 * known Unix/Windows commands that a separator, pipe, substitution or the value start puts in command
 * position, weighted by how the command is spelled (quote-splitting, `$IFS`, globs, braces, variables),
 * what surrounds it and what its arguments look like; plus Windows batch, SSI, fork bombs and mail
 * protocol injection.
 * @example createCmdiAnalyzer().analyzeValue!(value) // [{ rule: 'cmdi/chained-command', confidence: 1, ... }]
 */
export function createCmdiAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions('cmdi', options, 4096);
  return {
    id: 'cmdi',
    analyzeValue(value: InspectedValue): readonly Finding[] {
      if (!worthParsing(value, maxLength)) return NONE;
      const found = new Map<string, { s: CommandSuspicion; c: Candidate }>();
      for (const candidate of candidates(value, maxLength)) {
        const suspicions = mayHoldCommand(candidate.text) ? analyzeShellText(candidate.text) : [];
        const mail = hasBreak(candidate.text) ? findMailCommand(candidate.text) : undefined;
        if (mail !== undefined) suspicions.push(mail);
        let strong = false;
        for (const s of suspicions) {
          if (s.confidence > (found.get(s.rule)?.s.confidence ?? 0)) found.set(s.rule, { s, c: candidate });
          strong ||= s.confidence >= STRONG;
        }
        if (strong) break;
      }
      if (found.size === 0) return NONE;
      return [...found.values()].map(({ s, c }) => ({
        analyzer: 'cmdi',
        rule: s.rule,
        confidence: s.confidence,
        location: value.item.location,
        evidence: excerpt(c.text, s.start, s.end),
        transforms: c.transforms,
      }));
    },
  };
}
