import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type CorpusCase, corpusCaseProblem } from '../../scan/corpus-case.js';
import type { AttackRequest } from '../attack-request.js';
import type { Scenario } from '../scenario.js';
import { sendRequests } from '../send-requests.js';

/** What a corpus file gave: scenarios per category, and the lines that were not cases. */
export interface LoadedCorpus {
  readonly scenarios: readonly Scenario[];
  readonly cases: number;
  readonly problems: readonly string[];
}

function toRequest(c: CorpusCase): AttackRequest {
  const body = c.body_b64 ? Buffer.from(c.body_b64, 'base64') : (c.body ?? undefined);
  return { method: c.method, target: c.target, headers: c.headers, body };
}

function scenarioOf(name: string, malicious: boolean, requests: readonly AttackRequest[]): Scenario {
  return {
    name,
    kind: 'corpus',
    summary: malicious
      ? `replayed attacks labelled ${name.slice('corpus:'.length)}`
      : 'replayed legitimate requests, which should pass',
    requests: requests.length,
    seconds: 60,
    grace: 0,
    expect: malicious ? 'answer' : 'pass',
    // Each case stands alone: sent by a client of its own where the system allows it.
    run: (ctx) => sendRequests(ctx, requests, { concurrency: 8, eachFromNewClient: true }),
  };
}

/**
 * Reads up to `limit` cases of a JSON Lines corpus (docs/detection.md) and makes one scenario per category
 * of attacks (`corpus:sqli`…) and one for the legitimate cases (`corpus:benign`). Requests are sent as the
 * file has them, byte for byte, but for the Host, which is the target's.
 *
 * @example const corpus = await loadCorpus('attacks.jsonl', 2000);
 */
export async function loadCorpus(file: string, limit: number): Promise<LoadedCorpus> {
  const groups = new Map<string, { malicious: boolean; requests: AttackRequest[] }>();
  const problems: string[] = [];
  let cases = 0;
  let lineNumber = 0;
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (cases >= limit) break;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${file}:${lineNumber}: not valid JSON`);
      continue;
    }
    const problem = corpusCaseProblem(value);
    if (problem !== undefined) {
      problems.push(`${file}:${lineNumber}: ${problem}`);
      continue;
    }
    const c = value as CorpusCase;
    const name = `corpus:${c.malicious ? c.category : 'benign'}`;
    let group = groups.get(name);
    if (group === undefined) {
      group = { malicious: c.malicious, requests: [] };
      groups.set(name, group);
    }
    group.requests.push(toRequest(c));
    cases++;
  }
  lines.close();
  const scenarios = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, g]) => scenarioOf(name, g.malicious, g.requests));
  return { scenarios, cases, problems };
}
