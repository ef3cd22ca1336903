import { COMMAND_INJECTION } from './payload/families/command-injection.js';
import { LOG4SHELL } from './payload/families/log4shell.js';
import { PATH_TRAVERSAL } from './payload/families/path-traversal.js';
import { SQLI } from './payload/families/sqli.js';
import { SSRF } from './payload/families/ssrf.js';
import { SSTI } from './payload/families/ssti.js';
import { XSS } from './payload/families/xss.js';
import { XXE } from './payload/families/xxe.js';
import type { Scenario } from './scenario.js';
import { AI_CRAWLER } from './scenarios/ai-crawler.js';
import { CREDENTIAL_STUFFING } from './scenarios/credential-stuffing.js';
import { FLOOD } from './scenarios/flood.js';
import { payloadScenario } from './scenarios/payload-scenario.js';
import { SCANNER } from './scenarios/scanner.js';
import { SLOWLORIS } from './scenarios/slowloris.js';
import { SMUGGLING } from './scenarios/smuggling.js';

/** Every built-in scenario, by name, in the order a full run takes them. */
export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  [
    ...[SQLI, XSS, PATH_TRAVERSAL, COMMAND_INJECTION, SSRF, XXE, SSTI, LOG4SHELL].map(payloadScenario),
    SCANNER,
    CREDENTIAL_STUFFING,
    AI_CRAWLER,
    FLOOD,
    SLOWLORIS,
    SMUGGLING,
  ].map((s) => [s.name, s]),
);
