import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs.js';
import { EVIDENCE_IDS, isEvidenceId } from './evidence.js';
import { FRAMEWORKS, isFramework } from './framework-catalog.js';

describe('framework catalogs', () => {
  it('have one catalog per framework, each under its own name', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...FRAMEWORKS].sort());
    for (const framework of FRAMEWORKS) expect(CATALOGS[framework].id).toBe(framework);
    expect(isFramework('soc2')).toBe(true);
    expect(isFramework('pci')).toBe(false);
  });

  it.each(FRAMEWORKS)(
    '%s: every control is unique, described, and names only known evidence',
    (framework) => {
      const { controls } = CATALOGS[framework];
      expect(new Set(controls.map((c) => c.id)).size).toBe(controls.length);
      for (const control of controls) {
        expect(control.title.length, control.id).toBeGreaterThan(0);
        expect(control.description.length, control.id).toBeGreaterThan(0);
        expect(control.evidence.length, control.id).toBeGreaterThan(0);
        expect(new Set(control.evidence).size, control.id).toBe(control.evidence.length);
        expect(
          control.evidence.filter((id) => !isEvidenceId(id)),
          control.id,
        ).toEqual([]);
      }
    },
  );

  it('use every kind of evidence somewhere', () => {
    const used = new Set(FRAMEWORKS.flatMap((f) => CATALOGS[f].controls.flatMap((c) => c.evidence)));
    expect(EVIDENCE_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('cover the controls each framework is known by', () => {
    const ids = (framework: keyof typeof CATALOGS) => CATALOGS[framework].controls.map((c) => c.id);
    expect(ids('soc2')).toEqual(
      expect.arrayContaining([
        'CC6.1',
        'CC6.2',
        'CC6.3',
        'CC6.6',
        'CC6.7',
        'CC7.2',
        'CC7.3',
        'CC7.4',
        'CC8.1',
        'A1.2',
        'C1.2',
      ]),
    );
    expect(ids('iso27001')).toEqual(
      expect.arrayContaining([
        'A.5.15',
        'A.5.17',
        'A.5.18',
        'A.5.24',
        'A.5.25',
        'A.5.26',
        'A.8.5',
        'A.8.10',
        'A.8.13',
        'A.8.15',
        'A.8.16',
        'A.8.24',
        'A.8.32',
      ]),
    );
    expect(ids('gdpr')).toEqual(
      expect.arrayContaining([
        'Art. 5(1)(c)',
        'Art. 5(1)(e)',
        'Art. 15, 20',
        'Art. 17',
        'Art. 25',
        'Art. 30',
        'Art. 32',
        'Art. 33',
      ]),
    );
  });

  it('back every control that speaks of authentication with the MFA evidence', () => {
    const mfa = (framework: keyof typeof CATALOGS, id: string) =>
      CATALOGS[framework].controls.find((c) => c.id === id)?.evidence.includes('mfa');
    expect(mfa('soc2', 'CC6.1')).toBe(true);
    expect(mfa('iso27001', 'A.8.5')).toBe(true);
    expect(mfa('gdpr', 'Art. 32')).toBe(true);
  });
});
