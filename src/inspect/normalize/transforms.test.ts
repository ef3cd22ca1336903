import { describe, expect, it } from 'vitest';
import { TRANSFORM_CASES } from './cases.js';
import { HTML_ENTITY_NAMES, LEGACY_ENTITY_NAMES } from './html-entity-names.js';
import { TRANSFORMS, transformNamed } from './registry.js';

describe('transforms', () => {
  it('has cases for every registered transform, and a transform for every case table', () => {
    expect(Object.keys(TRANSFORM_CASES).sort()).toEqual([...TRANSFORMS.keys()].sort());
  });

  for (const [name, cases] of Object.entries(TRANSFORM_CASES)) {
    describe(name, () => {
      it.each(cases.map((c) => [JSON.stringify(c.input).slice(0, 60), c] as const))('%s', (_, c) => {
        const result = transformNamed(name).apply(c.input);
        expect(result).toEqual({ value: c.output, changed: c.output !== c.input });
      });

      it('returns the very input string when nothing changed', () => {
        for (const c of cases.filter((c) => c.output === c.input))
          expect(transformNamed(name).apply(c.input).value).toBe(c.input);
      });
    });
  }

  it('registers each transform under its own name', () => {
    for (const [name, transform] of TRANSFORMS) expect(transform.name).toBe(name);
  });

  it('knows the text of every legacy entity name, and matches the longer names first', () => {
    for (const name of LEGACY_ENTITY_NAMES) expect(HTML_ENTITY_NAMES.has(name), name).toBe(true);
    const lengths = LEGACY_ENTITY_NAMES.map((name) => name.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it('refuses an unknown name', () => {
    expect(() => transformNamed('rot13')).toThrow(/no transform named "rot13"/);
  });
});
