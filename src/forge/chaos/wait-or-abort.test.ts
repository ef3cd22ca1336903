import { describe, expect, it } from 'vitest';
import { waitOrAbort } from './wait-or-abort.js';

describe('waitOrAbort', () => {
  it('says elapsed when the time runs out first', async () => {
    expect(await waitOrAbort(1, new AbortController().signal)).toBe('elapsed');
  });

  it('says aborted when the signal comes first, or came already', async () => {
    const controller = new AbortController();
    const waiting = waitOrAbort(undefined, controller.signal);
    controller.abort();
    expect(await waiting).toBe('aborted');
    expect(await waitOrAbort(60_000, controller.signal)).toBe('aborted');
  });
});
