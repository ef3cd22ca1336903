import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { InspectedValue, ValueKind } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findUrls } from '../ssrf/find-urls.js';
import { decodeEvasions } from './decode-evasions.js';
import { judgePathScan, type PathSuspicion, type Spelling } from './judge-path-scan.js';
import { mayHoldTraversal } from './may-hold-traversal.js';
import { phpWrapperConfidence } from './php-wrappers.js';
import { findRestricted, mayBeRestricted } from './restricted-files.js';
import { scanPaths } from './scan-paths.js';

const NONE: readonly Finding[] = Object.freeze([]);
// Stop looking at further spellings once a finding is certain: a weaker one may still grow with decoding.
const STRONG = 1;
const EVASION_TRANSFORM = 'traversal-decode';

function countSpaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n < 3; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

function wrapperSuspicion(lower: string): PathSuspicion | undefined {
  if (!lower.includes('://')) return undefined;
  let best: PathSuspicion | undefined;
  for (const url of findUrls(lower)) {
    const confidence = phpWrapperConfidence(url);
    if (confidence > (best?.confidence ?? 0)) {
      best = { rule: 'traversal/php-wrapper', confidence, start: url.start, end: url.start + 48 };
    }
  }
  return best;
}

function worthScanning(text: string, kind: ValueKind): boolean {
  return mayHoldTraversal(text) || (kind === 'path' ? mayBeRestricted(text) : namesConfigFile(text, kind));
}

const MAX_CONFIG_PATH = 512;

/**
 * A parameter that is one absolute path to a configuration or log file (`C:\\xampp\\php\\php.ini`), or one
 * dotfile of the home folder (`~/.viminfo`).
 */
function namesConfigFile(text: string, kind: ValueKind): boolean {
  return (
    kind !== 'path-segment' &&
    text.length <= MAX_CONFIG_PATH &&
    ((WHOLE_ROOTED_PATH.test(text) && CONFIG_FILE.test(text.toLowerCase())) || HOME_DOTFILE.test(text))
  );
}

interface Found {
  readonly suspicion: PathSuspicion;
  readonly text: string;
  readonly transforms: readonly string[];
}

// `%2F` or `%5C`, encoded once or more: a separator the router does not split on.
const ENCODED_SEPARATOR = /%(?:25)*(?:2f|5c)/i;

/**
 * A path segment with an encoded separator in it (`/files/%2Fapache%2Flogs%2Faccess_log`) is one
 * parameter to the application, a path it is handed whole: it is judged as a parameter's value is.
 */
function carriesPath(kind: ValueKind, raw: string): boolean {
  return kind === 'path-segment' && ENCODED_SEPARATOR.test(raw);
}

