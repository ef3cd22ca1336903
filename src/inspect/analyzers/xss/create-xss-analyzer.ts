import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import { isPlainValue } from '../../plain-text.js';
import { blankFences, isFencedDocument } from '../shared/fenced-code.js';
import { closesComment } from './comment-close.js';
import { declaresEntity } from './header-dtd.js';
import { GLOBAL_OBJECTS } from './js-sinks.js';
import { readOptions } from './read-options.js';
import { scanSpelling } from './scan-spelling.js';
import { XssHits } from './xss-hits.js';
import { XSS_RULES } from './xss-rules.js';

const ID = 'xss';
const GLOBAL_MEMBER = new RegExp(`(?:^|[^\\w$])(?:${[...GLOBAL_OBJECTS].join('|')}) ?\\.`);
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
/** Past this, another spelling cannot change the verdict: stop normalizing. */
const CERTAIN = 1;
const MAX_FINDINGS = 4;
/** What markup inside a Markdown post's fenced code block weighs at most. */
const QUOTED_CODE = 0.7;
const DECISIVE = 0.9;
// A tag of at most three letters, or none, between two letters (`o<x>nfocus`, `al<>ert`).
const SPLITTING_TAG = /[A-Za-z]<\x2f?[A-Za-z]{0,3}>[A-Za-z(]/;
const SPLITTING_TAGS = /(?<=[A-Za-z])<\x2f?[A-Za-z]{0,3}>(?=[A-Za-z(])/g;

/**
 * Cross-site scripting: reads each value's spellings as HTML (a tolerant HTML5-like tokenizer: script
 * elements, event handlers, script URLs, dangerous elements and CSS, ways out of attributes and raw-text
 * elements, markup hidden in attributes) and as JavaScript (sink calls and assignments weighed by the
 * context they break out of, obfuscation, client-side template gadgets). Formatting markup, `<3`,
 * `a < b`, e-mail addresses and prose that mentions JavaScript pass; markup inside the fenced code
 * blocks of a Markdown post weighs at most 0.7.
 * @example createXssAnalyzer().analyzeValue?.({ item, variants: [{ value: '"><svg/onload=alert(1)>', transforms: [] }] })
 */
export function createXssAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(options);
  return {
    id: ID,
    // A page script that decodes a query without `+` handling runs `'+alert(1)+'` as written.
    readsFormPlus: true,
    analyzeValue({ item, variants }) {
      const scan = (spell: (text: string) => string): XssHits | undefined => {
        let hits: XssHits | undefined;
        for (const variant of variants) {
          // Plain text holds no markup, no call and no quote: only UTF-7 (`+ADw-script+AD4-`) hides markup
          // in it, and a global's property (`document.cookie`) reads as script.
          if (
            isPlainValue(variant.value) &&
            variant.value.indexOf('+A') < 0 &&
            !GLOBAL_MEMBER.test(variant.value)
          )
            continue;
          const text = spell(variant.value);
          hits = scanSpelling(text, item.kind, item.location, variant.transforms, maxLength, hits);
          if (hits !== undefined && hits.max >= CERTAIN) break;
        }
        return hits;
      };
      let hits = scan((text) => text);
      // `o<x>nfocus=alert<x>(1)`: short tags splitting words, for a filter that deletes tags and leaves the
      // rest; read as that filter leaves it, where only a decisive finding counts.
      if ((hits === undefined || hits.max < CERTAIN) && variants.some((v) => SPLITTING_TAG.test(v.value))) {
        const joined = scan((text) => text.replace(SPLITTING_TAGS, ''));
        for (const hit of joined?.list() ?? []) {
          if (hit.confidence < DECISIVE) continue;
          hits ??= new XssHits();
          hits.add({ ...hit, transforms: [...hit.transforms, 'strip-tags'] });
        }
      }
      // A Markdown post shows what its fences hold as code: markup there is a sample and only weighs;
      // markup outside them counts in full.
      if (hits !== undefined && hits.max > QUOTED_CODE && isFencedDocument(item)) {
        const outside = scan(blankFences) ?? new XssHits();
        for (const hit of hits.list())
          outside.add(hit.confidence > QUOTED_CODE ? { ...hit, confidence: QUOTED_CODE } : hit);
        hits = outside;
      }
      const last = variants[variants.length - 1];
      if (last !== undefined && item.kind === 'header-value' && declaresEntity(last.value)) {
        hits ??= new XssHits();
        hits.add({
          rule: XSS_RULES.dangerousTag,
          confidence: 0.9,
          evidence: last.value.slice(0, 64),
          transforms: last.transforms,
        });
      }
      if (last !== undefined && closesComment(last.value, item.kind)) {
        hits ??= new XssHits();
        hits.add({
          rule: XSS_RULES.breakout,
          confidence: 0.9,
          evidence: last.value.trim(),
          transforms: last.transforms,
        });
      }
      if (hits === undefined || hits.size === 0) return NO_FINDINGS;
      return hits
        .list()
        .sort((a, b) => b.confidence - a.confidence)
        .slice(0, MAX_FINDINGS)
        .map((hit) => ({
          analyzer: ID,
          rule: hit.rule,
          confidence: hit.confidence,
          location: item.location,
          evidence: hit.evidence,
          transforms: hit.transforms,
        }));
    },
  };
}
