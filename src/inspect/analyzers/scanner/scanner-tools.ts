// Tokens of the User-Agent strings (and marker headers) that security tools send by default, by how
// much their presence alone says. Names of tools, not payloads.

/** Exploitation and vulnerability scanners: nobody runs these against a site by accident. */
const ATTACK_TOOLS = `sqlmap havij sqlninja bbqsql commix xsstrike xsser dotdotpwn fimap pangolin jaeles zmeu jorgee
  morfeus acunetix netsparker appscan webinspect w3af arachni skipfish nikto wpscan joomscan droopescan nessus
  openvas openvasvt paros vega webshag grendel-scan nuclei`;

/** Discovery, brute-forcing and mass-scanning tools: reconnaissance, often a prelude, never a visitor. */
const RECON_TOOLS = `gobuster dirbuster dirb ffuf wfuzz feroxbuster nmap masscan zgrab whatweb httprobe hydra medusa
  patator wapiti sslyze testssl`;

/** Tools whose agent spells out a phrase rather than a name (ffuf's `Fuzz Faster U Fool v2.1.0`). */
const RECON_PHRASES = ['fuzz faster u fool'];

/** Research scanners that announce themselves: weak, they index rather than attack. */
const RESEARCH = 'censysinspect expanse internet-measurement leakix';

function entries(list: string, confidence: number): [string, number][] {
  return list
    .trim()
    .split(/\s+/)
    .map((name): [string, number] => [name, confidence]);
}

/** Lower-cased User-Agent token → confidence. */
export const TOOL_TOKENS: ReadonlyMap<string, number> = new Map([
  ...entries(RESEARCH, 0.3),
  ...entries(RECON_TOOLS, 0.9),
  ...RECON_PHRASES.map((phrase): [string, number] => [phrase, 0.9]),
  ...entries(ATTACK_TOOLS, 0.9),
]);

/** Header names only scanners send (Acunetix, WebInspect, generic scanner markers). */
export const SCANNER_HEADERS: ReadonlySet<string> = new Set([
  'acunetix-aspect',
  'acunetix-aspect-password',
  'acunetix-aspect-queries',
  'acunetix-product',
  'x-wipp',
  'x-scanner',
  'x-scan-memo',
  'x-request-memo',
]);