// A value that is one absolute path and nothing else: `/etc/vsftpd.conf`, `C:\WINNT\win.ini`.
// Windows folders hold spaces (`C:\Program Files\…`).
const WHOLE_ROOTED_PATH = /^(?:[/\\][^\s]*|[a-z]:[/\\][^\r\n\t<>|"]*)$/i;
const WHOLE_PATH_FLOOR = 0.8;
// A configuration, log or credentials file at the end of a path of two folders or more: by its extension, a
// log's name (`error_log`, `catalina.out`), a password file's (`pg_passwd`, `.lighttpdpassword`; not a page
// such as `/account/change-password`), a server-side configuration script (`config.inc.php`,
// `httpd.conf.default`) or an XML file in `conf/`.
const CONFIG_FILE = new RegExp(
  '[\\x2f\\\\][^\\x2f\\\\]+[\\x2f\\\\](?:' +
    [
      '[^\\x2f\\\\]*\\.(?:conf|cnf|cfg|ini|inf|config|log|err|properties|pem|key)',
      '[^\\x2f\\\\]*_log',
      'catalina\\.out',
      '[^\\x2f\\\\]*passwd[^\\x2f\\\\]*',
      '[^\\x2f\\\\]*\\.[^\\x2f\\\\]*password[^\\x2f\\\\]*',
      '(?:[^\\x2f\\\\]*[._-])?conf(?:ig)?\\.(?:[\\w-]+\\.)*(?:php\\d?|inc|default|user|bak|old|orig|dist)',
    ].join('|') +
    ')$|[\\x2f\\\\]conf[\\x2f\\\\][^\\x2f\\\\]+\\.xml$',
);
const DRIVE_PATH = /^[a-z]:[\x2f\\]/i;
// A file of the home folder's own (`~/.viminfo`, `~/.php_history`): shell, editor and session state.
const HOME_DOTFILE = /^~[\x2f\\]\.[\w.-]+$/;

function suspicions(text: string, kind: ValueKind, spelling: Spelling): PathSuspicion[] {
  const lower = text.toLowerCase();
  const out = judgePathScan(scanPaths(lower, kind === 'path' || kind === 'path-segment'), kind, spelling);
  // A parameter whose whole value is an absolute path into a system directory names the file to read.
  if (kind !== 'path' && kind !== 'path-segment' && WHOLE_ROOTED_PATH.test(text)) {
    for (let i = 0; i < out.length; i++) {
      const s = out[i]!;
      if (s.rule === 'traversal/sensitive-file' && s.confidence >= WHOLE_PATH_FLOOR && s.confidence < 0.9)
        out[i] = { ...s, confidence: 0.9 };
    }
  }
  // `C:/xampp/mysql/data/mysql.err`, `/usr/local/apache2/conf/extra/httpd-ssl.conf`: a parameter that is one
  // absolute path to a configuration or log file names the file to read, whatever the product.
  if (kind !== 'path' && namesConfigFile(text, kind)) {
    const name = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1;
    if (!out.some((s) => s.rule === 'traversal/sensitive-file' && s.confidence >= 0.9))
      out.push({ rule: 'traversal/sensitive-file', confidence: 0.9, start: name, end: text.length });
  }
  const wrapper = wrapperSuspicion(lower);
  if (wrapper !== undefined) out.push(wrapper);
  if (kind === 'path') {
    const restricted = findRestricted(lower);
    if (restricted !== undefined) out.push(restricted);
  }
  return out;
}

/**
 * Path traversal and local file inclusion: `..` runs in any spelling (`..\`, `..;/`, `....//`, `%2e`,
 * `%252e`, overlong UTF-8), sensitive files and directories (`/etc/passwd`, `win.ini`, `WEB-INF/web.xml`,
 * `.env`, `id_rsa`), PHP stream wrappers, and in request paths hidden, backup and dump files.
 * @example createTraversalAnalyzer().analyzeValue!(value) // [{ rule: 'traversal/dot-dot', confidence: 1, ... }]
 */
export function createTraversalAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions('traversal', options, 4096);
  return {
    id: 'traversal',
    analyzeValue(value: InspectedValue): readonly Finding[] {
      const { variants, item } = value;
      const raw = variants[0]!.value;
      const kind = carriesPath(item.kind, raw) ? 'query-value' : item.kind;
      const encoded = raw.indexOf('%') >= 0;
      const evasive =
        encoded || raw.includes('0x') || raw.includes('..')
          ? decodeEvasions(raw.slice(0, maxLength))
          : undefined;
      if (evasive === undefined && !variants.some((v) => worthScanning(v.value, kind))) return NONE;
      const rawDots = raw.includes('..');
      const spelling = {
        encoded: false,
        evasive: encoded && /%25(?:2e|2f|5c)/i.test(raw),
        nulByte: (encoded && raw.includes('%00')) || raw.includes('\0'),
        prose: false,
      };
      const prose = countSpaces(variants[variants.length - 1]!.value) >= 3;
      const found = new Map<string, Found>();
      const count = variants.length + (evasive === undefined ? 0 : 1);
      for (let v = 0; v < count; v++) {
        const variant = v < variants.length ? variants[v]! : undefined;
        const full = variant === undefined ? evasive! : variant.value;
        const text = full.length > maxLength ? full.slice(0, maxLength) : full;
        if (!worthScanning(text, kind)) continue;
        spelling.encoded = !rawDots && text.includes('..');
        // Free text in any spelling (a form sends its spaces as `+`), but `C:/program files (x86)/apache
        // group/…` is one path, not a sentence.
        spelling.prose =
          (countSpaces(text) >= 3 || prose) && !(DRIVE_PATH.test(text) && WHOLE_ROOTED_PATH.test(text));
        const viaEvasion = variant === undefined;
        const transforms = viaEvasion ? [EVASION_TRANSFORM] : variant.transforms;
        let strong = false;
        for (const s of suspicions(text, kind, viaEvasion ? { ...spelling, evasive: true } : spelling)) {
          if (s.confidence > (found.get(s.rule)?.suspicion.confidence ?? 0)) {
            found.set(s.rule, { suspicion: s, text, transforms });
          }
          strong ||= s.confidence >= STRONG;
        }
        if (strong) break;
      }
      if (found.size === 0) return NONE;
      return [...found.values()].map(({ suspicion, text, transforms }) => ({
        analyzer: 'traversal',
        rule: suspicion.rule,
        confidence: suspicion.confidence,
        location: item.location,
        evidence: excerpt(text, suspicion.start, suspicion.end),
        transforms,
      }));
    },
  };
}
