import { classifyReply } from '../classify-reply.js';
import type { Random } from '../random.js';
import { exchange } from '../raw-exchange.js';
import type { Scenario, ScenarioContext } from '../scenario.js';

// How Transfer-Encoding is written to slip past one parser and not the other.
const TE_NAMES = ['Transfer-Encoding', 'Transfer-encoding', 'transfer-encoding', 'Transfer-Encoding '];
const TE_VALUES = [
  'chunked',
  ' chunked',
  'chunked ',
  'CHUNKED',
  'xchunked',
  'chunked, identity',
  '\tchunked',
];

/** A request framing that two HTTP parsers may read differently. */
type Framing = 'cl-te' | 'te-cl' | 'cl-cl' | 'cl-list' | 'te-te';
const FRAMINGS: readonly Framing[] = ['cl-te', 'te-cl', 'cl-cl', 'cl-list', 'te-te'];

/** The start of a request hidden in the body, to be glued onto the next client's request. */
const smuggled = (r: Random) =>
  `GET /${r.pick(['admin', 'internal', '.env', 'api/orders'])} HTTP/1.1\r\nX-${r.word(4)}: `;

function build(framing: Framing, name: string, value: string, ctx: ScenarioContext): Buffer {
  const r = ctx.random;
  const hidden = smuggled(r);
  const start = `POST / HTTP/1.1\r\nHost: ${ctx.target.host}\r\nContent-Type: application/x-www-form-urlencoded\r\n`;
  const te = `${name}: ${value}\r\n`;
  let head: string;
  let body: string;
  switch (framing) {
    case 'cl-te':
      body = `0\r\n\r\n${hidden}`;
      head = `Content-Length: ${body.length}\r\n${te}`;
      break;
    case 'te-cl':
      body = `${hidden.length.toString(16)}\r\n${hidden}\r\n0\r\n\r\n`;
      head = `${te}Content-Length: 4\r\n`;
      break;
    case 'cl-cl':
      body = `q=${r.word(4)}&${hidden}`;
      head = `Content-Length: ${body.length}\r\nContent-Length: ${r.int(1, 6)}\r\n`;
      break;
    case 'cl-list':
      body = `q=${r.word(6)}`;
      head = `Content-Length: ${body.length}, ${body.length + r.int(1, 9)}\r\n`;
      break;
    default:
      body = `0\r\n\r\n${hidden}`;
      head = `Transfer-Encoding: chunked\r\n${te}Content-Length: ${body.length}\r\n`;
  }
  return Buffer.from(`${start}${head}Connection: keep-alive\r\n\r\n${body}`, 'latin1');
}

/** Request smuggling: Content-Length and Transfer-Encoding together, obfuscated, or Content-Length twice. */
export const SMUGGLING: Scenario = {
  name: 'smuggling',
  kind: 'protocol',
  summary: 'ambiguous framing: Content-Length with Transfer-Encoding (obfuscated), Content-Length twice',
  requests: 12,
  seconds: 15,
  grace: 0,
  expect: 'answer',
  run: async (ctx) => {
    const combos = FRAMINGS.flatMap((f) => TE_NAMES.flatMap((n) => TE_VALUES.map((v) => [f, n, v] as const)));
    // Every framing first, then the obfuscations at random.
    const order = [
      ...FRAMINGS.map((f) => [f, 'Transfer-Encoding', 'chunked'] as const),
      ...ctx.random.shuffle(combos),
    ];
    for (const [framing, name, value] of order) {
      if (!ctx.take()) return;
      const bytes = build(framing, name, value, ctx);
      const reply = await exchange(ctx.target.endpoint, bytes, {
        localAddress: ctx.client,
        timeoutMs: ctx.requestTimeout(),
        maxBodyBytes: 4096,
      });
      const status = reply.head?.status ?? null;
      const te =
        framing === 'cl-cl' || framing === 'cl-list' ? '' : ` ${JSON.stringify(`${name}: ${value}`)}`;
      ctx.record(classifyReply(reply, { refusalBlocks: true }), reply.ms, {
        request: `POST / (${framing}${te})`,
        status,
      });
    }
  },
};
