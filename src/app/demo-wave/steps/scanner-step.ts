import { findLeakedSecret, type PageSeen } from '../find-leaked-secret.js';
import { formatSpan } from '../format-span.js';
import type { Sent, WaveStep } from '../wave-step.js';

/**
 * The scanner's probes. Each adds a finding's risk: the ladder's labyrinth rung (risk 6) is reached on the
 * seventh (risk fades a little between probes), its block rung (10) not within these eight.
 */
export const SCANNER_PROBES = [
  '/.env',
  '/.git/config',
  '/wp-admin/',
  '/phpinfo.php',
  '/server-status',
  '/.aws/credentials',
  '/backup.zip',
  '/.DS_Store',
];

/** What went wrong, or undefined when the scanner was trapped as expected. */
function trapProblem(sent: readonly Sent[]): string | undefined {
  const first = sent[0]?.event;
  if (first === undefined) return 'no event recorded for the first probe';
  if (first.verdict.action !== 'labyrinth' || first.verdict.reason !== 'detector/scanner')
    return `first probe: ${first.verdict.action} (${first.verdict.reason}), not the labyrinth`;
  const reached = sent.filter((s) => s.event?.response.origin !== 'gateway').length;
  if (reached > 0) return `${reached} of ${sent.length} probes reached the shop or were not recorded`;
  const sessions = new Set(sent.map((s) => s.event?.labyrinthSession));
  if (sessions.size !== 1 || sessions.has(undefined)) return 'the probes were not one intruder session';
  return undefined;
}

/**
 * A vulnerability scanner probing for secrets and admin panels: its user agent gives it away at the first
 * probe, which leads it into the maze; each probe it sends there adds risk, and the ladder's labyrinth rung
 * then holds it there. What it collects is full of canaries, kept for the next step.
 */
export const scannerStep: WaveStep = {
  id: 'scanner',
  title: 'A scanner probes for secrets and admin panels',
  expected: 'trapped in the labyrinth, held there by the ladder (ladder/labyrinth), fed decoy secrets',
  async run(ctx) {
    const { scanner } = ctx.actors;
    const sent: Sent[] = [];
    const pages: PageSeen[] = [];
    for (const path of SCANNER_PROBES) {
      const one = await ctx.send(scanner, { method: 'GET', path, headers: { accept: '*/*' } });
      sent.push(one);
      pages.push({ path, body: one.exchange.body });
    }
    const rung = await ctx.gateway.decision(
      (d) => d.value === scanner.address && d.action === 'labyrinth' && d.reason === 'ladder/labyrinth',
    );
    for (const decision of await ctx.gateway.decisionsOn(scanner.address)) ctx.noteDecision(decision);
    const problem = trapProblem(sent);
    if (problem !== undefined) return { ok: false, observed: problem };
    const intruder = sent[0]!.event!.labyrinthSession!;
    const session = await ctx.gateway.intruder(intruder);
    const secret = findLeakedSecret(pages);
    ctx.loot.intruder = intruder;
    if (secret !== undefined) ctx.loot.secret = secret;
    const trapped =
      `trapped at its first probe (detector/scanner) as intruder ${intruder}; none of ${SCANNER_PROBES.length} probes ` +
      `reached the shop; ${session?.canariesIssued ?? '?'} canaries served in ${session?.pages ?? '?'} decoy pages`;
    if (rung === undefined)
      return { ok: false, observed: `${trapped}; but the ladder never reached its labyrinth rung` };
    if (secret === undefined)
      return { ok: false, observed: `${trapped}; but no decoy secret was found in the pages` };
    return {
      ok: true,
      observed:
        `${trapped}; the ladder climbed with each probe (its challenge rung leaves a client in the maze), ` +
        `and its labyrinth rung holds it there for ${formatSpan(rung.expires === null ? null : rung.expires - rung.created)}; ` +
        `it picked up ${secret.kind === 'key' ? 'a key' : 'an e-mail address'} on ${secret.page}`,
    };
  },
};
