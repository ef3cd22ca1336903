import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack, startSite, type TestSite } from './attack-fixture.testing.js';
import { attackReportSchema, renderAttackReportJsonSchema } from './attack-report-schema.js';
import { buildAttackReport } from './build-attack-report.js';
import { jsonSchemaProblems, unknownKeywords } from './json-schema-check.testing.js';
import { SCENARIOS } from './scenario-registry.js';

const DOCS_FILE = new URL('../../../docs/attack-report.schema.json', import.meta.url);
const committed = () => JSON.parse(readFileSync(DOCS_FILE, 'utf8')) as Record<string, unknown>;

describe('the attack report schema', () => {
  it('is what docs/attack-report.schema.json holds', () => {
    // Compared as JSON: the file is laid out by the formatter, the content is the generated schema's.
    expect(
      committed(),
      'docs/attack-report.schema.json is out of date: run `node bin/infinisec.js attack --report-schema > docs/attack-report.schema.json`',
    ).toEqual(JSON.parse(renderAttackReportJsonSchema()));
  });

  it('uses only keywords the test validator checks', () => {
    expect(unknownKeywords(committed())).toEqual([]);
  });
});

describe('a real report', () => {
  let site: TestSite;
  beforeAll(async () => {
    // A target that answers some attacks and lets others through, so that every part of the report is filled.
    site = await startSite((req, res) => {
      req.resume();
      const url = req.url ?? '/';
      if (url.includes('%27') || url.includes("'")) res.writeHead(403).end('no');
      else if (url.startsWith('/products')) res.writeHead(429).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/products">p</a>');
    });
  });
  afterAll(() => site.close());

  it('validates against the committed JSON Schema, and the validator catches a broken one', async () => {
    const names = ['sqli', 'xss', 'scanner', 'ai-crawler', 'smuggling'];
    const run = await attack(
      site.target,
      names.map((n) => SCENARIOS.get(n)!),
      { maxRequests: 120 },
    );
    const first = buildAttackReport(run);
    const report = buildAttackReport(run, first);
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    expect(jsonSchemaProblems(committed(), json)).toEqual([]);
    expect(attackReportSchema.safeParse(json).success).toBe(true);
    expect(report.scenarios.map((s) => s.name)).toEqual(names);
    expect(report.baseline?.delta).toBe(0);
    expect(report.scenarios.some((s) => s.samples.length > 0)).toBe(true);

    const broken = structuredClone(json) as { scenarios: Record<string, unknown>[]; score: unknown };
    broken.score = 101;
    broken.scenarios[0]!.verdict = 'maybe';
    delete broken.scenarios[1]!.outcomes;
    broken.scenarios[2]!.extra = true;
    expect(jsonSchemaProblems(committed(), broken)).toEqual([
      '$.score: above 100',
      '$.scenarios[0].verdict: not one of answered, passed-through, inconclusive',
      '$.scenarios[1]: missing "outcomes"',
      '$.scenarios[2]: unexpected "extra"',
    ]);
  });
});
