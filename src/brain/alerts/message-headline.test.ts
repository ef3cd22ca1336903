import { describe, expect, it } from 'vitest';
import { firstMessage, sampleAlert } from './alert-fixture.testing.js';
import { messageHeadline } from './message-headline.js';

describe('messageHeadline', () => {
  it('is the title for the first alert of a group', () => {
    expect(messageHeadline(firstMessage(sampleAlert({ title: 'T' })))).toBe('T');
  });

  it('names how many more for a summary, with thousands separated', () => {
    const message = { ...firstMessage(sampleAlert({ title: 'T' })), kind: 'summary' as const, more: 9999 };
    expect(messageHeadline(message)).toBe('T — and 9,999 more since 2025-01-01T10:00:00.000Z');
  });
});
