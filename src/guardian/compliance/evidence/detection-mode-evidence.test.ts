import { describe, expect, it } from 'vitest';
import { type DetectionFacts, detectionModeEvidence } from './detection-mode-evidence.js';

const facts = (overrides: Partial<DetectionFacts> = {}): DetectionFacts => ({
  enabled: true,
  mode: 'block',
  sensitivity: 'balanced',
  failMode: 'open',
  inspectFailMode: 'open',
  disabledAnalyzers: [],
  routesOff: [],
  routesDetect: [],
  exclusions: 0,
  ...overrides,
});

describe('detectionModeEvidence', () => {
  it.each([
    [facts(), 'pass'],
    [facts({ mode: 'detect' }), 'warn'],
    [facts({ routesDetect: ['shop/api'] }), 'warn'],
    [facts({ routesOff: ['shop/health'] }), 'warn'],
    [facts({ enabled: false }), 'fail'],
  ] as const)('%j → %s', (input, status) => {
    expect(detectionModeEvidence(input).status).toBe(status);
  });
});
