import { describe, expect, it } from 'vitest';
import { PHASE_NAMES, type Phases, runPipeline } from './pipeline.js';
import type { RequestContext } from './request-context.js';

const ctx = {} as RequestContext;

function recording(trace: string[], async: Partial<Record<string, boolean>> = {}, fail?: string): Phases {
  const entries = PHASE_NAMES.map((name) => [
    name,
    () => {
      trace.push(name);
      if (name === fail) throw new Error(`${name} failed`);
      return async[name] ? Promise.resolve() : undefined;
    },
  ]);
  return Object.fromEntries(entries) as unknown as Phases;
}

describe('runPipeline', () => {
  it('runs the phases in the documented order', async () => {
    const trace: string[] = [];
    runPipeline(recording(trace, { act: true }), ctx, () => {});
    expect(trace).toEqual(['identify', 'decisions', 'inspect', 'decide', 'act']);
    await new Promise((r) => setImmediate(r));
    expect(trace).toEqual([...PHASE_NAMES]);
  });

  it('stops at a throwing phase and reports the fault', () => {
    const trace: string[] = [];
    const faults: string[] = [];
    runPipeline(recording(trace, {}, 'inspect'), ctx, (_c, err) => faults.push((err as Error).message));
    expect(trace).toEqual(['identify', 'decisions', 'inspect']);
    expect(faults).toEqual(['inspect failed']);
  });

  it('reports a rejected asynchronous phase', async () => {
    const faults: unknown[] = [];
    const phases = { ...recording([]), act: () => Promise.reject(new Error('act broke')) };
    runPipeline(phases, ctx, (_c, err) => faults.push(err));
    await new Promise((r) => setImmediate(r));
    expect(faults).toHaveLength(1);
  });
});
