import { describe, expect, it } from 'vitest';
import { createAddressFailures } from './address-failures.js';

describe('address failures', () => {
  const limits = { max: 3, windowMs: 1000, tracked: 2 };

  it('makes an address wait once it passes the limit, until its window ends', () => {
    const failures = createAddressFailures(limits);
    for (let i = 0; i < 3; i++) {
      expect(failures.wait('192.0.2.1', 100)).toBe(0);
      failures.fail('192.0.2.1', 100);
    }
    expect(failures.wait('192.0.2.1', 400)).toBe(700);
    expect(failures.wait('192.0.2.2', 400)).toBe(0);
    expect(failures.wait('192.0.2.1', 1100)).toBe(0);
  });

  it('forgets the oldest address past its bound', () => {
    const failures = createAddressFailures(limits);
    for (let i = 0; i < 3; i++) failures.fail('192.0.2.1', 0);
    failures.fail('192.0.2.2', 1);
    failures.fail('192.0.2.3', 2);
    expect(failures.wait('192.0.2.1', 10)).toBe(0);
  });
});
