/** What an analyzer's finding means, in words an operator can act on. */
export interface FindingTemplate {
  /** What the analyzer saw, completing "found ...". */
  readonly what: string;
  /** Why it matters if it works. */
  readonly why: string;
}

/** One template per analyzer id of src/inspect (and the labyrinth's canary); a test keeps them in step. */
export const FINDING_TEMPLATES: Readonly<Record<string, FindingTemplate>> = Object.freeze({
  sqli: {
    what: 'input shaped to change the SQL query the application sends to its database',
    why: 'a working SQL injection can read, change or delete any data the application can reach, including accounts and passwords',
  },
  nosqli: {
    what: 'query operators (such as $ne or $where) where the application expects a plain value',
    why: 'it can bypass a login or read documents from a NoSQL database such as MongoDB',
  },
  xss: {
    what: 'markup or script meant to run in the browser of whoever views the page',
    why: "a stored or reflected script acts as the victim in their session: it can steal it or act on the victim's behalf",
  },
  cmdi: {
    what: 'shell syntax that would run an operating-system command if the value reached a shell',
    why: 'command injection gives the attacker the server itself: files, secrets and a foothold in the network',
  },
  traversal: {
    what: 'a path that climbs out of the intended folder (../) or names a sensitive file',
    why: 'it can read configuration files, keys and source code the web server should never serve',
  },
  rfi: {
    what: 'a remote URL where the application expects a local file or template name',
    why: 'if the application includes it, the attacker runs their own code on the server',
  },
  ssrf: {
    what: 'an internal or cloud-metadata address where the application expects an outside URL',
    why: "the server can be made to fetch internal services or cloud credentials on the attacker's behalf",
  },
  ssti: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: names the syntax attackers send
    what: 'template syntax (such as {{ }} or ${ }) meant to be evaluated by a server-side template engine',
    why: 'template injection usually ends in code running on the server',
  },
  ssjs: {
    what: 'JavaScript meant to be evaluated on the server (Node.js, database scripts)',
    why: 'it can run code in the application process or inside the database',
  },
  xxe: {
    what: 'an XML document declaring external entities or a DTD',
    why: 'a permissive XML parser can read local files or reach internal services through it',
  },
  xpath: {
    what: 'input shaped to change an XPath query',
    why: 'it can bypass a login or read the whole XML document the query runs on',
  },
  ldapi: {
    what: 'input shaped to break out of an LDAP search filter',
    why: 'it can bypass a directory login or list users and groups',
  },
  log4shell: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: names the syntax attackers send
    what: 'a ${jndi:...} lookup that a vulnerable Log4j would resolve',
    why: "on an unpatched Java service, merely logging the value loads and runs the attacker's code",
  },
  shellshock: {
    what: 'the () { :; }; function definition that old Bash versions execute from environment variables',
    why: 'CGI scripts on an unpatched Bash run whatever follows it',
  },
  crlf: {
    what: 'line breaks meant to inject headers or split the response',
    why: 'it can set cookies, poison caches or redirect users through headers the application never wrote',
  },
  deserialization: {
    what: 'a serialized object (Java, .NET, PHP, Python pickle, YAML tags) or a gadget known to run code',
    why: 'deserializing attacker data in an unsafe library runs code on the server',
  },
  php: {
    what: 'PHP code, stream wrappers or superglobals where the application expects data',
    why: "a PHP application that evaluates or includes the value runs the attacker's code",
  },
  protocol: {
    what: 'a request that breaks HTTP rules in a way clients do not (smuggling, odd framing, missing headers)',
    why: 'protocol tricks are used to slip requests past proxies or to fingerprint the stack',
  },
  scanner: {
    what: 'the signature of an automated vulnerability scanner or attack tool',
    why: 'a scan maps the application for weaknesses; targeted attacks usually follow',
  },
  'session-fixation': {
    what: 'a session identifier set by the request itself, for example in the URL or a forged cookie',
    why: 'if the application accepts it, the attacker knows the session id the victim will log in with',
  },
  canary: {
    what: 'a canary token that only the labyrinth of decoy pages ever handed out',
    why: 'whoever sent it crawled the trap pages: a bot or an attacker, not a real user',
  },
});

/** The template for an analyzer, or a generic one for an analyzer without its own. */
export function findingTemplate(analyzer: string): FindingTemplate {
  return (
    FINDING_TEMPLATES[analyzer] ?? {
      what: 'a value that matched one of its attack patterns',
      why: 'the request was judged hostile; check the evidence and whether the target is vulnerable',
    }
  );
}
