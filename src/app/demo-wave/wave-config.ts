import type { ConfigInput } from '../../config/index.js';

type DefendInput = NonNullable<ConfigInput['defend']>;
type ScenarioInput = NonNullable<DefendInput['scenarios']>[number];
type LadderStepInput = NonNullable<NonNullable<DefendInput['ladder']>['steps']>[number];

/** Where the wave's gateway listens and keeps its state. */
export interface WaveConfigOptions {
  /** Gateway port; 0 picks a free one. */
  readonly port: number;
  readonly dataDir: string;
}

/**
 * The ladder the wave climbs. One rung per outcome the wave shows: a credential stuffer is challenged, a
 * scanner held in the maze, and whoever goes on is blocked.
 */
export const WAVE_LADDER: readonly LadderStepInput[] = [
  { risk: 3, action: 'challenge', durationMs: 60_000 },
  { risk: 6, action: 'labyrinth', durationMs: 600_000 },
  { risk: 10, action: 'block', durationMs: 3_600_000 },
];

/**
 * Failed logins: five in a row overflow the bucket. Each overflow adds 5.5 risk: the first lands between the
 * challenge and labyrinth rungs, the second past the block rung even after a few seconds of decay (5 would
 * fall a hair short of 10 and stop on the labyrinth).
 */
export const LOGIN_FAILURES: Readonly<ScenarioInput> = {
  name: 'login-failures',
  statuses: [401, 403],
  paths: ['/login'],
  methods: ['POST'],
  capacity: 4,
  leakMs: 60_000,
  risk: 5.5,
};

/**
 * The wave's settings, laid over the demo mode's (one site in front of the demo shop): the labyrinth with a
 * tarpit quick enough for a demo, canaries that ban whoever uses them, the ladder and a failed-login scenario.
 * Listeners are on loopback; clients are told apart by their socket address (no trusted proxy).
 * @example writeFileSync(file, stringify(waveConfig({ port: 0, dataDir })));
 */
export function waveConfig(options: WaveConfigOptions): ConfigInput {
  return {
    server: { listeners: [{ host: '127.0.0.1', port: options.port }], trustedProxies: [] },
    control: { enabled: true, host: '127.0.0.1', port: 0 },
    store: { driver: 'sqlite', dataDir: options.dataDir, events: { flushMs: 50 } },
    logging: { level: 'info', access: 'blocked' },
    inspect: { mode: 'block', sensitivity: 'balanced' },
    labyrinth: {
      enabled: true,
      strategy: 'auto',
      // A maze page of 2-4 KB drips in about 0.1-0.2 s: the tarpit shows, the wave stays short.
      tarpit: { enabled: true, bytesPerInterval: 1024, intervalMs: 50 },
      canaries: { enabled: true, action: 'block', banMs: 86_400_000 },
    },
    defend: {
      // The wave's outcomes come from the ladder alone: a rate limit of the demo mode's must not cut in.
      rateLimits: [],
      scenarios: [{ ...LOGIN_FAILURES }],
      ladder: {
        enabled: true,
        findingRisk: 1,
        canaryRisk: 10,
        steps: WAVE_LADDER.map((step) => ({ ...step })),
      },
    },
  };
}
