import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { InspectedValue } from '../../inspectable.js';
import { usesFormEncoding, whitespaceFold } from '../../normalize/index.js';
import { excerpt } from '../shared/excerpt.js';
import { blankFences, isFencedDocument } from '../shared/fenced-code.js';
import { inFreeTextField } from '../shared/free-text-field.js';
import { readOptions } from '../shared/read-options.js';
import { analyzeShellText } from './analyze-shell-text.js';
import { decodeKeepingBreaks } from './decode-keeping-breaks.js';
import { type CommandSuspicion, isMultilineProse } from './judge-command.js';
import { findMailCommand } from './mail-command.js';
import { mayHoldCommand } from './may-hold-command.js';

const NONE: readonly Finding[] = Object.freeze([]);
const STRONG = 0.95;
const BREAKS_TRANSFORM = 'url-decode-keep-breaks';
const PLUS_TRANSFORM = 'plus-space';
const QUERY_TRANSFORM = 'query-value';
const FOLD_TRANSFORM = 'whitespace-fold';
const MAX_QUERY_VALUES = 8;
/** What a command inside a Markdown post's fenced code block weighs at most: it is shown, not run. */
const QUOTED_CODE = 0.7;

interface Candidate {
  readonly text: string;
  readonly transforms: readonly string[];
}

// A variant still percent-encoded says nothing the decoded variant after it does not.
function stillEncoded(text: string, v: number, count: number): boolean {
  return v === 0 && count > 1 && text.indexOf('%') >= 0;
}

function hasBreak(text: string): boolean {
  return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
}

// `;+cat+/etc/passwd` that reached the value as `%2B`: an application that decodes its input once more
// reads each `+` as a space. Only a value without blanks can have been written so.
function plusAsSpace(text: string): string | undefined {
  if (text.indexOf('+') < 0 || text.indexOf(' ') >= 0) return undefined;
  return text.replaceAll('+', ' ');
}

// The query values of a URL-valued header (`Referer: https://site/?q=;id`): each one is its own input to
// the page that was visited, and what the user typed there.
function queryValues(value: InspectedValue): string[] {
  if (value.item.kind !== 'header-value') return [];
  const text = value.variants[value.variants.length - 1]!.value;
  const q = text.indexOf('?');
  if (q < 0 || text.indexOf('=', q) < 0) return [];
  const out: string[] = [];
  for (const pair of text.slice(q + 1).split(/[&#]/, MAX_QUERY_VALUES)) {
    const eq = pair.indexOf('=');
    if (eq >= 0 && eq < pair.length - 1) out.push(formDecode(pair.slice(eq + 1)));
  }
  return out;
}

function formDecode(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
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
  // Only a `+` that survived decoding: in a raw form value it is the encoder's own space.
  const spaced = plusAsSpace(variants[variants.length - 1]!.value);
  if (spaced !== undefined && mayHoldCommand(spaced.length > maxLength ? spaced.slice(0, maxLength) : spaced))
    return true;
  if (queryValues(value).some((q) => mayHoldCommand(q))) return true;
  const raw = variants[0]!.value;
  return raw.indexOf('%0') >= 0 || raw.indexOf('%250') >= 0 || raw.indexOf('&#') >= 0;
}

// The text as the normalizer's whitespace-fold spells it, ends trimmed.
function foldSpaces(text: string): string {
  return whitespaceFold.apply(text).value.trim();
}

// Spellings cut at the same length from an encoded and a decoded text end at different places, the encoded
// one maybe inside an escape (`%2`).
const CUT_ESCAPE = 3;

function sameText(a: string, b: string): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  return long.startsWith(short.slice(0, Math.max(0, short.length - CUT_ESCAPE)));
}

// The spellings worth parsing: every variant but a still-encoded raw one, plus a decoding that keeps line
// breaks when the value encodes some (the shared normalizer folds them into spaces), the `+`-as-space
// reading, and the query values of a URL in a header.
function candidates(value: InspectedValue, maxLength: number): Candidate[] {
  const cap = (s: string) => (s.length > maxLength ? s.slice(0, maxLength) : s);
  const { variants } = value;
  const out: Candidate[] = [];
  const add = (text: string, transforms: readonly string[]) => {
    if (!out.some((c) => c.text === text)) out.push({ text, transforms });
  };
  for (let v = 0; v < variants.length; v++) {
    const text = variants[v]!.value;
    if (!stillEncoded(text, v, variants.length)) add(cap(text), variants[v]!.transforms);
  }
  const raw = cap(variants[0]!.value);
  const breaks = decodeKeepingBreaks(raw, usesFormEncoding(value.item));
  // A post of several lines (typed in JSON, or sent by a form): the spellings that folded its lines into
  // spaces are the same text without the lines that tell prose and Markdown apart; its lines are read instead.
  const lined = breaks ?? (hasBreak(raw) ? raw : undefined);
  if (lined !== undefined && isMultilineProse(lined)) {
    const folded = foldSpaces(lined);
    for (let k = out.length - 1; k >= 0; k--) {
      const { text, transforms } = out[k]!;
      if (text !== lined && (transforms.includes(FOLD_TRANSFORM) || sameText(foldSpaces(text), folded)))
        out.splice(k, 1);
    }
  }
  if (breaks !== undefined) add(breaks, [BREAKS_TRANSFORM]);
  const last = variants[variants.length - 1]!;
  const spaced = plusAsSpace(cap(last.value));
  if (spaced !== undefined) add(spaced, [...last.transforms, PLUS_TRANSFORM]);
  for (const q of queryValues(value)) add(cap(q), [...last.transforms, QUERY_TRANSFORM]);
  return out;
}

type Found = Map<string, { s: CommandSuspicion; c: Candidate }>;

/** The strongest suspicion per rule over the candidates, stopping at the first strong one. */
function analyzeCandidates(list: readonly Candidate[], commandField: boolean): Found {
  const found: Found = new Map();
  for (const candidate of list) {
    const suspicions = mayHoldCommand(candidate.text) ? analyzeShellText(candidate.text, commandField) : [];
    const mail = hasBreak(candidate.text) ? findMailCommand(candidate.text) : undefined;
    if (mail !== undefined) suspicions.push(mail);
    let strong = false;
    for (const s of suspicions) {
      if (s.confidence > (found.get(s.rule)?.s.confidence ?? 0)) found.set(s.rule, { s, c: candidate });
      strong ||= s.confidence >= STRONG;
    }
    if (strong) break;
  }
  return found;
}

function maxConfidence(found: Found): number {
  let max = 0;
  for (const { s } of found.values()) max = Math.max(max, s.confidence);
  return max;
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
      const commandField = !inFreeTextField(value.item.location);
      const all = candidates(value, maxLength);
      let found = analyzeCandidates(all, commandField);
      // A Markdown post shows what its fences hold as code: a command there is a sample and only weighs;
      // a command outside them counts in full.
      if (maxConfidence(found) > QUOTED_CODE && isFencedDocument(value.item)) {
        const outside = analyzeCandidates(
          all.map((c) => ({ text: blankFences(c.text), transforms: c.transforms })),
          commandField,
        );
        for (const [rule, hit] of found) {
          const capped = { ...hit, s: { ...hit.s, confidence: Math.min(hit.s.confidence, QUOTED_CODE) } };
          if (capped.s.confidence > (outside.get(rule)?.s.confidence ?? 0)) outside.set(rule, capped);
        }
        found = outside;
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
