import { describe, expect, it } from 'vitest';
import { RollingWindow } from './rolling-window.js';

describe('RollingWindow', () => {
  it('counts outcomes and failures inside the window', () => {
    const window = new RollingWindow(1000, 10);
    window.record(false, 5000);
    window.record(true, 5050);
    window.record(true, 5950);
    expect(window.total).toBe(3);
    expect(window.failures).toBe(2);
  });

  it('forgets the slices that fall out of the window as time moves on', () => {
    const window = new RollingWindow(1000, 10);
    window.record(true, 5000);
    window.record(false, 5500);
    // 5000's slice is now more than a window old; 5500's is not.
    window.record(false, 6050);
    expect(window.total).toBe(2);
    expect(window.failures).toBe(0);
  });

  it('starts empty after a gap longer than the window', () => {
    const window = new RollingWindow(1000, 10);
    for (let t = 0; t < 1000; t += 50) window.record(true, 10_000 + t);
    expect(window.failures).toBe(20);
    window.record(false, 60_000);
    expect(window.total).toBe(1);
    expect(window.failures).toBe(0);
  });

  it('counts an outcome stamped before the newest slice into the newest one', () => {
    const window = new RollingWindow(1000, 10);
    window.record(false, 5000);
    window.record(true, 4990);
    expect(window.total).toBe(2);
    expect(window.failures).toBe(1);
  });

  it('reset forgets everything', () => {
    const window = new RollingWindow(1000);
    window.record(true, 1);
    window.reset();
    expect([window.total, window.failures]).toEqual([0, 0]);
  });
});
