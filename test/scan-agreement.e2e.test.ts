import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectorFor } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { type CorpusCase, caseToRequest } from '../src/forge/scan/index.js';
import { buildRequestView, judgeInspection, judgeWholeBody, THRESHOLDS } from '../src/inspect/index.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { rawRequest } from './helpers/raw-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

// `infinisec scan` judges a corpus offline; the gateway judges the same requests live. Both must agree:
// every case of the bundled sample is sent byte for byte through a running gateway and judged offline.

const dir = new URL('./fixtures/corpus/', import.meta.url).pathname;
const cases: CorpusCase[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(dir + f, 'utf8')
      .split('\n')
      .filter(Boolean),
  )
  .map((line) => JSON.parse(line) as CorpusCase);

const isForm = (c: CorpusCase) =>
  c.body !== null &&
  c.headers.some(([n, v]) => n.toLowerCase() === 'content-type' && v.includes('urlencoded'));

// The form cases again, padded in front past the 64 KiB inspected before forwarding: the gateway reads the
// rest as it streams, `scan` reads it from memory, a window at a time both.
const padded: CorpusCase[] = cases
  .filter(isForm)
  .map((c) => ({ ...c, id: `${c.id}-padded`, body: `pad=${'A'.repeat(100_000)}&${c.body}` }));

/** The bytes a corpus sender writes: request line, headers (Host added), a computed Content-Length, the body. */
function wire(c: CorpusCase): Buffer {
  const body = c.body_b64 ? Buffer.from(c.body_b64, 'base64') : Buffer.from(c.body ?? '', 'utf8');
  const names = c.headers.map(([n]) => n.toLowerCase());
  const lines = [`${c.method} ${c.target} HTTP/1.1`];
  if (!names.includes('host')) lines.push('Host: localhost');
  for (const [n, v] of c.headers) lines.push(`${n}: ${v}`);
  if (!names.includes('content-length') && !names.includes('transfer-encoding')) {
    if (body.length > 0 || ['POST', 'PUT', 'PATCH'].includes(c.method))
      lines.push(`Content-Length: ${body.length}`);
  }
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

describe('offline scan and live gateway agree', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    // Every request comes from one address: the brain's responder would soon challenge it, and the comparison is
    // of inspection alone.
    gateway = await startInProcess({ ...baseConfig(upstream.url), brain: { agents: { respond: false } } });
  });
  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('on every request of the bundled corpus sample', async () => {
    const config = await loadConfig({ base: baseConfig(upstream.url), env: {} });
    const inspector = inspectorFor(config);
    const policy = {
      sensitivity: config.inspect.sensitivity,
      mode: 'block',
      overLimit: config.inspect.limits.overLimit,
      overBudget: config.inspect.overBudget,
    } as const;
    // As `infinisec scan` judges: stop at the threshold, then read a long body on.
    const judgeOffline = (c: CorpusCase) => {
      const request = caseToRequest(c, c.id);
      const view = buildRequestView(request);
      const options = { decisiveScore: THRESHOLDS[policy.sensitivity] };
      const prefix = inspector.inspect(view, options);
      const verdict = judgeInspection(prefix, policy);
      if (request.body === undefined) return verdict;
      return judgeWholeBody(inspector, view, request.body, verdict, {
        policy,
        options,
        prefixFindings: prefix.findings,
        budgetMs: config.inspect.budgetMs,
        windowBytes: config.inspect.limits.maxBodyBytes,
      });
    };
    expect(policy.overLimit).toBe('inspect-stream');
    expect(padded.filter((c) => c.malicious).length).toBeGreaterThan(20);
    let compared = 0;
    let refusedByParser = 0;
    let paddedBlocked = 0;
    const blockedLive = new Map<string, boolean>();
    const hidden: string[] = [];
    const disagreements: string[] = [];
    for (const c of [...cases, ...padded]) {
      const offline = judgeOffline(c);
      const offlineBlocks = offline !== undefined && offline.action !== 'allow';
      const { status } = await rawRequest(gateway.port, wire(c));
      // Requests that Node's HTTP parser refuses (400) never reach inspection: nothing to compare.
      if (status === 400) {
        refusedByParser++;
        continue;
      }
      compared++;
      const liveBlocks = status === 403;
      const plainId = c.id.replace(/-padded$/, '');
      if (plainId === c.id) blockedLive.set(c.id, liveBlocks);
      else if (liveBlocks) paddedBlocked++;
      else if (blockedLive.get(plainId)) hidden.push(c.id);
      if (liveBlocks !== offlineBlocks)
        disagreements.push(`${c.id}: live ${status}, offline ${offline?.reason ?? 'allow'}`);
    }
    expect(compared).toBeGreaterThan(cases.length * 0.9);
    expect(refusedByParser).toBeLessThan(cases.length * 0.1);
    expect(disagreements).toEqual([]);
    // The padding hid no attack: each padded case is blocked when its plain case is.
    expect(hidden).toEqual([]);
    expect(paddedBlocked).toBeGreaterThan(20);
  }, 120_000);
});
