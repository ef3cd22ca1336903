import type { LeakedSecret } from '../find-leaked-secret.js';
import type { Outgoing } from '../send-from.js';
import type { WaveStep } from '../wave-step.js';

/** How the scanner's partner uses what it found: a key against the API, an e-mail address on the login form. */
function replay(secret: LeakedSecret): Outgoing {
  if (secret.kind === 'key')
    return {
      method: 'GET',
      path: '/api/products',
      headers: { authorization: `Bearer ${secret.value}`, accept: 'application/json' },
    };
  return {
    method: 'POST',
    path: '/login',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: secret.value, password: 'Summer2025!' }),
  };
}

/**
 * The scanner's partner, on another address, uses a secret the scanner picked up in the maze. The secret is a
 * canary minted for the scanner: the gateway traces it back to that intruder and bans the address using it.
 */
export const canaryReplayStep: WaveStep = {
  id: 'canary-replay',
  title: 'A partner uses the loot from another address',
  expected: 'the canary traced back to the scanner, the new address banned (canary/used), then blocked',
  async run(ctx) {
    const { partner } = ctx.actors;
    const { secret, intruder } = ctx.loot;
    if (secret === undefined || intruder === undefined)
      return { ok: false, observed: 'nothing to use: the scanner brought back no secret' };
    const used = await ctx.send(
      partner,
      replay(secret),
      secret.kind === 'key' ? `Bearer ${secret.value}` : secret.value,
    );
    const again = await ctx.send(partner, { method: 'GET', path: '/', headers: { accept: 'text/html' } });
    const ban = await ctx.gateway.decision((d) => d.source === 'canary' && d.value === partner.address);
    for (const decision of await ctx.gateway.decisionsOn(partner.address)) ctx.noteDecision(decision);
    const event = used.event;
    if (event === undefined)
      return { ok: false, observed: `${used.exchange.status}, but no event was recorded` };
    if (event.verdict.reason !== 'canary/used' || used.exchange.status !== 403)
      return {
        ok: false,
        observed: `${used.exchange.status}: ${event.verdict.action} (${event.verdict.reason}), not recognised as a canary`,
      };
    if (ban === undefined) return { ok: false, observed: 'recognised, but no ban was made on the address' };
    if (!ban.reason.includes(`intruder ${intruder}`))
      return {
        ok: false,
        observed: `banned, but traced to another intruder (${ban.reason}), not ${intruder}`,
      };
    const session = await ctx.gateway.intruder(intruder);
    if ((session?.canariesUsed ?? 0) < 1)
      return { ok: false, observed: `banned, but intruder ${intruder}'s session counts no canary used` };
    const blocked = again.exchange.status === 403 && again.event?.verdict.reason === 'decision/ban';
    const where = event.verdict.findings[0]?.location ?? '?';
    const traced =
      `recognised in ${where} as a canary of intruder ${intruder} (the scanner, ${ctx.actors.scanner.address}); ` +
      `${partner.address} banned (${ban.reason})`;
    return blocked
      ? { ok: true, observed: `${traced}; its next request blocked (decision/ban)` }
      : {
          ok: false,
          observed: `${traced}; but its next request got ${again.exchange.status} (${again.event?.verdict.reason ?? 'no event'})`,
        };
  },
};
