import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import { plusSpace, urlDecode } from '../../normalize/index.js';
import type { ParsedRequest } from '../../parsed-request.js';
import { excerpt } from '../shared/excerpt.js';
import { findCallbackDomain } from './find-callback-domain.js';
import { findProbePath } from './find-probe-path.js';
import { findTool } from './find-tool.js';
import { isIpHost, isLinkLocalHost } from './is-ip-host.js';
import type { ProbeHit } from './probe-hit.js';
import { SCANNER_HEADERS } from './scanner-tools.js';

const ID = 'scanner';

/** Options of the scanner analyzer. */
export interface ScannerOptions {
  /** The site runs WordPress: `/wp-admin` and kin are its own paths, not probes. */
  readonly wordpress: boolean;
}

function readScannerOptions(options: Readonly<Record<string, unknown>>): ScannerOptions {
  for (const key of Object.keys(options)) {
    if (key !== 'wordpress') throw new TypeError(`${ID}: unknown option "${key}"`);
  }
  const wordpress = options.wordpress ?? false;
  if (typeof wordpress !== 'boolean') throw new TypeError(`${ID}: wordpress must be a boolean`);
  return Object.freeze({ wordpress });
}

// GraphQL introspection: `__schema { … }` or `__type(name: "…")`, the schema read whole or type by type.
// Clients send `__typename` with every selection; only tools mapping an API ask for the schema itself.
const INTROSPECTION = /(?<![A-Za-z_])__schema\s*\{|(?<![A-Za-z_])__type\s*\(\s*name\b/;
const INTROSPECTION_SCAN = 4096;

// A query string's value is still percent-encoded here: the normalizer's own decoding reads it.
function decoded(text: string): string {
  return text.indexOf('%') < 0 ? text : plusSpace.apply(urlDecode.apply(text).value).value;
}

function findIntrospection(
  values: ParsedRequest['values'],
): { at: number; location: string; text: string } | undefined {
  for (const v of values) {
    if (v.value.indexOf('__') < 0) continue;
    const text = decoded(
      v.value.length > INTROSPECTION_SCAN ? v.value.slice(0, INTROSPECTION_SCAN) : v.value,
    );
    const m = INTROSPECTION.exec(text);
    if (m !== null) return { at: m.index, location: v.location, text };
  }
  return undefined;
}

function finding(hit: ProbeHit, location: string): Finding {
  return {
    analyzer: ID,
    rule: `${ID}/${hit.rule}`,
    confidence: hit.confidence,
    location,
    evidence: excerpt(hit.evidence),
    transforms: [],
  };
}

/**
 * Scanner fingerprints over the whole request: security tools in the User-Agent or their marker headers
 * (0.9), blind-injection callback domains (0.6; 0.9 in the User-Agent), requests for script backups and data dumps (0.9), probes
 * for secrets, other backups and admin consoles (0.3–0.5, weighted, never blocking alone), requests
 * addressed to a bare IP (0.3) or to a link-local one (0.9), GraphQL introspection of the schema (0.9).
 * @example createScannerAnalyzer({ wordpress: true }).analyzeRequest?.(request)
 */
export function createScannerAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { wordpress } = readScannerOptions(options);
  return {
    id: ID,
    analyzeRequest({ view, values }: ParsedRequest): readonly Finding[] {
      const findings: Finding[] = [];
      const path = findProbePath(view.path, wordpress);
      if (path !== undefined) findings.push(finding(path, 'path'));
      let callback = findCallbackDomain(view.target);
      let callbackAt = 'path';
      let agent = false;
      for (const [name, value] of view.headers) {
        if (name === 'user-agent') {
          agent = value.trim() !== '';
          const tool = findTool(value);
          if (tool !== undefined) findings.push(finding(tool, 'header.user-agent'));
        } else if (SCANNER_HEADERS.has(name)) {
          findings.push(finding({ rule: 'tool-header', confidence: 0.9, evidence: name }, `header.${name}`));
        } else if (name === 'host' && isIpHost(value)) {
          const linkLocal = isLinkLocalHost(value);
          const hit = { rule: linkLocal ? 'link-local-host' : 'ip-host', confidence: linkLocal ? 0.9 : 0.3 };
          findings.push(finding({ ...hit, evidence: value }, 'header.host'));
        }
        if (callback === undefined && name !== 'cookie') {
          callback = findCallbackDomain(value);
          callbackAt = `header.${name}`;
        }
      }
      for (let i = 0; i < values.length && callback === undefined; i++) {
        const v = values[i]!;
        if (v.kind !== 'body-value' && v.kind !== 'body-text' && v.kind !== 'file-content') continue;
        callback = findCallbackDomain(v.value);
        callbackAt = v.location;
      }
      // A browser never names a callback host in its own User-Agent: there a scanner planted it.
      if (callback !== undefined && callbackAt === 'header.user-agent')
        callback = { ...callback, confidence: 0.9 };
      if (callback !== undefined) findings.push(finding(callback, callbackAt));
      // A production API has no reason to hand its schema to whoever asks: reading it is mapping the API.
      const introspection = findIntrospection(values);
      if (introspection !== undefined)
        findings.push(
          finding(
            {
              rule: 'graphql-introspection',
              confidence: 0.9,
              evidence: introspection.text.slice(introspection.at, introspection.at + 64),
            },
            introspection.location,
          ),
        );
      // Browsers and HTTP libraries all name themselves; scripts written for one request often do not.
      if (!agent)
        findings.push(
          finding({ rule: 'no-agent', confidence: 0.3, evidence: 'no User-Agent' }, 'header.user-agent'),
        );
      return findings;
    },
  };
}
