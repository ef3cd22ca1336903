/** An attack family as the analyst speaks of it: the analyzer id, a plain name, the words that name it. */
export interface AttackCategory {
  /** Analyzer id, as in findings and event queries. */
  readonly id: string;
  readonly name: string;
  /** Matches the ways an operator names it in a question (lowercase text). */
  readonly phrases: RegExp;
}

// The analyzers of src/inspect, and the canary the labyrinth reports; a test keeps the list in step.
// Order matters for questions: the more specific phrase first (NoSQL before SQL).
export const ATTACK_CATEGORIES: readonly AttackCategory[] = [
  { id: 'nosqli', name: 'NoSQL injection', phrases: /\bnosql(?:i| injection)?\b/ },
  { id: 'sqli', name: 'SQL injection', phrases: /\b(?:sqli|sql[ -]injections?|sql)\b/ },
  { id: 'xss', name: 'cross-site scripting (XSS)', phrases: /\b(?:xss|cross[ -]site[ -]scripting)\b/ },
  {
    id: 'cmdi',
    name: 'command injection',
    phrases: /\b(?:cmdi|(?:os |shell )?command[ -]injections?|shell injections?)\b/,
  },
  {
    id: 'traversal',
    name: 'path traversal',
    phrases: /\b(?:(?:path|directory)[ -]traversals?|traversals?|lfi|local file inclusions?)\b/,
  },
  { id: 'rfi', name: 'remote file inclusion', phrases: /\b(?:rfi|remote file inclusions?)\b/ },
  {
    id: 'ssrf',
    name: 'server-side request forgery (SSRF)',
    phrases: /\b(?:ssrf|server[ -]side request forgery)\b/,
  },
  { id: 'ssti', name: 'server-side template injection', phrases: /\b(?:ssti|template injections?)\b/ },
  { id: 'ssjs', name: 'server-side JavaScript injection', phrases: /\b(?:ssjs|server[ -]side javascript)\b/ },
  { id: 'xxe', name: 'XML external entity (XXE)', phrases: /\b(?:xxe|xml external entit(?:y|ies))\b/ },
  { id: 'xpath', name: 'XPath injection', phrases: /\bxpath(?: injections?)?\b/ },
  { id: 'ldapi', name: 'LDAP injection', phrases: /\b(?:ldapi|ldap injections?)\b/ },
  { id: 'log4shell', name: 'Log4Shell (JNDI lookup)', phrases: /\b(?:log4shell|log4j|jndi)\b/ },
  { id: 'shellshock', name: 'Shellshock', phrases: /\bshellshock\b/ },
  {
    id: 'crlf',
    name: 'CRLF / header injection',
    phrases: /\b(?:crlf|header injections?|response splitting)\b/,
  },
  {
    id: 'deserialization',
    name: 'unsafe deserialization',
    phrases: /\b(?:deseriali[sz]ation|serialized objects?|gadget chains?)\b/,
  },
  { id: 'php', name: 'PHP code injection', phrases: /\bphp(?: injections?| code)?\b/ },
  {
    id: 'protocol',
    name: 'HTTP protocol abuse',
    phrases: /\b(?:protocol (?:violations?|anomal(?:y|ies)|abuse))\b/,
  },
  { id: 'scanner', name: 'vulnerability scanner', phrases: /\b(?:scanners?|scanning|scans?)\b/ },
  { id: 'session-fixation', name: 'session fixation', phrases: /\bsession[ -]fixation\b/ },
  { id: 'canary', name: 'labyrinth canary reuse', phrases: /\bcanar(?:y|ies)\b/ },
];

/** Every category id a query may name. */
export const CATEGORY_IDS: readonly string[] = ATTACK_CATEGORIES.map((c) => c.id);

/** The plain name of a category, or the id itself when it is not a known one. */
export function categoryName(id: string): string {
  return ATTACK_CATEGORIES.find((c) => c.id === id)?.name ?? id;
}
