import { formatSpan } from '../format-span.js';
import type { Sent, WaveStep } from '../wave-step.js';

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];
const PASSWORDS = ['123456', 'password', 'qwerty', 'letmein', 'Summer2024!', 'iloveyou', 'dragon'];
// Attempts at most: the ladder blocks the stuffer on the eleventh.
const MAX_ATTEMPTS = 20;

function credentials(i: number): { username: string; password: string } {
  return { username: `${USERS[i % USERS.length]}@example.com`, password: PASSWORDS[i % PASSWORDS.length]! };
}

/** The index of the first attempt the gateway answered with `action`, or -1. */
function first(sent: readonly Sent[], action: string): number {
  return sent.findIndex((s) => s.event?.verdict.action === action);
}

/**
 * A credential stuffer posting leaked pairs to the login form. Failed logins overflow the `login-failures`
 * scenario, whose risk takes the stuffer up the ladder: a challenge first (a script cannot solve it, and
 * its answers keep failing), then a block.
 */
export const credentialStufferStep: WaveStep = {
  id: 'credential-stuffer',
  title: 'A credential stuffer hammers the login form',
  expected: 'failed logins reach the shop, then a challenge (ladder/challenge), then a block (ladder/block)',
  async run(ctx) {
    const { stuffer } = ctx.actors;
    const sent: Sent[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const { username, password } = credentials(i);
      const one = await ctx.send(
        stuffer,
        {
          method: 'POST',
          path: '/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ username, password }).toString(),
        },
        `${username} / ${password}`,
      );
      sent.push(one);
      if (one.event?.verdict.action === 'block') break;
    }
    const block = await ctx.gateway.decision(
      (d) => d.value === stuffer.address && d.reason === 'ladder/block',
    );
    for (const decision of await ctx.gateway.decisionsOn(stuffer.address)) ctx.noteDecision(decision);
    const challenged = first(sent, 'challenge');
    const blocked = first(sent, 'block');
    const failed = sent.filter(
      (s) => s.exchange.status === 401 && s.event?.response.origin === 'upstream',
    ).length;
    const challenges = sent.filter((s) => s.event?.verdict.action === 'challenge').length;
    const story =
      `${failed} failed logins reached the shop; ` +
      (challenged < 0
        ? 'never challenged'
        : `challenged from attempt ${challenged + 1} (${challenges} challenge pages)`) +
      '; ' +
      (blocked < 0 ? `not blocked after ${sent.length} attempts` : `blocked at attempt ${blocked + 1}`);
    const ok =
      failed > 0 &&
      challenged > 0 &&
      blocked > challenged &&
      sent[blocked]?.exchange.status === 403 &&
      block !== undefined &&
      sent.slice(challenged, blocked).every((s) => s.event?.verdict.action === 'challenge');
    if (!ok) return { ok: false, observed: story };
    const span = formatSpan(block.expires === null ? null : block.expires - block.created);
    return { ok: true, observed: `${story} (ladder/block, for ${span})` };
  },
};
