import type { AttackRequest } from '../attack-request.js';
import { BROWSER_AGENT } from '../payload/injection-points.js';
import type { Random } from '../random.js';
import type { Scenario } from '../scenario.js';
import { sendRequests } from '../send-requests.js';

const FIRST = ['anna', 'ben', 'carla', 'dmitri', 'emma', 'farid', 'grace', 'hiro', 'ines', 'jonas'];
const LAST = ['smith', 'garcia', 'chen', 'novak', 'okafor', 'silva', 'meyer'];
const DOMAINS = ['mail.example', 'example.com', 'example.org'];
const WORDS = ['summer', 'welcome', 'password', 'dragon', 'monkey', 'letmein', 'qwerty', 'sunshine'];

function username(r: Random): string {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  return r.pick([
    `${first}.${last}`,
    `${first}${r.int(1, 99)}`,
    `${first}.${last}@${r.pick(DOMAINS)}`,
    `${first[0]}${last}`,
  ]);
}

// The shapes leaked passwords take: a word, capitalised or not, then a year or digits, then a symbol.
function password(r: Random): string {
  const word = r.pick(WORDS);
  const head = r.next() < 0.5 ? word : `${word[0]!.toUpperCase()}${word.slice(1)}`;
  return `${head}${r.pick([String(r.int(1970, 2025)), '123', String(r.int(1, 99))])}${r.pick(['', '!', '?', '#'])}`;
}

function* attempts(random: Random): Generator<AttackRequest> {
  for (let i = 0; ; i++) {
    const user = username(random);
    const pass = password(random);
    const json = i % 2 === 1;
    const body = json
      ? JSON.stringify({ username: user, password: pass })
      : new URLSearchParams({ username: user, password: pass }).toString();
    yield {
      method: 'POST',
      target: '/login',
      headers: [
        ['User-Agent', BROWSER_AGENT],
        ['Content-Type', json ? 'application/json' : 'application/x-www-form-urlencoded'],
      ],
      body,
      note: body,
    };
  }
}

/**
 * Credential stuffing: many logins with leaked-looking credentials from one client, as forms and as JSON.
 * Ten failures are a person who forgot a password; more are not.
 */
export const CREDENTIAL_STUFFING: Scenario = {
  name: 'credential-stuffing',
  kind: 'behaviour',
  summary: 'many POST /login attempts with different credentials from one client',
  requests: 40,
  seconds: 20,
  grace: 10,
  expect: 'answer',
  run: (ctx) => sendRequests(ctx, attempts(ctx.random), { concurrency: 2 }),
};
