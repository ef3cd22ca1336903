import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ClientIdentity,
  Decision,
  Finding,
  IntruderSession,
  RequestView,
  Verdict,
} from '../core/index.js';
import type { RateRefusal } from '../defend/index.js';
import type { BodyPrefix } from './body-prefix.js';
import type { CompiledRoute, CompiledSite, GatewaySnapshot } from './gateway-snapshot.js';

/** The state of one request as it travels the phases; each phase reads what earlier ones wrote. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The configuration this request is served with, even if a reload happens meanwhile. */
  readonly snapshot: GatewaySnapshot;
  readonly requestId: string;
  readonly protocol: 'http' | 'https';
  /** Epoch ms and a monotonic mark at arrival. */
  readonly time: number;
  readonly started: number;
  readonly site: CompiledSite | undefined;
  route: CompiledRoute | undefined;
  client: ClientIdentity;
  view: RequestView | undefined;
  decision: Decision | undefined;
  /** True for an answer to a challenge page (under `/.infinisec/challenge/`), which the gateway handles. */
  challengeAnswer: boolean;
  /** The rate limit the request went over, if any. */
  rateLimit: RateRefusal | undefined;
  /** The shared state a rate limit needs is away and `defend.failMode` is closed. */
  storeDown: boolean;
  /** The client's labyrinth session, when it is trapped. */
  intruder: IntruderSession | undefined;
  findings: readonly Finding[];
  verdict: Verdict;
  inspectMs: number;
  upstreamMs: number | null;
  /** The body bytes read for inspection, held until the verdict lets them go upstream. */
  bodyPrefix: BodyPrefix | undefined;
  /** Limits inspection ran into, for the event and metrics. */
  overLimits: readonly string[];
  /** True when inspection ran out of time before it saw every value. */
  overBudget: boolean;
  /** Request body bytes read so far. */
  bodyBytes: number;
  origin: 'upstream' | 'gateway';
  /** Why the exchange ended badly, for the event; empty when it did not. */
  error: string;
  /** Faults caught along the way, logged once the request is over. */
  faults: unknown[];
  /** The socket's bytesWritten when the request arrived, to count what its answer wrote. */
  readonly socketBytesAtStart: number;
}
