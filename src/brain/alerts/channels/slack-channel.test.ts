import { afterEach, describe, expect, it } from 'vitest';
import { firstMessage, sampleAlert } from '../alert-fixture.testing.js';
import { cleanText } from '../clean-text.js';
import { type Receiver, startReceiver } from './http-receiver.testing.js';
import { createSlackChannel, slackPayload } from './slack-channel.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

interface SlackBody {
  text: string;
  blocks: {
    type: string;
    text?: { type: string; text: string };
    fields?: { text: string }[];
    elements?: { text: string }[];
  }[];
}

describe('createSlackChannel', () => {
  it('posts {text, blocks} as an incoming webhook takes them', async () => {
    receiver = await startReceiver();
    const channel = createSlackChannel({ url: receiver.url });
    expect(await channel.send(firstMessage(sampleAlert()))).toEqual({ ok: true, attempts: 1 });
    const body = JSON.parse(receiver.requests[0]!.body) as SlackBody;
    expect(receiver.requests[0]?.headers['content-type']).toBe('application/json');
    expect(body.text).toBe(':rotating_light: [critical] A decoy secret from the labyrinth was used on shop');
    expect(body.blocks.map((b) => b.type)).toEqual(['section', 'section', 'context']);
    expect(body.blocks[0]?.text).toEqual({
      type: 'mrkdwn',
      text: ':rotating_light: *A decoy secret from the labyrinth was used on shop*',
    });
    expect(body.blocks[1]?.fields?.map((f) => f.text)).toEqual([
      '*Intruder*\n1a2b3c4d',
      '*Client*\n198.51.100.7',
    ]);
    expect(body.blocks[2]?.elements?.[0]?.text).toBe(
      'canary-used · critical · shop · 2025-01-01T10:00:00.000Z',
    );
  });

  it('shows attacker text as text: no mention, link, formatting or new line gets through', () => {
    const evil = '<!channel> <https://evil.example|click> *bold* _it_ ~s~ `code` &amp;\n> quote';
    const alert = sampleAlert({
      title: `Attack wave on ${cleanText(evil)}`,
      facts: [{ label: 'Latest path', value: cleanText(evil) }],
    });
    const body = slackPayload(firstMessage(alert)) as SlackBody;
    const texts = [body.text, body.blocks[0]!.text!.text, body.blocks[1]!.fields![0]!.text];
    for (const text of texts) {
      expect(text).not.toMatch(/[<>`~]/);
      expect(text).toContain('&lt;!channel&gt;');
      expect(text).toContain('&amp;amp;');
      expect(text).not.toMatch(/\n&gt; quote/);
    }
    // The only asterisks left are the ones the channel puts around the headline and labels.
    expect(body.blocks[1]!.fields![0]!.text.match(/\*/g)).toHaveLength(2);
    expect(body.blocks[0]!.text!.text.match(/\*/g)).toHaveLength(2);
  });

  it('keeps every field under Slack limits however long the value', () => {
    const alert = sampleAlert({
      facts: [{ label: 'Summary', value: '&'.repeat(5000) }],
      title: '<'.repeat(5000),
    });
    const body = slackPayload(firstMessage(alert)) as SlackBody;
    expect(body.blocks[1]!.fields![0]!.text.length).toBeLessThanOrEqual(2000);
    expect(body.blocks[0]!.text!.text.length).toBeLessThanOrEqual(3000);
  });

  it('headlines a summary with how many more were folded', () => {
    const alert = sampleAlert();
    const body = slackPayload({ ...firstMessage(alert), kind: 'summary', more: 9999 }) as SlackBody;
    expect(body.text).toContain('— and 9,999 more since 2025-01-01T10:00:00.000Z');
  });

  it('retries a 500 from the webhook', async () => {
    receiver = await startReceiver((_, i) => (i === 0 ? 500 : 200));
    const channel = createSlackChannel({ url: receiver.url, backoffMs: 5, maxBackoffMs: 20 });
    expect(await channel.send(firstMessage(sampleAlert()))).toEqual({ ok: true, attempts: 2 });
  });
});
