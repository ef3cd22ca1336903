import type { AttackRequest } from '../attack-request.js';
import type { Random } from '../random.js';
import type { Scenario } from '../scenario.js';
import { sendRequests } from '../send-requests.js';
import { probePaths } from './probe-paths.js';

// How security tools introduce themselves by default: the tool's name and a version.
const AGENTS: readonly ((r: Random) => string)[] = [
  (r) =>
    `Mozilla/5.00 (Nikto/2.${r.int(1, 5)}.${r.int(0, 9)}) (Evasions:None) (Test:${String(r.int(1, 9999)).padStart(6, '0')})`,
  (r) => `sqlmap/1.${r.int(4, 8)}.${r.int(1, 12)}#stable (https://sqlmap.org)`,
  () => 'Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))',
  (r) => `gobuster/3.${r.int(1, 6)}`,
  (r) => `Wfuzz/3.${r.int(0, 1)}.${r.int(0, 9)}`,
  (r) => `WPScan v3.8.${r.int(10, 25)} (https://wpscan.com/wordpress-security-scanner)`,
  () => 'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)',
];

function* sweep(random: Random): Generator<AttackRequest> {
  const agent = random.pick(AGENTS)(random);
  for (const path of probePaths(random))
    yield {
      method: 'GET',
      target: path,
      headers: [
        ['User-Agent', agent],
        ['Accept', '*/*'],
      ],
    };
}

/** A scanner's sweep of probe paths, under the scanner's own user agent. */
export const SCANNER: Scenario = {
  name: 'scanner',
  kind: 'behaviour',
  summary: 'a sweep of probe paths (.env, backups, admin panels) under a scanner user agent',
  requests: 60,
  seconds: 20,
  grace: 0,
  expect: 'answer',
  run: (ctx) => sendRequests(ctx, sweep(ctx.random), { concurrency: 4 }),
};
